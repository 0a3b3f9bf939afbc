// The review queue's keyboard shortcuts, and focus on the next candidate after an
// action. Without this file every button and link still works as a plain form.
(function () {
  "use strict";
  function items() { return Array.prototype.slice.call(document.querySelectorAll(".review-item:not(.done)")); }
  function current() { return document.activeElement && document.activeElement.closest(".review-item"); }
  function focusItem(item) { if (item) { item.focus(); item.scrollIntoView({ block: "nearest" }); } }
  function move(step) {
    var all = items(), i = all.indexOf(current());
    focusItem(all[i < 0 ? 0 : Math.max(0, Math.min(all.length - 1, i + step))]);
  }
  // «Select all on this page» ticks (or unticks) every item's box.
  document.addEventListener("change", function (e) {
    if (!e.target.matches("[data-select-page]")) return;
    document.querySelectorAll('.review-item input[name="events"]').forEach(function (box) {
      box.checked = e.target.checked;
    });
  });
  // After confirm/reject the item becomes a "done" line: the next candidate takes focus.
  document.addEventListener("htmx:load", function (e) {
    var done = e.detail.elt;
    if (!done.matches || !done.matches("[data-review-done]")) return;
    var next = done.nextElementSibling;
    while (next && !next.matches(".review-item:not(.done)")) next = next.nextElementSibling;
    focusItem(next || items()[0]);
  });
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.target.closest("input, select, textarea, [contenteditable]")) return;
    if (!document.querySelector(".review-list")) return;
    var item = current(), key = e.key.toLowerCase();
    if (key === "j") move(1);
    else if (key === "k") move(-1);
    else if (item && (key === "c" || key === "r" || key === "e")) {
      var control = item.querySelector('[data-key="' + key + '"]');
      if (control) control.click();
    } else if (item && key === "x") {
      var box = item.querySelector('input[type="checkbox"]');
      if (box) box.checked = !box.checked;
    } else return;
    e.preventDefault();
  });
})();
