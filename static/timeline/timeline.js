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
    // The list runs newest first: a later event is the card before.
    moveTo(i < 0 ? 0 : i + (later ? -1 : 1));
  }
  function click(id) { var el = document.getElementById(id); if (el && el.href) el.click(); }

  // Zooming keeps the focused (or opened) event in place: the zoom links are
  // pointed at its day, and htmx re-reads a link whose attributes changed.
  function focusZoomOn(card) {
    if (!card || !card.dataset.firstDay) return;
    ["zoom-in", "zoom-out"].forEach(function (id) {
      var link = document.getElementById(id);
      if (!link || !link.href) return;
      var url = new URL(link.href);
      url.searchParams.set("at", card.dataset.firstDay);
      var target = url.pathname + url.search;
      link.setAttribute("href", target);
      link.setAttribute("hx-get", target);
      if (window.htmx) window.htmx.process(link);
    });
  }
  document.addEventListener("focusin", function (e) {
    if (e.target.closest) focusZoomOn(e.target.closest(".event-card"));
  });

  // Ctrl/Cmd + wheel (and a touchpad's pinch, which browsers send as one) zooms the
  // axis; the plain wheel still scrolls the page. One step per gesture.
  var lastZoom = 0;
  function zoomStep(zoomIn) {
    var now = Date.now();
    if (now - lastZoom < 400) return;
    lastZoom = now;
    click(zoomIn ? "zoom-in" : "zoom-out");
  }
  document.addEventListener("wheel", function (e) {
    if (!(e.ctrlKey || e.metaKey) || !e.target.closest(".axis-panel")) return;
    e.preventDefault();
    zoomStep(e.deltaY < 0);
  }, { passive: false });

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
  // Two fingers pinching on the axis zoom it.
  var touchX = null, pinch = null;
  function spread(touches) {
    return Math.hypot(touches[0].clientX - touches[1].clientX, touches[0].clientY - touches[1].clientY);
  }
  document.addEventListener("touchstart", function (e) {
    var onAxis = e.target.closest(".axis-panel");
    touchX = onAxis && e.touches.length === 1 ? e.touches[0].clientX : null;
    pinch = onAxis && e.touches.length === 2 ? spread(e.touches) : null;
  }, { passive: true });
  document.addEventListener("touchmove", function (e) {
    if (pinch === null || e.touches.length !== 2) return;
    var ratio = spread(e.touches) / pinch;
    if (ratio > 1.3 || ratio < 0.77) { zoomStep(ratio > 1); pinch = null; }
  }, { passive: true });
  document.addEventListener("touchend", function (e) {
    if (touchX === null) return;
    var dx = e.changedTouches[0].clientX - touchX;
    touchX = null;
    if (Math.abs(dx) < 40) return;
    var towardsLeft = dx < 0;
    click(towardsLeft === rtl() ? "pan-later" : "pan-earlier");
  });

  // The axis at any width: labels that would overlap a neighbour are hidden, and
  // marks or clusters that would overlap merge into one counted cluster, which
  // opens the list at the merged stretch's last day. The server counted every
  // event of the window (timeline/reader/axis.py); merging only adds counts up.
  function overlaps(a, b) { return a.left < b.right + 2 && b.left < a.right + 2; }
  function thinLabels(axis) {
    var shown = null;
    axis.querySelectorAll(".tick.is-major > span").forEach(function (label) {
      label.classList.remove("is-crowded");
      var box = label.getBoundingClientRect();
      var outside = box.left < 0 || box.right > document.documentElement.clientWidth;
      if (outside || (shown && overlaps(box, shown))) label.classList.add("is-crowded");
      else shown = box;
    });
  }
  function clusterFrom(mark, axis) {
    var a = document.createElement("a");
    a.className = "axis-cluster " + (mark.className.match(/kind-[a-z]+/) || ["kind-other"])[0];
    a.tabIndex = -1;
    a.dataset.count = mark.dataset.count;
    a.dataset.start = mark.dataset.start;
    a.dataset.end = mark.dataset.end;
    a.style.insetInlineStart = mark.style.insetInlineStart;
    a.innerHTML = '<span class="cluster-count"></span>';
    mark.replaceWith(a);
    return a;
  }
  function mergeInto(target, other, axis) {
    if (!target.classList.contains("axis-cluster")) target = clusterFrom(target, axis);
    var count = Number(target.dataset.count) + Number(other.dataset.count);
    target.dataset.count = count;
    if (other.dataset.start < target.dataset.start) target.dataset.start = other.dataset.start;
    if (other.dataset.end > target.dataset.end) target.dataset.end = other.dataset.end;
    target.querySelector(".cluster-count").textContent = count;
    target.title = target.dataset.start + " – " + target.dataset.end + ": " + count;
    var url = new URL(window.location.href);
    url.searchParams.set("zoom", axis.closest(".axis").dataset.clusterZoom);
    url.searchParams.set("at", target.dataset.end);
    url.searchParams.delete("after");
    target.setAttribute("href", url.pathname + url.search);
    target.setAttribute("hx-get", url.pathname + url.search);
    ["hx-target", "hx-swap", "hx-push-url"].forEach(function (name, i) {
      target.setAttribute(name, ["#timeline-view", "outerHTML", "true"][i]);
    });
    other.remove();
    return target;
  }
  function declutterOnce(axis) {
    var items = Array.prototype.slice.call(axis.querySelectorAll(".axis-mark.is-point, .axis-cluster"));
    items.sort(function (a, b) { return a.getBoundingClientRect().left - b.getBoundingClientRect().left; });
    var last = null, merged = false;
    items.forEach(function (item) {
      if (last && overlaps(item.getBoundingClientRect(), last.getBoundingClientRect())) {
        var big = Number(item.dataset.count) > Number(last.dataset.count);
        last = big ? mergeInto(item, last, axis) : mergeInto(last, item, axis);
        merged = true;
      } else last = item;
    });
    return merged;
  }
  function declutter(axis) {
    // A merged cluster is wider than the mark it was: it may reach its other
    // neighbour, so merging goes on until nothing overlaps.
    for (var pass = 0; pass < 20 && declutterOnce(axis); pass++);
    if (window.htmx) window.htmx.process(axis);
  }
  function layoutAxis() {
    document.querySelectorAll(".axis").forEach(thinLabels);
    // Each lane (?lanes=) is a line of its own.
    document.querySelectorAll(".axis:not(.has-lanes), .lane-track").forEach(declutter);
  }
  document.addEventListener("DOMContentLoaded", layoutAxis);
  document.addEventListener("htmx:afterSettle", layoutAxis);
  var resizing = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    // Narrower: merge more. Wider: a fresh axis from the server un-merges.
    resizing = setTimeout(layoutAxis, 200);
  });

  // An opened event's URL is pushed (to share it, and so that Back closes the panel);
  // closing the panel by its button or Escape puts the timeline's URL back.
  var listUrl = null, panelUrl = null;
  function here() { return location.pathname + location.search; }
  function closePanel() {
    var panel = document.getElementById("event-panel");
    if (!panel || !panel.firstElementChild) return false;
    panel.innerHTML = "";
    document.querySelectorAll(".event-card.is-open").forEach(function (c) { c.classList.remove("is-open"); });
    if (panelUrl && here() === panelUrl) history.replaceState({ htmx: true }, "", listUrl);
    panelUrl = null;
    if (opener && document.body.contains(opener)) opener.focus();
    return true;
  }
  document.addEventListener("htmx:pushedIntoHistory", function (e) {
    if (opener && e.detail.path === opener.getAttribute("hx-get")) panelUrl = e.detail.path;
  });
  document.addEventListener("click", function (e) {
    if (e.target.closest("[data-close-panel]")) closePanel();
    var copy = e.target.closest("[data-copy]");
    if (copy) {
      // The embed code: selected (to copy by hand) and, where allowed, copied.
      var field = document.getElementById(copy.dataset.copy);
      field.select();
      var said = function () { copy.nextElementSibling.textContent = copy.dataset.copied; };
      if (navigator.clipboard) navigator.clipboard.writeText(field.value).then(said, function () {});
    }
  });

  // In an embed (/embed/…, in another site's iframe): the reader's history is the
  // page's, not ours; and the page around is told our height (embed-resize.js).
  if (document.documentElement.hasAttribute("data-embed")) {
    if (window.htmx) window.htmx.config.historyEnabled = false;
    var sentHeight = 0;
    var postHeight = function () {
      var height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height === sentHeight || window.parent === window) return;
      sentHeight = height;
      window.parent.postMessage({ type: "newsroom-embed:height", height: height }, "*");
    };
    if (window.ResizeObserver) new ResizeObserver(postHeight).observe(document.body);
    window.addEventListener("load", postHeight);
  }

  document.addEventListener("htmx:beforeRequest", function (e) {
    if (e.detail.target && e.detail.target.id === "event-panel") {
      opener = e.detail.elt;
      if (here() !== panelUrl) listUrl = here();
    }
  });
  // A swap of the whole view can remove the focused control (zoom at its limit):
  // then focus goes to the list's heading rather than back to the top of the page.
  document.addEventListener("htmx:afterSettle", function (e) {
    if (e.detail.target && e.detail.target.id === "timeline-view" && document.activeElement === document.body) {
      var heading = document.getElementById("events-heading");
      if (heading) heading.focus({ preventScroll: true });
    }
  });
  // Live pages (timeline/reader/live.py): every few seconds, while the tab is visible, ask
  // whether the page's events changed. The server answers 304 until something did,
  // then with a count: the button shows it and reloads the page's fragment in place.
  var liveTimer = null;
  function liveBox() { return document.querySelector("[data-live-url]"); }
  function liveSchedule() {
    clearTimeout(liveTimer);
    var box = liveBox();
    if (box && !document.hidden) liveTimer = setTimeout(livePoll, 1000 * Number(box.dataset.liveEvery || 15));
  }
  function livePoll() {
    var box = liveBox();
    if (!box || document.hidden) return;
    var headers = box.dataset.liveEtag ? { "If-None-Match": box.dataset.liveEtag } : {};
    fetch(box.dataset.liveUrl, { headers: headers, cache: "no-store", credentials: "same-origin" })
      .then(function (r) {
        if (r.status !== 200) return null;
        box.dataset.liveEtag = r.headers.get("ETag") || "";
        return r.json();
      })
      .then(function (news) {
        var button = news && box.isConnected && box.querySelector("button");
        if (!button) return;
        button.textContent = news.label;
        button.hidden = !news.count;
      })
      .catch(function () {})
      .then(liveSchedule);
  }
  document.addEventListener("DOMContentLoaded", liveSchedule);
  document.addEventListener("visibilitychange", function () {
    if (document.hidden) clearTimeout(liveTimer);
    else livePoll();
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
      if (card) { card.classList.add("is-open"); focusZoomOn(card); }
    }
  });
})();
