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

  function setUpUploads(form) {
    var url = form.getAttribute("data-upload-url");
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
            var item = document.createElement("li");
            var link = document.createElement("a");
            link.href = body.url;
            link.textContent = body.name;
            item.appendChild(link);
            list.appendChild(item);
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
