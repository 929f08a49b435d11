// "Copy link" copies the article's address instead of following it; without JavaScript (or
// clipboard access) it stays a plain link to the article, which the reader can copy.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-copy-link]");
    if (!link || !navigator.clipboard) return;
    event.preventDefault();
    var status = link.closest(".share").querySelector("[data-copy-status]");
    navigator.clipboard.writeText(link.href).then(
      function () {
        link.textContent = "Link copied";
        if (status) status.textContent = "Link copied to the clipboard.";
      },
      function () { window.location.href = link.href; }
    );
  });
})();
