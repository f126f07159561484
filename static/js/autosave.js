/* Autosave with a warning before leaving with unsaved changes, shared by the
   entry form and the judges' review form. The form carries its texts in
   data-text-* attributes, a hidden "version" input (optimistic locking) and a
   [data-autosave-status] live region. The server answers a fetch POST with
   200 {version, saved_at}, 409 {errors: {__all__: [...]}} when someone saved
   meanwhile (autosave then stops, nothing is overwritten), or 400
   {errors: {field: [...]}}. Without JavaScript the forms' buttons still save. */
(function () {
  "use strict";

  var AUTOSAVE_EVERY_MS = 5000;
  var RETRY_AFTER_MS = 15000;

  function text(form, name, values) {
    var template = form.getAttribute("data-text-" + name) || "";
    Object.keys(values || {}).forEach(function (key) {
      template = template.split("{" + key + "}").join(values[key]);
    });
    return template;
  }

  function csrfToken(form) {
    var input = form.querySelector("[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function setUpAutosave(form) {
    var status = form.querySelector("[data-autosave-status]");
    var version = form.querySelector("[name=version]");
    var edits = 0;        // changes made since the page loaded
    var savedEdits = 0;   // changes the server has confirmed
    var saving = false;
    var stopped = false;  // after an edit conflict, until the page is reloaded
    var submitting = false;
    var rejectedEdits = -1;  // the server refused the values as of this edit
    var pendingSubmit = null;  // a submit held back while an autosave is answered

    function dirty() { return edits !== savedEdits; }

    // A submit made while an autosave is on its way would carry the old version
    // and be refused as an edit conflict: it goes once the autosave is answered.
    function releaseSubmit() {
      if (!pendingSubmit) return;
      var submitter = pendingSubmit.submitter;
      pendingSubmit = null;
      if (typeof form.requestSubmit === "function") form.requestSubmit(submitter || undefined);
      else form.submit();
    }

    function say(message, problem) {
      status.textContent = message;
      status.classList.toggle("autosave-status--problem", !!problem);
    }

    function fieldNamed(name) {
      return form.querySelector("[name='" + name + "']");
    }

    function labelOf(field) {
      var group = field.closest("fieldset");
      var label = form.querySelector("label[for='" + field.id + "']");
      var legend = group && group.querySelector("legend");
      if ((field.type === "checkbox" || field.type === "radio") && legend) return legend.textContent.trim();
      return (label || legend || field).textContent.trim() || field.name;
    }

    function sayToCorrect(names, time) {
      status.textContent = text(form, "to-correct", { time: time }) + " ";
      status.classList.add("autosave-status--problem");
      names.forEach(function (name, index) {
        var field = fieldNamed(name);
        if (!field) return;
        var link = document.createElement("a");
        link.href = "#" + field.id;
        link.textContent = labelOf(field);
        link.addEventListener("click", function (event) {
          event.preventDefault();
          field.focus();
        });
        if (index) status.appendChild(document.createTextNode(", "));
        status.appendChild(link);
      });
    }

    function showFieldErrors(errors) {
      form.querySelectorAll(".autosave-error").forEach(function (node) { node.remove(); });
      Object.keys(errors).forEach(function (name) {
        var field = form.querySelector("[name='" + name + "']");
        if (!field) return;
        var list = document.createElement("ul");
        list.className = "errorlist autosave-error";
        list.id = field.id + "_autosave_error";
        errors[name].forEach(function (message) {
          var item = document.createElement("li");
          item.textContent = message;
          list.appendChild(item);
        });
        field.insertAdjacentElement("beforebegin", list);
        field.setAttribute("aria-invalid", "true");
        var described = field.getAttribute("aria-describedby") || "";
        if (described.indexOf(list.id) < 0) field.setAttribute("aria-describedby", (described + " " + list.id).trim());
      });
    }

    function clearFieldErrors() {
      form.querySelectorAll(".autosave-error").forEach(function (node) {
        var field = node.nextElementSibling;
        if (field) {
          field.removeAttribute("aria-invalid");
          var described = (field.getAttribute("aria-describedby") || "").replace(node.id, "").trim();
          if (described) field.setAttribute("aria-describedby", described); else field.removeAttribute("aria-describedby");
        }
        node.remove();
      });
    }

    function save() {
      if (saving || stopped || submitting || !dirty() || edits === rejectedEdits) return;
      saving = true;
      var upTo = edits;
      var data = new FormData(form);
      Array.from(data.keys()).forEach(function (key) { if (key.indexOf("file-") === 0) data.delete(key); });
      data.delete("action");
      say(text(form, "saving"));
      fetch(form.getAttribute("action") || window.location.href, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch", "X-CSRFToken": csrfToken(form), "Accept": "application/json" }
      }).then(function (response) {
        var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
        if (!json) return { status: response.status, body: null };  // e.g. 404 once access is gone
        return response.json().then(function (body) { return { status: response.status, body: body }; });
      }).then(function (result) {
        saving = false;
        var general = result.body && result.body.errors && result.body.errors.__all__;
        if (!result.body) {
          stopped = true;  // the page can no longer save (signed out, access gone, server error)
          say(text(form, "failed"), true);
        } else if (result.status === 200) {
          version.value = result.body.version;
          savedEdits = upTo;
          clearFieldErrors();
          var time = new Date(result.body.saved_at).toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit" });
          var toCorrect = result.body.to_correct || {};
          if (Object.keys(toCorrect).length) {
            // Saved, the values in error as typed: say which fields to correct, each a link to it.
            showFieldErrors(toCorrect);
            sayToCorrect(Object.keys(toCorrect), time);
          } else {
            say(dirty() ? text(form, "unsaved") : text(form, "saved", { time: time }));
          }
        } else if (result.status === 409 || general) {
          stopped = true;  // refused as a whole (edited elsewhere, closed, locked): say why and stop
          say((general || []).join(" "), true);
        } else {
          showFieldErrors(result.body.errors || {});
          say(text(form, "invalid"), true);
          rejectedEdits = upTo;  // still unsaved; the next edit tries again
        }
        releaseSubmit();
      }).catch(function () {
        saving = false;
        say(text(form, "offline"), true);
        if (pendingSubmit) releaseSubmit(); else window.setTimeout(save, RETRY_AFTER_MS);
      });
    }

    form.addEventListener("input", function (event) {
      if (event.target.type === "file") return;
      edits += 1;
      if (!stopped) say(text(form, "unsaved"));
    });
    form.addEventListener("change", function (event) {
      if (event.target.type === "file") return;
      save();
    });
    form.addEventListener("focusout", function (event) {
      if (event.target.matches("input, textarea, select")) save();
    });
    form.addEventListener("submit", function (event) {
      if (saving) {
        event.preventDefault();
        pendingSubmit = { submitter: event.submitter };
        return;
      }
      submitting = true;
    });
    window.setInterval(save, AUTOSAVE_EVERY_MS);
    window.addEventListener("beforeunload", function (event) {
      if (submitting || (!dirty() && !form.querySelector("[data-uploading]"))) return;
      event.preventDefault();
      event.returnValue = text(form, "leave");
      return event.returnValue;
    });
  }

  window.portalForms = { text: text, csrfToken: csrfToken, setUpAutosave: setUpAutosave };

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.fetch || !window.FormData) return;
    document.querySelectorAll("form[data-autosave]").forEach(function (form) {
      try { setUpAutosave(form); } catch (error) { if (window.console) window.console.error(error); }
    });
    var summary = document.querySelector("[data-error-summary]");
    if (summary) summary.focus();
  });
})();
