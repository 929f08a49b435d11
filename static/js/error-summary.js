// After a failed post, move focus to the error summary so screen-reader and keyboard users
// start from the list of what to fix (autofocus does this too where the browser honours it).
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (summary && document.activeElement !== summary) summary.focus();
})();
