/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  var lang = document.documentElement.lang || "en";

  function unit(value, name) {
    try {
      return new Intl.NumberFormat(lang, { style: "unit", unit: name, unitDisplay: "long" }).format(value);
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
      var text = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeStyle: "short", timeZoneName: "short" }).format(moment);
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

  document.addEventListener("DOMContentLoaded", function () {
    showLocalTimes();
    document.querySelectorAll("[data-countdown]").forEach(function (element) {
      refreshCountdown(element);
      window.setInterval(function () { refreshCountdown(element); }, 60000);
    });
    var summary = document.querySelector(".error-summary");
    if (summary) summary.focus();
  });
})();
