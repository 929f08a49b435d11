// Counts one anonymous read of this article for "Most read": once the page has been visible
// for a few seconds (not a prefetch or a background tab), a bodiless POST without cookies.
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script && script.getAttribute("data-read-url");
  if (!url) return;
  var sent = false;
  var timer = null;
  function send() {
    if (sent) return;
    sent = true;
    // fetch can leave cookies out; sendBeacon (older browsers) cannot, but none is read.
    if (window.fetch) {
      fetch(url, { method: "POST", credentials: "omit", keepalive: true }).catch(function () {});
    } else if (navigator.sendBeacon) {
      navigator.sendBeacon(url);
    }
  }
  function watch() {
    if (document.visibilityState === "visible" && !timer) {
      timer = setTimeout(send, 3000);
    } else if (document.visibilityState !== "visible" && timer) {
      clearTimeout(timer);
      timer = null;
    }
  }
  document.addEventListener("visibilitychange", watch);
  watch();
})();
