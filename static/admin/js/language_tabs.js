/* One tab per language over modeltranslation's fields in Django admin.
 * Accessible tabs (WAI-ARIA tablist, arrow keys), no dependencies. Each tab
 * says how many texts it lacks that the default language has (kept current
 * as staff type): the page's readers then fall back to English. */
(function () {
  "use strict";
  var PREFIX = "mt-field-";

  function languageOf(input) {
    var found = null;
    input.classList.forEach(function (name) {
      if (name.indexOf(PREFIX) === 0) found = name.slice(PREFIX.length).split("-").pop();
    });
    return found;
  }

  function rowOf(input) {
    return input.closest(".form-row") || input.closest(".fieldBox") || input.parentElement;
  }

  function build(form) {
    var inputs = form.querySelectorAll(".mt");
    if (!inputs.length) return;
    var rows = {};
    var languages = [];
    inputs.forEach(function (input) {
      var language = languageOf(input);
      if (!language) return;
      if (languages.indexOf(language) < 0) languages.push(language);
      (rows[language] = rows[language] || []).push(rowOf(input));
    });
    if (languages.length < 2) return;

    var list = document.createElement("div");
    list.className = "language-tabs";
    list.setAttribute("role", "tablist");
    var label = document.querySelector('meta[name="language-tabs-label"]');
    list.setAttribute("aria-label", label ? label.content : "Language");
    var missingText = document.querySelector('meta[name="language-tabs-missing"]');
    var inputsOf = {};
    inputs.forEach(function (input) {
      var language = languageOf(input);
      if (language) (inputsOf[language] = inputsOf[language] || []).push(input);
    });
    // The same field in the default (first) language: its name ends in that language's code instead.
    function original(input, language) {
      var name = input.name || "";
      if (name.slice(-language.length - 1) !== "_" + language) return null;
      return form.elements[name.slice(0, -language.length) + languages[0]] || null;
    }
    function missing(language) {
      if (language === languages[0]) return 0;
      return (inputsOf[language] || []).filter(function (input) {
        var source = original(input, language);
        return source && source.value.trim() && !input.value.trim();
      }).length;
    }
    function markTab(tab, language) {
      var count = missing(language);
      tab.textContent = language.replace("_", "-");
      tab.classList.toggle("language-tab--missing", count > 0);
      if (!count) return;
      var marker = document.createElement("span");
      marker.className = "language-tab__missing";
      marker.textContent = (missingText ? missingText.content : "{count} missing").replace("{count}", count);
      tab.appendChild(document.createTextNode(" "));
      tab.appendChild(marker);
    }

    var tabs = languages.map(function (language, index) {
      var tab = document.createElement("button");
      tab.type = "button";
      tab.className = "language-tab";
      tab.id = "language-tab-" + language;
      tab.setAttribute("role", "tab");
      markTab(tab, language);
      tab.addEventListener("click", function () { select(index); });
      tab.addEventListener("keydown", function (event) {
        var next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: languages.length - 1 }[event.key];
        if (next === undefined) return;
        event.preventDefault();
        select((next + languages.length) % languages.length);
        tabs[(next + languages.length) % languages.length].focus();
      });
      list.appendChild(tab);
      return tab;
    });

    function select(chosen) {
      languages.forEach(function (language, index) {
        var active = index === chosen;
        tabs[index].setAttribute("aria-selected", active ? "true" : "false");
        tabs[index].tabIndex = active ? 0 : -1;
        rows[language].forEach(function (row) {
          row.hidden = !active;
          row.classList.toggle("language-tab-panel", active);
        });
      });
    }

    // Open the tab of the first language with an error, else the first one.
    var start = 0;
    languages.forEach(function (language, index) {
      if (start === 0 && rows[language].some(function (row) { return row.classList.contains("errors"); })) start = index;
    });
    form.addEventListener("input", function () {
      languages.forEach(function (language, index) { markTab(tabs[index], language); });
    });
    var anchor = form.querySelector("fieldset") || form.firstElementChild;
    anchor.parentNode.insertBefore(list, anchor);
    select(start);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("#content-main form");
    if (form) build(form);
  });
})();
