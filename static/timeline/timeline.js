// The timeline's keys, swipes and detail panel. Everything here is an extra:
// without it every link and form still works as a plain page.
(function () {
  "use strict";
  var opener = null; // the link that opened the detail panel, to return focus to

  function rtl() { return document.documentElement.dir === "rtl"; }
  function cards() { return Array.prototype.slice.call(document.querySelectorAll(".event-card")); }
  function smooth() { return !window.matchMedia("(prefers-reduced-motion: reduce)").matches; }

  // Move focus to the card `step` events later (negative: earlier), or to an end.
  function moveTo(index) {
    var all = cards();
    if (!all.length) return;
    var card = all[Math.max(0, Math.min(all.length - 1, index))];
    var link = card.querySelector(".event-link");
    link.focus({ preventScroll: true });
    card.scrollIntoView({ behavior: smooth() ? "smooth" : "auto", block: "nearest", inline: "nearest" });
  }
  function current() {
    var card = document.activeElement && document.activeElement.closest(".event-card");
    return card ? cards().indexOf(card) : -1;
  }
  function step(later) {
    var i = current();
    moveTo(i < 0 ? (later ? 0 : cards().length - 1) : i + (later ? 1 : -1));
  }
  function click(id) { var el = document.getElementById(id); if (el && el.href) el.click(); }

  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.target.closest("input, select, textarea, [contenteditable]")) return;
    if (e.key === "Escape" && closePanel()) { e.preventDefault(); return; }
    if (!document.querySelector(".timeline-view")) return;
    // Time runs right to left in Arabic: the left arrow is later, the right arrow earlier.
    var laterKey = rtl() ? "ArrowLeft" : "ArrowRight";
    var earlierKey = rtl() ? "ArrowRight" : "ArrowLeft";
    if (e.key === laterKey) step(true);
    else if (e.key === earlierKey) step(false);
    else if (e.key === "Home") moveTo(0);
    else if (e.key === "End") moveTo(cards().length - 1);
    else if (e.key === "+" || e.key === "=") click("zoom-in");
    else if (e.key === "-") click("zoom-out");
    else return;
    e.preventDefault();
  });

  // A swipe goes the same way as the arrow keys: towards the left is later in Arabic.
  var touchX = null;
  document.addEventListener("touchstart", function (e) {
    touchX = e.target.closest(".axis") ? e.touches[0].clientX : null;
  }, { passive: true });
  document.addEventListener("touchend", function (e) {
    if (touchX === null) return;
    var dx = e.changedTouches[0].clientX - touchX;
    touchX = null;
    if (Math.abs(dx) < 40) return;
    var towardsLeft = dx < 0;
    click(towardsLeft === rtl() ? "pan-later" : "pan-earlier");
  });

  function closePanel() {
    var panel = document.getElementById("event-panel");
    if (!panel || !panel.firstElementChild) return false;
    panel.innerHTML = "";
    if (opener && document.body.contains(opener)) opener.focus();
    return true;
  }
  document.addEventListener("click", function (e) {
    if (e.target.closest("[data-close-panel]")) closePanel();
  });

  document.addEventListener("htmx:beforeRequest", function (e) {
    if (e.detail.target && e.detail.target.id === "event-panel") opener = e.detail.elt;
  });
  // A swap of the whole view can remove the focused control (zoom at its limit):
  // then focus goes to the list's heading rather than back to the top of the page.
  document.addEventListener("htmx:afterSettle", function (e) {
    if (e.detail.target && e.detail.target.id === "timeline-view" && document.activeElement === document.body) {
      var heading = document.getElementById("events-heading");
      if (heading) heading.focus({ preventScroll: true });
    }
  });
  document.addEventListener("htmx:afterSwap", function (e) {
    var target = e.detail.target;
    if (target && target.id === "event-panel") {
      // Take the reader to what opened, and say what it is.
      var heading = target.querySelector("h2[tabindex]");
      if (heading) heading.focus({ preventScroll: true });
      target.scrollIntoView({ behavior: smooth() ? "smooth" : "auto", block: "nearest" });
      document.querySelectorAll(".event-card.is-open").forEach(function (c) { c.classList.remove("is-open"); });
      var card = opener && opener.closest(".event-card");
      if (card) card.classList.add("is-open");
    }
  });
})();
