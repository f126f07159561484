/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  var lang = document.documentElement.lang || "en";

  // Signing out removes the copies of unsaved entry changes this browser
  // kept (autosave.js): the next person at this computer does not see them.
  function forgetDraftCopiesAtSignOut() {
    var signOut = document.body.getAttribute("data-sign-out-url");
    document.addEventListener("submit", function (event) {
      var action = new URL(event.target.getAttribute("action") || window.location.href, window.location.href).pathname;
      if (!signOut || action !== signOut) return;
      try {
        Object.keys(window.localStorage).forEach(function (key) {
          if (key.indexOf("portal-draft:") === 0) window.localStorage.removeItem(key);
        });
      } catch (error) { /* storage unavailable: nothing was kept */ }
    });
  }

  function unit(value, name) {
    try {
      var text = new Intl.NumberFormat(lang, { style: "unit", unit: name, unitDisplay: "long" }).format(value);
      // Japanese writes no space between a number and its unit (75日11時間), as the server does.
      return lang.indexOf("ja") === 0 ? text.replace(/(\d)\s+/, "$1") : text;
    } catch (error) {
      return value + " " + name + (value === 1 ? "" : "s");
    }
  }

  // Show each Seoul date also in the reader's own time zone.
  function showLocalTimes() {
    var list = document.querySelector("[data-local-label]");
    var label = list ? list.getAttribute("data-local-label") : "";
    document.querySelectorAll("[data-local-time-for]").forEach(function (slot) {
      var moment = new Date(slot.getAttribute("data-local-time-for"));
      if (isNaN(moment.getTime())) return;
      // dateStyle/timeStyle cannot be combined with timeZoneName: spell the parts out.
      var text = new Intl.DateTimeFormat(lang, {
        year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short"
      }).format(moment);
      slot.textContent = label + " " + text;
      slot.hidden = false;
    });
  }

  // Refresh the deadline countdown once a minute (no live region: a screen
  // reader is not interrupted; the text is current whenever it is read).
  function refreshCountdown(element) {
    var deadline = new Date(element.getAttribute("data-countdown"));
    var target = element.querySelector("[data-countdown-text]");
    if (!target || isNaN(deadline.getTime())) return;
    var seconds = Math.floor((deadline.getTime() - Date.now()) / 1000);
    if (seconds <= 0) {
      target.textContent = element.getAttribute("data-closed-text");
      return;
    }
    var days = Math.floor(seconds / 86400);
    var hours = Math.floor((seconds % 86400) / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var text = days > 0 ? element.getAttribute("data-days-text") : element.getAttribute("data-hours-text");
    target.textContent = text
      .replace("{days}", unit(days, "day"))
      .replace("{hours}", unit(hours, "hour"))
      .replace("{minutes}", unit(minutes, "minute"));
  }

  // Each enhancement runs on its own: one failing in an old browser leaves the others.
  function safely(enhance) {
    try { enhance(); } catch (error) { if (window.console) window.console.error(error); }
  }

  safely(forgetDraftCopiesAtSignOut);

  document.addEventListener("DOMContentLoaded", function () {
    safely(showLocalTimes);
    document.querySelectorAll("[data-countdown]").forEach(function (element) {
      safely(function () { refreshCountdown(element); });
      window.setInterval(function () { safely(function () { refreshCountdown(element); }); }, 60000);
    });
    var summary = document.querySelector(".error-summary");
    if (summary) {
      // A page of errors starts at its summary, even when the address still
      // carries the #field of an error link followed on the previous page.
      if (window.location.hash && window.history.replaceState) {
        window.history.replaceState(null, "", window.location.pathname + window.location.search);
      }
      summary.focus();
      window.addEventListener("load", function () {
        if (document.activeElement === document.body) summary.focus();
      });
    }
  });
})();
