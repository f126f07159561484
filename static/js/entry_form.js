/* The entry form, enhanced: autosave, a warning before leaving with unsaved
   changes, word counts, and file uploads with a progress bar. Without this
   file the form still works through its "Save draft" button. */
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

  // The same counting as the server (validators.count_words): a run of
  // non-space characters is a word; each Han or kana character too (Korean
  // uses spaces, so it counts like English).
  var CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
  var WORD = new RegExp("[" + CJK + "]|[^\\s" + CJK + "]+", "g");
  function countWords(value) {
    var found = (value || "").match(WORD);
    return found ? found.length : 0;
  }

  function setUpWordCounts(form) {
    form.querySelectorAll("[data-word-limit]").forEach(function (field) {
      var limit = parseInt(field.getAttribute("data-word-limit"), 10);
      var counter = document.createElement("p");
      counter.className = "word-count";
      counter.id = field.id + "_wordcount";
      field.insertAdjacentElement("afterend", counter);
      var described = field.getAttribute("aria-describedby");
      field.setAttribute("aria-describedby", (described ? described + " " : "") + counter.id);
      function update() {
        var count = countWords(field.value);
        var over = count > limit;
        counter.textContent = text(form, over ? "words-over" : "words", { count: count, limit: limit });
        counter.classList.toggle("word-count--over", over);
      }
      field.addEventListener("input", update);
      update();
    });
  }

  // The fields in the entry's language matter only when it is not English.
  function setUpOriginalLanguage(form) {
    var language = form.querySelector("[name=language]");
    if (!language) return;
    function update() {
      form.querySelectorAll("[data-original-language]").forEach(function (block) {
        block.hidden = language.value === "en";
        block.querySelectorAll("input, textarea").forEach(function (field) {
          field.setAttribute("lang", language.value);
        });
      });
    }
    language.addEventListener("change", update);
    update();
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

    function dirty() { return edits !== savedEdits; }

    function say(message, problem) {
      status.textContent = message;
      status.classList.toggle("autosave-status--problem", !!problem);
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
        return response.json().then(function (body) { return { status: response.status, body: body }; });
      }).then(function (result) {
        saving = false;
        if (result.status === 200) {
          version.value = result.body.version;
          savedEdits = upTo;
          clearFieldErrors();
          var time = new Date(result.body.saved_at).toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit" });
          say(dirty() ? text(form, "unsaved") : text(form, "saved", { time: time }));
        } else if (result.status === 409) {
          stopped = true;
          say((result.body.errors.__all__ || []).join(" "), true);
        } else {
          showFieldErrors(result.body.errors || {});
          say(text(form, "invalid"), true);
          rejectedEdits = upTo;  // still unsaved; the next edit tries again
        }
      }).catch(function () {
        saving = false;
        say(text(form, "offline"), true);
        window.setTimeout(save, RETRY_AFTER_MS);
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
    form.addEventListener("submit", function () { submitting = true; });
    window.setInterval(save, AUTOSAVE_EVERY_MS);
    window.addEventListener("beforeunload", function (event) {
      if (submitting || (!dirty() && !form.querySelector("[data-uploading]"))) return;
      event.preventDefault();
      event.returnValue = text(form, "leave");
      return event.returnValue;
    });
  }

  function setUpUploads(form) {
    var url = form.getAttribute("data-upload-url");
    form.querySelectorAll("input[type=file][data-question]").forEach(function (input) {
      var box = form.querySelector("[data-progress-for='" + input.id + "']");
      var bar = box.querySelector("progress");
      var label = box.querySelector("span");
      var list = form.querySelector("[data-attachments='" + input.getAttribute("data-question") + "']");

      function uploadOne(file, done) {
        var data = new FormData();
        data.append("file", file);
        data.append("question", input.getAttribute("data-question"));
        var request = new XMLHttpRequest();
        request.open("POST", url);
        request.setRequestHeader("X-Requested-With", "fetch");
        request.setRequestHeader("X-CSRFToken", csrfToken(form));
        request.setRequestHeader("Accept", "application/json");
        box.hidden = false;
        box.setAttribute("data-uploading", "");
        bar.value = 0;
        label.textContent = text(form, "uploading", { name: file.name, percent: 0 });
        request.upload.addEventListener("progress", function (event) {
          if (!event.lengthComputable) return;
          var percent = Math.round((event.loaded / event.total) * 100);
          bar.value = percent;
          label.textContent = text(form, "uploading", { name: file.name, percent: percent });
        });
        request.addEventListener("load", function () {
          box.removeAttribute("data-uploading");
          var body = {};
          try { body = JSON.parse(request.responseText); } catch (error) { body = {}; }
          if (request.status === 201) {
            bar.value = 100;
            label.textContent = body.message;
            var item = document.createElement("li");
            var link = document.createElement("a");
            link.href = body.url;
            link.textContent = body.name;
            item.appendChild(link);
            list.appendChild(item);
          } else {
            label.textContent = text(form, "upload-failed", { name: file.name, reason: body.error || request.statusText });
          }
          done();
        });
        request.addEventListener("error", function () {
          box.removeAttribute("data-uploading");
          label.textContent = text(form, "upload-failed", { name: file.name, reason: "" });
          done();
        });
        request.send(data);
      }

      input.addEventListener("change", function () {
        var files = Array.from(input.files || []);
        function next() {
          var file = files.shift();
          if (file) uploadOne(file, next); else input.value = "";
        }
        next();
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("[data-entry-form]");
    if (!form || !window.fetch || !window.FormData) return;
    [setUpWordCounts, setUpOriginalLanguage, setUpAutosave, setUpUploads].forEach(function (enhance) {
      try { enhance(form); } catch (error) { if (window.console) window.console.error(error); }
    });
    var summary = document.querySelector("[data-error-summary]");
    if (summary) summary.focus();
  });
})();
