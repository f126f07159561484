// Staff publication page: refresh the progress bars and figures from the
// page's JSON while e-mails or certificates are still pending.
(function () {
  "use strict";
  var root = document.querySelector("[data-progress-url]");
  if (!root || !window.fetch) {
    return;
  }
  var url = root.getAttribute("data-progress-url");

  function pick(data, path) {
    return path.split(".").reduce(function (value, key) {
      return value == null ? value : value[key];
    }, data);
  }

  function update(data) {
    document.querySelectorAll("[data-figure]").forEach(function (node) {
      var value = pick(data, node.getAttribute("data-figure"));
      if (value != null && node.textContent !== String(value)) {
        node.textContent = String(value);
      }
    });
    var mail = document.querySelector('[data-progress="mail"]');
    if (mail) {
      mail.max = Math.max(data.mail.total, 1);
      mail.value = data.mail.sent;
    }
    var certificates = document.querySelector('[data-progress="certificates"]');
    if (certificates) {
      certificates.max = Math.max(data.certificates.owed, 1);
      certificates.value = data.certificates.ready;
    }
    return data.active;
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (data && update(data)) {
          window.setTimeout(poll, 2000);
        }
      })
      .catch(function () {});
  }

  window.setTimeout(poll, 1000);
})();
