/* The entry form, enhanced: autosave (autosave.js), word counts, and file
   uploads with a progress bar. Without these files the form still works
   through its "Save draft" button. */
(function () {
  "use strict";

  var forms = window.portalForms;
  var text = forms.text;
  var csrfToken = forms.csrfToken;

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

  // A question asked only for some answers to an earlier one appears and
  // disappears as that answer changes (the server decides the same way; an
  // answer given stays stored while its question is hidden).
  function setUpConditions(form) {
    var slots = Array.from(form.querySelectorAll("[data-shown-if]"));
    var announce = form.querySelector("[data-conditions-status]");
    if (!slots.length) return;
    function chosen(name) {
      var values = [];
      form.querySelectorAll("[name='" + name + "']").forEach(function (field) {
        if ((field.type === "radio" || field.type === "checkbox") ? field.checked : field.value) values.push(field.value);
      });
      return values;
    }
    function update(event) {
      var appeared = [];
      slots.forEach(function (slot) {  // in the page's order: a trigger is decided before what it shows
        var name = slot.getAttribute("data-shown-if");
        var trigger = form.querySelector("[name='" + name + "']");
        if (!trigger) return;  // asked in another step: as the server showed it
        var triggerSlot = trigger.closest("[data-shown-if]");
        var wanted = JSON.parse(slot.getAttribute("data-shown-values") || "[]");
        var show = (!triggerSlot || !triggerSlot.hidden) && chosen(name).some(function (value) { return wanted.indexOf(value) >= 0; });
        if (show && slot.hidden && event) {
          var label = slot.querySelector("label, legend");
          if (label) appeared.push(label.textContent.trim());
        }
        slot.hidden = !show;
      });
      if (announce && appeared.length) announce.textContent = text(form, "question-shown", { label: appeared.join(", ") });
    }
    form.addEventListener("change", update);
    update(null);
  }

  // A file as the list shows it: its name (a link once checked), its size,
  // what its check says, and a Remove button. A file still being checked is
  // asked after until its check is done.
  function attachmentItem(form, body, announce) {
    var item = document.createElement("li");
    item.setAttribute("data-attachment-status", body.status);
    var name = document.createElement("span");
    name.setAttribute("data-attachment-name", "");
    name.textContent = body.name;
    item.appendChild(name);
    var size = document.createElement("span");
    size.className = "help";
    size.textContent = body.size_text || "";
    item.appendChild(document.createTextNode(" "));
    item.appendChild(size);
    var note = document.createElement("span");
    note.setAttribute("data-check-note", "");
    item.appendChild(document.createTextNode(" "));
    item.appendChild(note);
    var remove = document.createElement("form");
    remove.method = "post";
    remove.action = body.delete_url;
    remove.className = "inline-form";
    var token = document.createElement("input");
    token.type = "hidden";
    token.name = "csrfmiddlewaretoken";
    token.value = csrfToken(form);
    var button = document.createElement("button");
    button.type = "submit";
    button.className = "button button--small button--secondary";
    button.textContent = text(form, "remove") + " ";
    var hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = body.name;
    button.appendChild(hidden);
    remove.appendChild(token);
    remove.appendChild(button);
    // The list sits inside the entry form and forms do not nest: the button names its own form.
    remove.id = "delete-attachment-" + body.id;
    remove.hidden = true;
    form.parentNode.appendChild(remove);
    button.setAttribute("form", remove.id);
    item.appendChild(document.createTextNode(" "));
    item.appendChild(button);
    showCheck(item, body);
    if (body.status === "checking") watchCheck(form, item, body.status_url, announce);
    return item;
  }

  function showCheck(item, body) {
    item.setAttribute("data-attachment-status", body.status);
    var name = item.querySelector("[data-attachment-name], a");
    if (body.url && name && name.tagName !== "A") {
      var link = document.createElement("a");
      link.href = body.url;
      link.textContent = body.name;
      name.replaceWith(link);
    }
    var note = item.querySelector("[data-check-note]");
    if (!note) {
      note = document.createElement("span");
      note.setAttribute("data-check-note", "");
      (item.querySelector("a, [data-attachment-name]") || item).after(note);
    }
    note.textContent = body.note || "";
    note.className = body.status === "refused" ? "error-text" : "help";
  }

  // Asks every 1, 2, 4… (at most 10) seconds for up to five minutes; after
  // that the note stays "being checked" and a reload shows the result.
  function watchCheck(form, item, url, announce) {
    var delay = 1000;
    var until = Date.now() + 5 * 60 * 1000;
    function ask() {
      fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (body) {
          if (body && body.status !== "checking") {
            showCheck(item, body);
            var message = body.status === "refused"
              ? text(form, "check-refused", { name: body.name, reason: body.note })
              : (body.note || text(form, "checked", { name: body.name }));
            if (announce) announce(message, body.status === "refused");
            return;
          }
          if (Date.now() < until) window.setTimeout(ask, delay);
          delay = Math.min(delay * 2, 10000);
        })
        .catch(function () { if (Date.now() < until) window.setTimeout(ask, delay); });
    }
    window.setTimeout(ask, delay);
  }

  function setUpUploads(form) {
    var url = form.getAttribute("data-upload-url");
    var pageAnnouncer = form.querySelector("[data-upload-status]");
    var pageAlarm = form.querySelector("[data-upload-alert]");
    form.querySelectorAll("li[data-status-url]").forEach(function (item) {
      watchCheck(form, item, item.getAttribute("data-status-url"), function (message, failed) {
        var target = failed ? pageAlarm : pageAnnouncer;
        if (target) target.textContent = message;
      });
    });
    form.querySelectorAll("input[type=file][data-question]").forEach(function (input) {
      var box = form.querySelector("[data-progress-for='" + input.id + "']");
      var bar = box.querySelector("progress");
      var label = box.querySelector("span");
      var list = form.querySelector("[data-attachments='" + input.getAttribute("data-question") + "']");
      // Screen readers hear the start and the end of each upload (not every percent):
      // progress and success politely, a failure at once.
      var announcer = form.querySelector("[data-upload-status]");
      var alarm = form.querySelector("[data-upload-alert]");
      function announce(message, failed) {
        if (!announcer || !alarm) return;
        (failed ? announcer : alarm).textContent = "";
        (failed ? alarm : announcer).textContent = message;
      }

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
        announce(label.textContent, false);
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
            announce(body.message, false);
            // What the check finds replaces "being checked" under the input too.
            list.appendChild(attachmentItem(form, body, function (message, failed) {
              label.textContent = message;
              announce(message, failed);
            }));
          } else {
            label.textContent = text(form, "upload-failed", { name: file.name, reason: body.error || request.statusText });
            announce(label.textContent, true);
          }
          done();
        });
        request.addEventListener("error", function () {
          box.removeAttribute("data-uploading");
          label.textContent = text(form, "upload-failed", { name: file.name, reason: "" });
          announce(label.textContent, true);
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
    [setUpWordCounts, setUpOriginalLanguage, setUpConditions, forms.setUpAutosave, setUpUploads].forEach(function (enhance) {
      try { enhance(form); } catch (error) { if (window.console) window.console.error(error); }
    });
    var summary = document.querySelector("[data-error-summary]");
    if (summary) summary.focus();
  });
})();
