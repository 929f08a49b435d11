// The image library's chooser: a modal dialog to search the library (thumbnails, pages of 24)
// or upload a new image, then hand the chosen image to the caller.
//
//   window.NewsdeskImageChooser.open({
//     onChoose: function (image) { ... },  // {id, title, alt_text, caption, credit, width,
//                                          //  height, thumbnail_url, editor_url}
//     upload: true,                        // optional: open on the "Upload new" form
//     url: "/admin/images/image/chooser/", // optional: the search endpoint
//     uploadUrl: "..."                     // optional: the upload endpoint
//   });
//
// A native <dialog> (focus kept inside, Escape closes, focus returns to the opener). No inline
// script or style: it runs under the site's Content-Security-Policy; looks: chooser.css.
(function () {
  "use strict";

  var DEFAULT_URL = "/admin/images/image/chooser/";
  var dialog = null;
  var state = null;

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") { node.textContent = attributes[name]; }
      else { node.setAttribute(name, attributes[name]); }
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (input) { return input.value; }
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function field(id, label, input, hint) {
    input.id = id;
    var children = [el("label", { for: id, text: label }), input];
    if (hint) {
      input.setAttribute("aria-describedby", id + "-hint");
      children.push(el("span", { class: "image-chooser__hint", id: id + "-hint", text: hint }));
    }
    children.push(el("span", { class: "image-chooser__error", id: id + "-error", "aria-live": "polite" }));
    return el("p", { class: "image-chooser__field" }, children);
  }

  function build() {
    var search = el("input", { type: "search", name: "q", autocomplete: "off" });
    var results = el("ul", { class: "image-chooser__results", "aria-label": "Images in the library" });
    var more = el("button", { type: "button", class: "button image-chooser__more", text: "More images", hidden: "" });
    var status = el("p", { class: "image-chooser__status", role: "status", "aria-live": "polite" });
    var browse = el("section", { class: "image-chooser__browse", "aria-labelledby": "image-chooser-browse-heading" }, [
      el("h3", { id: "image-chooser-browse-heading", text: "Library" }),
      el("form", { class: "image-chooser__search", role: "search" }, [
        field("image-chooser-q", "Search title, alt text, caption or credit", search),
      ]),
      status, results, more,
    ]);

    var file = el("input", { type: "file", name: "file", accept: "image/jpeg,image/png,image/webp,image/gif", required: "" });
    var alt = el("input", { type: "text", name: "alt_text", maxlength: "250", required: "" });
    var uploadForm = el("form", { class: "image-chooser__upload", enctype: "multipart/form-data", novalidate: "" }, [
      el("p", { class: "image-chooser__error image-chooser__form-error", id: "image-chooser-upload-error", "aria-live": "polite" }),
      field("image-chooser-file", "Image file", file, "JPEG, PNG, WebP or GIF."),
      field("image-chooser-title", "Title", el("input", { type: "text", name: "title", maxlength: "200" }), "For finding it in the library; empty: the file's name."),
      field("image-chooser-alt", "Alt text (required)", alt, "What the image shows, for readers who cannot see it."),
      field("image-chooser-caption", "Caption", el("input", { type: "text", name: "caption", maxlength: "300" })),
      field("image-chooser-credit", "Credit", el("input", { type: "text", name: "credit", maxlength: "150" })),
      el("p", {}, [el("button", { type: "submit", class: "button default", text: "Upload and use" })]),
    ]);
    var upload = el("section", { class: "image-chooser__upload-section", "aria-labelledby": "image-chooser-upload-heading" }, [
      el("h3", { id: "image-chooser-upload-heading", text: "Upload new" }),
      uploadForm,
    ]);

    var tabBrowse = el("button", { type: "button", class: "image-chooser__tab", "aria-pressed": "true", text: "Choose from library" });
    var tabUpload = el("button", { type: "button", class: "image-chooser__tab", "aria-pressed": "false", text: "Upload new" });
    var close = el("button", { type: "button", class: "image-chooser__close", "aria-label": "Close", text: "×" });

    var node = el("dialog", { class: "image-chooser", "aria-labelledby": "image-chooser-heading" }, [
      el("header", { class: "image-chooser__header" }, [
        el("h2", { id: "image-chooser-heading", text: "Choose an image" }), close,
      ]),
      el("p", { class: "image-chooser__tabs" }, [tabBrowse, tabUpload]),
      browse, upload,
    ]);
    document.body.appendChild(node);

    function show(which) {
      var uploading = which === "upload";
      browse.hidden = uploading;
      upload.hidden = !uploading;
      tabBrowse.setAttribute("aria-pressed", String(!uploading));
      tabUpload.setAttribute("aria-pressed", String(uploading));
      (uploading ? file : search).focus();
    }
    tabBrowse.addEventListener("click", function () { show("browse"); });
    tabUpload.addEventListener("click", function () { show("upload"); });
    close.addEventListener("click", function () { node.close(); });

    var timer = null;
    search.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { load(1, false); }, 250);
    });
    browse.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      load(1, false);
    });
    more.addEventListener("click", function () { load(state.page + 1, true); });

    function load(page, append) {
      var url = new URL(state.url, window.location.href);
      url.searchParams.set("q", search.value.trim());
      url.searchParams.set("page", String(page));
      status.textContent = "Loading…";
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) { throw new Error(response.status); }
          return response.json();
        })
        .then(function (data) {
          state.page = page;
          if (!append) { results.replaceChildren(); }
          data.results.forEach(function (image) { results.appendChild(item(image)); });
          more.hidden = !data.has_next;
          var count = results.children.length;
          status.textContent = count ? count + (data.has_next ? "+" : "") + " image" + (count === 1 ? "" : "s") + " found."
                                     : "No image matches.";
        })
        .catch(function () { status.textContent = "The library could not be searched. Try again."; });
    }

    function item(image) {
      var thumb = el("img", { src: image.thumbnail_url, alt: "", width: "160", loading: "lazy" });
      if (image.width && image.height) { thumb.setAttribute("height", String(Math.round(160 * image.height / image.width))); }
      var label = image.title + (image.alt_text ? " — " + image.alt_text : "");
      var button = el("button", { type: "button", class: "image-chooser__item", "aria-label": "Choose " + label }, [
        thumb,
        el("span", { class: "image-chooser__item-title", text: image.title }),
        el("span", { class: "image-chooser__item-size", text: image.width + " × " + image.height }),
      ]);
      button.addEventListener("click", function () { choose(image); });
      return el("li", {}, [button]);
    }

    function choose(image) {
      var callback = state.onChoose;
      node.close();
      if (callback) { callback(image); }
    }

    uploadForm.addEventListener("submit", function (event) {
      event.preventDefault();
      uploadForm.querySelectorAll(".image-chooser__error").forEach(function (span) { span.textContent = ""; });
      var data = new FormData(uploadForm);
      var submit = uploadForm.querySelector("[type=submit]");
      submit.disabled = true;
      fetch(state.uploadUrl, {
        method: "POST", body: data, credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
      })
        .then(function (response) {
          return response.json().then(function (body) { return { ok: response.ok, body: body }; },
                                      function () { return { ok: false, body: { errors: { __all__: ["The upload failed (" + response.status + ")."] } } }; });
        })
        .then(function (result) {
          submit.disabled = false;
          if (result.ok) { uploadForm.reset(); choose(result.body); return; }
          var first = null;
          Object.keys(result.body.errors || {}).forEach(function (name) {
            var input = uploadForm.querySelector("[name=" + name + "]");
            var target = input ? document.getElementById(input.id + "-error") : document.getElementById("image-chooser-upload-error");
            target.textContent = result.body.errors[name].join(" ");
            if (input) { input.setAttribute("aria-invalid", "true"); first = first || input; }
          });
          (first || submit).focus();
        })
        .catch(function () {
          submit.disabled = false;
          document.getElementById("image-chooser-upload-error").textContent = "The upload failed. Try again.";
        });
    });

    node.addEventListener("close", function () {
      if (state && state.opener && state.opener.focus) { state.opener.focus(); }
    });
    return { node: node, show: show, load: load, search: search };
  }

  function open(options) {
    options = options || {};
    var marker = document.querySelector("[data-chooser-url]");
    state = {
      onChoose: options.onChoose,
      url: options.url || (marker && marker.dataset.chooserUrl) || DEFAULT_URL,
      uploadUrl: options.uploadUrl || (marker && marker.dataset.uploadUrl) || (options.url || DEFAULT_URL) + "upload/",
      opener: document.activeElement,
      page: 1,
    };
    if (!dialog) { dialog = build(); }
    dialog.search.value = "";
    dialog.node.showModal();
    dialog.show(options.upload ? "upload" : "browse");
    dialog.load(1, false);
  }

  window.NewsdeskImageChooser = { open: open };
})();
