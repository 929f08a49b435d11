// After a failed post, move focus to the error summary so screen-reader and keyboard users
// start from the list of what to fix (autofocus does this too where the browser honours it).
// Again once the page has loaded: the address's #comment-form fragment moves focus back to
// the document when the browser scrolls to it.
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (!summary) return;
  function focusSummary() {
    if (document.activeElement === document.body || document.activeElement === null) {
      summary.focus();
    }
  }
  focusSummary();
  window.addEventListener("load", function () { setTimeout(focusSummary, 0); });
})();
