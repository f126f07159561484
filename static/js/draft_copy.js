/* The entry form's unsent changes, kept in this browser (localStorage) so
   that a crash, a reload or a lost connection loses nothing; autosave.js
   keeps the copy current and asks for it back when the page opens. One copy
   per person and entry, field by field (the entry's other steps keep theirs),
   each with the server value it was typed over: putting it back merges like
   any save. portal.js removes every copy at sign-out.

   portalDraftCopy(form, key, draft) -> {keep, restore}; ``draft`` gives the
   form's state: fieldNamed, pendingNames, bases, version, submitting, put
   (a value back into a field, with its base, marked unsent), say, save. */
(function () {
  "use strict";

  window.portalDraftCopy = function (form, key, draft) {
    var text = window.portalForms.text;

    function read() {
      try {
        var copy = JSON.parse(window.localStorage.getItem(key) || "null");
        return copy && copy.fields ? copy : { fields: {} };
      } catch (error) { return { fields: {} }; }
    }

    function write(copy) {
      if (Object.keys(copy.fields).length) window.localStorage.setItem(key, JSON.stringify(copy));
      else window.localStorage.removeItem(key);
    }

    // This page's unsent fields replace what the copy held for them.
    function keep() {
      try {
        var copy = read(), data = new FormData(form), known = draft.bases();
        Object.keys(copy.fields).forEach(function (name) { if (draft.fieldNamed(name)) delete copy.fields[name]; });
        draft.pendingNames().forEach(function (name) {
          copy.fields[name] = {
            values: data.getAll(name), base: known[name], version: draft.version(), at: Date.now(),
            submitting: draft.submitting()
          };
        });
        write(copy);
      } catch (error) { /* storage full or refused: the server copy is all there is */ }
    }

    // Put back what was kept for this page's fields. Kept before the entry
    // was saved again (elsewhere, or later from here): ask first.
    function restore() {
      var copy = read(), silent = [], asked = [], latest = 0;
      Object.keys(copy.fields).forEach(function (name) {
        var kept = copy.fields[name];
        if (!draft.fieldNamed(name)) return;
        if (String(kept.version) === String(draft.version())) silent.push(name);
        else if (kept.submitting) delete copy.fields[name];  // the save it was kept for went through
        else { asked.push(name); latest = Math.max(latest, kept.at || 0); }
      });
      function apply(names) {
        names.forEach(function (name) { draft.put(name, copy.fields[name].values, copy.fields[name].base); });
        draft.say(text(form, "restored"));
        draft.save();
      }
      if (silent.length) apply(silent);
      if (!asked.length) { keep(); return; }
      var panel = document.createElement("div");
      panel.className = "note restore-prompt";
      var question = document.createElement("p");
      question.tabIndex = -1;
      var when = new Date(latest).toLocaleString(document.documentElement.lang, { dateStyle: "medium", timeStyle: "short" });
      question.textContent = text(form, "restore-question", { time: when });
      panel.appendChild(question);
      var actions = document.createElement("div");
      actions.className = "actions";
      [["restore", function () { apply(asked); }], ["discard", function () {
        asked.forEach(function (name) { delete copy.fields[name]; });
        try { write(copy); } catch (error) { /* storage refused */ }
        keep();
        draft.say(text(form, "discarded"));
      }]].forEach(function (pair) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button button--small" + (pair[0] === "discard" ? " button--secondary" : "");
        button.textContent = text(form, pair[0]);
        button.addEventListener("click", function () { panel.remove(); pair[1](); });
        actions.appendChild(button);
      });
      panel.appendChild(actions);
      form.insertAdjacentElement("afterbegin", panel);
      question.focus();
    }

    return { keep: keep, restore: restore };
  };
})();
