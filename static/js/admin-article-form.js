// The article change form: who else has it open (a heartbeat to workflow/presence.py), and a
// warning before leaving it with changes not yet saved (the body's editor counts: it writes
// every edit into its textarea).
(function () {
  "use strict";

  function csrfToken(form) {
    var input = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function presence(form) {
    var status = document.getElementById("article-presence");
    if (!status || !status.dataset.url) { return; }
    var seconds = parseInt(status.dataset.seconds, 10) || 15;
    function body(extra) {
      var data = new URLSearchParams({ csrfmiddlewaretoken: csrfToken(form) });
      if (extra) { data.set(extra, "1"); }
      return data;
    }
    function beat() {
      fetch(status.dataset.url, { method: "POST", body: body(), credentials: "same-origin", headers: { "X-CSRFToken": csrfToken(form) } })
        .then(function (response) { return response.ok ? response.json() : { others: [] }; })
        .then(function (data) {
          var text = data.others.length ? "Also open by: " + data.others.join(", ") : "";
          if (status.textContent !== text) { status.textContent = text; }
          status.hidden = !text;
        })
        .catch(function () { /* offline for a moment: the next beat tells */ });
    }
    beat();
    var timer = setInterval(beat, seconds * 1000);
    window.addEventListener("pagehide", function () {
      clearInterval(timer);
      navigator.sendBeacon(status.dataset.url, body("leaving"));
    });
  }

  function snapshot(form) {
    var parts = [];
    new FormData(form).forEach(function (value, name) {
      if (name === "csrfmiddlewaretoken") { return; }
      parts.push(name + "=" + (typeof value === "string" ? value : value.name + ":" + value.size));
    });
    return parts.join("&");
  }

  function unsavedWarning(form) {
    // A form shown again with errors holds what was typed and not saved: dirty from the start.
    var saved = document.querySelector(".errornote, .errorlist") ? null : snapshot(form);
    var submitting = false;
    form.addEventListener("submit", function () { submitting = true; });
    window.addEventListener("beforeunload", function (event) {
      if (submitting || snapshot(form) === saved) { return; }
      event.preventDefault();
      event.returnValue = "";  // older browsers show their own "leave page?" text
    });
  }

  // The site's slug rule (articles/slugs.py: slug_for_name), as the headline is typed.
  function slugFor(name, maxLength) {
    var slug = (name || "").normalize("NFKC").toLowerCase()
      .replace(/[^\p{L}\p{N}_\s-]/gu, "").trim().replace(/[-\s]+/g, "-").replace(/^[-_]+|[-_]+$/g, "");
    var chars = Array.from(slug);
    if (chars.length > maxLength) {
      var head = chars.slice(0, maxLength + 1).join("");
      var cut = head.lastIndexOf("-");
      slug = (cut > 0 ? head.slice(0, cut) : chars.slice(0, maxLength).join("")).replace(/^[-_]+|[-_]+$/g, "");
    }
    return /[\p{L}\p{N}]/u.test(slug) ? slug : "";
  }

  function slugFilling() {
    var slug = document.querySelector("input[data-slug-from]");
    var source = slug && document.getElementById(slug.dataset.slugFrom);
    if (!slug || !source) { return; }
    // Only a new article's: a published address is kept (an editor changes it by hand).
    var byHand = !!slug.value;
    if (!/\/add\/$/.test(window.location.pathname)) { return; }
    slug.addEventListener("input", function () { byHand = !!slug.value; });
    source.addEventListener("input", function () {
      if (!byHand) { slug.value = slugFor(source.value, parseInt(slug.getAttribute("maxlength"), 10) || 200); }
    });
  }
  window.NewsdeskSlugFor = slugFor;

  function start() {
    var form = document.getElementById("article_form");
    if (!form) { return; }
    slugFilling();
    presence(form);
    unsavedWarning(form);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
