// The admin's image field (images/widgets.py): Choose and Upload open the library's chooser
// (chooser.js); the chosen image's id goes in the hidden input, its thumbnail in the preview.
// The input fires "change", so the form knows it has unsaved edits.
(function () {
  "use strict";

  function setUp(container) {
    var input = container.querySelector("[data-image-field-input]");
    var preview = container.querySelector("[data-image-field-preview]");
    var thumbnail = container.querySelector("[data-image-field-thumbnail]");
    var title = container.querySelector("[data-image-field-title]");
    var empty = container.querySelector("[data-image-field-empty]");
    var clear = container.querySelector("[data-image-field-action=clear]");

    function show(image) {
      input.value = image ? String(image.id) : "";
      preview.hidden = !image;
      empty.hidden = !!image;
      clear.hidden = !image;
      if (image) {
        thumbnail.src = image.thumbnail_url;
        thumbnail.alt = image.alt_text;
        thumbnail.width = 320;
        thumbnail.height = image.width ? Math.round(320 * image.height / image.width) : 180;
        title.textContent = image.title;
      }
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }

    container.addEventListener("click", function (event) {
      var button = event.target.closest("[data-image-field-action]");
      if (!button) { return; }
      var action = button.dataset.imageFieldAction;
      if (action === "clear") { show(null); button.blur(); empty.focus(); return; }
      window.NewsdeskImageChooser.open({
        upload: action === "upload",
        url: container.dataset.chooserUrl,
        uploadUrl: container.dataset.uploadUrl,
        onChoose: show,
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-image-field]").forEach(setUp);
  });
})();
