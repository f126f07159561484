/* Autosave with a warning before leaving with unsaved changes, shared by the
   entry form and the judges' review form. The form carries its texts in
   data-text-* attributes, a hidden "version" input (optimistic locking) and a
   [data-autosave-status] live region. The server answers a fetch POST with
   200 {version, saved_at}, 409 {errors: {__all__: [...]}} when someone saved
   meanwhile (autosave then stops, nothing is overwritten), or 400
   {errors: {field: [...]}}. Without JavaScript the forms' buttons still save.

   A form marked data-autosave-fields (the entry form) sends only the fields
   changed, named in "changed", with "bases" (each field's digest as last
   known from the server): the server merges field by field and answers 200
   {version, saved_at, digests, conflicts, to_correct}. A field someone else
   changed meanwhile is not stored: both texts are shown, the person chooses.
   Changes not yet sent are also kept in this browser (draft_copy.js, under
   data-draft-key, removed at sign-out by portal.js) and restored after a
   crash, a reload or a lost connection. */
(function () {
  "use strict";

  var AUTOSAVE_EVERY_MS = 5000;
  var RETRY_AFTER_MS = 15000;
  var COPY_PREFIX = "portal-draft:";  // portal.js removes these at sign-out

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
    var basesInput = form.querySelector("[name=bases]");
    var perField = form.hasAttribute("data-autosave-fields") && !!basesInput;
    var copyKey = perField && form.getAttribute("data-draft-key") ? COPY_PREFIX + form.getAttribute("data-draft-key") : null;
    var edits = 0;        // changes made since the page loaded
    var savedEdits = 0;   // changes the server has confirmed (whole-form mode)
    var pending = {};     // per field: the edit count of its last change not yet stored
    var conflicted = {};  // per field: what someone else stored, until this person chooses
    var saving = false;
    var stopped = false;  // after an edit conflict, until the page is reloaded
    var submitting = false;
    var rejectedEdits = -1;  // the server refused the values as of this edit
    var pendingSubmit = null;  // a submit held back while an autosave is answered

    function unsentNames() {
      return Object.keys(pending).filter(function (name) { return !conflicted[name]; });
    }
    function dirty() { return perField ? Object.keys(pending).length > 0 : edits !== savedEdits; }

    function bases() {
      try { return JSON.parse(basesInput.value || "{}") || {}; } catch (error) { return {}; }
    }

    // The browser's copy of what is not stored yet (draft_copy.js).
    var copy = copyKey && window.portalDraftCopy ? window.portalDraftCopy(form, copyKey, {
      fieldNamed: function (name) { return fieldNamed(name); },
      pendingNames: function () { return Object.keys(pending); },
      bases: function () { return bases(); },
      version: function () { return version.value; },
      submitting: function () { return submitting; },
      put: function (name, values, base) {
        setValues(name, values);
        if (base) setBase(name, base);
        edits += 1;
        pending[name] = edits;
      },
      say: function (message) { say(message); },
      save: function () { save(); }
    }) : null;
    function keepCopy() { if (copy) copy.keep(); }

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

    function sayWithLinks(message, names) {
      status.appendChild(document.createTextNode(message + " "));
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
      status.appendChild(document.createTextNode(" "));
    }

    function setValues(name, values) {
      form.querySelectorAll("[name='" + name + "']").forEach(function (field) {
        if (field.type === "checkbox" || field.type === "radio") field.checked = values.indexOf(field.value) >= 0;
        else field.value = values.length ? values[0] : "";
      });
    }

    function setBase(name, digest) {
      var known = bases();
      known[name] = digest;
      basesInput.value = JSON.stringify(known);
    }

    // Someone else stored another value in this field meanwhile: show theirs
    // beside it (the field keeps what this person typed) and let them choose.
    function showConflict(name, conflict) {
      var field = fieldNamed(name);
      if (!field) return;
      var old = document.getElementById(field.id + "_conflict");
      if (old) old.remove();
      var box = document.createElement("div");
      box.className = "conflict";
      box.id = field.id + "_conflict";
      box.setAttribute("role", "group");
      var title = document.createElement("p");
      title.className = "conflict__title";
      title.id = box.id + "_title";
      title.textContent = text(form, "conflict", { label: labelOf(field) });
      box.setAttribute("aria-labelledby", title.id);
      var theirs = document.createElement("blockquote");
      theirs.className = "conflict__theirs";
      theirs.textContent = conflict.text || text(form, "empty");
      var actions = document.createElement("div");
      actions.className = "actions";
      function choice(label, choose) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button button--small button--secondary";
        button.textContent = label;
        button.addEventListener("click", function () {
          choose();
          setBase(name, conflict.digest);
          delete conflicted[name];
          box.remove();
          field.focus();
          keepCopy();
          save();
        });
        actions.appendChild(button);
      }
      choice(text(form, "keep-mine"), function () {});
      choice(text(form, "use-theirs"), function () {
        setValues(name, Array.isArray(conflict.theirs) ? conflict.theirs : [conflict.theirs]);
        delete pending[name];
      });
      box.appendChild(title);
      box.appendChild(theirs);
      box.appendChild(actions);
      (field.closest(".field") || field).insertAdjacentElement("afterend", box);
    }

    // What the server stored of the fields sent: their new bases; those in conflict wait for a choice.
    function stored(sent, body) {
      var known = bases(), digests = body.digests || {}, conflicts = body.conflicts || {};
      Object.keys(sent).forEach(function (name) {
        if (conflicts[name]) {
          conflicted[name] = { theirs: conflicts[name].theirs, text: conflicts[name].text, digest: digests[name] };
          showConflict(name, conflicted[name]);
          return;
        }
        if (digests[name]) known[name] = digests[name];
        if (pending[name] === sent[name]) delete pending[name];
      });
      basesInput.value = JSON.stringify(known);
      keepCopy();
    }

    function requestBody(names) {
      var all = new FormData(form);
      if (!perField) {
        Array.from(all.keys()).forEach(function (key) { if (key.indexOf("file-") === 0) all.delete(key); });
        all.delete("action");
        return all;
      }
      var body = new FormData();
      body.append("csrfmiddlewaretoken", csrfToken(form));
      body.append("version", version.value);
      body.append("bases", basesInput.value);
      body.append("changed", names.join(","));
      names.forEach(function (name) { all.getAll(name).forEach(function (value) { body.append(name, value); }); });
      return body;
    }

    function save() {
      var names = perField ? unsentNames() : [];
      var ready = perField ? names.length > 0 : dirty();
      if (saving || stopped || submitting || !ready || edits === rejectedEdits) return;
      saving = true;
      var upTo = edits;
      var sent = {};
      names.forEach(function (name) { sent[name] = pending[name]; });
      var data = requestBody(names);
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
          if (perField) stored(sent, result.body);
          clearFieldErrors();
          var time = new Date(result.body.saved_at).toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit" });
          var toCorrect = result.body.to_correct || {};
          var inConflict = Object.keys(conflicted);
          if (Object.keys(toCorrect).length || inConflict.length) {
            // Saved, the values in error as typed: say which fields to correct, each a link to it.
            say("");
            showFieldErrors(toCorrect);
            if (Object.keys(toCorrect).length) sayWithLinks(text(form, "to-correct", { time: time }), Object.keys(toCorrect));
            if (inConflict.length) sayWithLinks(text(form, "conflicts", { time: time }), inConflict);
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
        leaveWhenSaved();
      }).catch(function () {
        saving = false;
        say(text(form, "offline"), true);
        if (leaveTo) leaveTo.tried = true;
        if (pendingSubmit) releaseSubmit(); else window.setTimeout(save, RETRY_AFTER_MS);
        leaveWhenSaved();
      });
    }

    // Leaving by a link (the step list) once what was typed here is stored,
    // or kept in this browser when the server cannot be reached.
    var leaveTo = null;
    function leaveWhenSaved() {
      if (!leaveTo || saving) return;
      if (unsentNames().length && !leaveTo.tried && !stopped) {
        leaveTo.tried = true;
        save();
        if (!saving) leaveWhenSaved();
        return;
      }
      leaveTo.going = true;  // no "unsaved changes" question: they are stored, or kept here
      window.location.href = leaveTo.href;
    }
    document.querySelectorAll("[data-save-before-leaving] a[href]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        if (!dirty() && !saving) return;
        event.preventDefault();
        leaveTo = { href: link.href, tried: false };
        leaveWhenSaved();
      });
    });

    form.addEventListener("input", function (event) {
      var name = event.target.name;
      if (!name || event.target.type === "file") return;
      edits += 1;
      if (perField) {
        pending[name] = edits;
        keepCopy();
      }
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
      keepCopy();  // marked as being submitted: dropped once the entry shows the save
    });
    window.setInterval(save, AUTOSAVE_EVERY_MS);
    window.addEventListener("online", save);
    window.addEventListener("beforeunload", function (event) {
      if (submitting || (leaveTo && leaveTo.going) || (!dirty() && !form.querySelector("[data-uploading]"))) return;
      event.preventDefault();
      event.returnValue = text(form, "leave");
      return event.returnValue;
    });
    if (copy) copy.restore();
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
