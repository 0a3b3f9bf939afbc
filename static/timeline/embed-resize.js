// Loaded by our embed code on other sites: makes each of our embeds' iframes as
// tall as its content. Only messages from the embed's own window, coming from
// the origin this script was served from, are believed.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src).origin;
  var flag = "newsroomEmbedResizer " + origin;
  if (window[flag]) return; // the code was pasted twice: one listener is enough
  window[flag] = true;
  window.addEventListener("message", function (e) {
    var data = e.data;
    if (e.origin !== origin || !data || data.type !== "newsroom-embed:height") return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0) return;
    var frames = document.querySelectorAll("iframe[data-newsroom-embed]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) {
        frames[i].style.height = Math.min(Math.ceil(height), 20000) + "px";
      }
    }
  });
})();
