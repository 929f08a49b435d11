// Suggest existing tags while typing in the comma-separated tag field (search-backed).
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var field = document.getElementById("id_tags");
    if (!field || !field.dataset.suggestUrl) { return; }
    var url = new URL(field.dataset.suggestUrl, window.location.href);
    var list = document.createElement("datalist");
    list.id = "id_tags_suggestions";
    field.insertAdjacentElement("afterend", list);
    field.setAttribute("list", list.id);
    field.setAttribute("autocomplete", "off");
    var timer = null;
    field.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var parts = field.value.split(",");
        var term = parts.pop().trim();
        if (term.length < 2) { return; }
        var head = parts.map(function (p) { return p.trim(); }).filter(Boolean);
        url.searchParams.set("q", term);
        fetch(url, { credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.json() : { results: [] }; })
          .then(function (data) {
            list.replaceChildren();
            data.results.forEach(function (name) {
              var option = document.createElement("option");
              option.value = head.concat([name]).join(", ");
              list.appendChild(option);
            });
          });
      }, 200);
    });
  });
})();
