// Staff pages with work in progress (results e-mails, certificates, the
// removal of personal data): refresh the progress bars and figures from the
// page's JSON until the work is done. A bar names its figures:
// <progress data-progress-value="mail.sent" data-progress-max="mail.total">.
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
    document.querySelectorAll("progress[data-progress-value]").forEach(function (bar) {
      var value = pick(data, bar.getAttribute("data-progress-value"));
      var max = pick(data, bar.getAttribute("data-progress-max"));
      if (value != null && max != null) {
        bar.max = Math.max(max, 1);
        bar.value = value;
      }
    });
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
