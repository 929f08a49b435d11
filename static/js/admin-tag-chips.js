// The article form's tags as chips: each tag a chip with a remove button; typing offers existing
// tags (prefix matches first, from the search-backed endpoint in data-suggest-url); Enter or a
// comma adds what was typed. The form sends the names as a JSON list in the original field
// (articles/admin_tags.py), so a tag may hold commas, quotes and any letters.
(function () {
  "use strict";

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) { node.textContent = text; }
    return node;
  }

  function start(field) {
    var names = JSON.parse(field.dataset.tags || "[]");
    var id = field.id;
    var box = el("div", { class: "tag-chips" });
    var list = el("ul", { class: "tag-chips__list", "aria-label": "Tags of this article" });
    var entry = el("input", {
      type: "text", id: id + "_entry", class: "tag-chips__entry", autocomplete: "off",
      role: "combobox", "aria-autocomplete": "list", "aria-expanded": "false",
      "aria-controls": id + "_options", "aria-describedby": id + "_chips_help",
    });
    var options = el("ul", { id: id + "_options", class: "tag-chips__options", role: "listbox", "aria-label": "Existing tags" });
    options.hidden = true;
    var help = el("p", { id: id + "_chips_help", class: "help tag-chips__help" },
      "Type a tag and press Enter (or a comma); existing tags are offered as you type. Backspace in the empty box removes the last tag.");
    var live = el("p", { class: "tag-chips__live", role: "status", "aria-live": "polite" });
    box.append(list, entry, options, help, live);
    field.type = "hidden";
    field.after(box);
    var label = document.querySelector("label[for='" + id + "']");
    if (label) { label.htmlFor = entry.id; }

    var active = -1;
    var timer = null;
    var url = field.dataset.suggestUrl ? new URL(field.dataset.suggestUrl, window.location.href) : null;

    function has(name) {
      return names.some(function (n) { return n.toLowerCase() === name.toLowerCase(); });
    }
    function sync(message) {
      field.value = JSON.stringify(names);
      field.dispatchEvent(new Event("input", { bubbles: true }));
      live.textContent = message;
      render();
    }
    function add(name) {
      name = name.replace(/\s+/g, " ").trim();
      if (!name || has(name)) { entry.value = ""; return; }
      names.push(name);
      entry.value = "";
      close();
      sync("Added tag " + name);
    }
    function remove(index) {
      var gone = names.splice(index, 1)[0];
      sync("Removed tag " + gone);
      entry.focus();
    }
    function render() {
      list.replaceChildren.apply(list, names.map(function (name, index) {
        var button = el("button", { type: "button", class: "tag-chips__remove", "aria-label": "Remove tag " + name }, "×");
        button.addEventListener("click", function () { remove(index); });
        var item = el("li", { class: "tag-chips__chip" });
        item.append(el("span", {}, name), button);
        return item;
      }));
    }
    function close() {
      options.hidden = true;
      options.replaceChildren();
      entry.setAttribute("aria-expanded", "false");
      entry.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function highlight(index) {
      var items = options.querySelectorAll("[role=option]");
      if (!items.length) { return; }
      active = (index + items.length) % items.length;
      items.forEach(function (item, i) { item.setAttribute("aria-selected", i === active ? "true" : "false"); });
      entry.setAttribute("aria-activedescendant", items[active].id);
    }
    function suggest() {
      var term = entry.value.trim();
      if (!url || !term) { close(); return; }
      url.searchParams.set("q", term);
      fetch(url, { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) {
          if (entry.value.trim() !== term) { return; }
          var found = data.results.filter(function (name) { return !has(name); });
          if (!found.length) { close(); return; }
          options.replaceChildren.apply(options, found.map(function (name, i) {
            var option = el("li", { role: "option", id: id + "_option_" + i, "aria-selected": "false", class: "tag-chips__option" }, name);
            option.addEventListener("mousedown", function (event) { event.preventDefault(); add(name); });
            return option;
          }));
          options.hidden = false;
          entry.setAttribute("aria-expanded", "true");
          active = -1;
        });
    }
    entry.addEventListener("input", function () {
      if (entry.value.indexOf(",") >= 0) {
        var parts = entry.value.split(",");
        entry.value = parts.pop();
        parts.forEach(add);
      }
      clearTimeout(timer);
      timer = setTimeout(suggest, 150);
    });
    entry.addEventListener("keydown", function (event) {
      var items = options.querySelectorAll("[role=option]");
      if (event.key === "ArrowDown" && items.length) { event.preventDefault(); highlight(active + 1); }
      else if (event.key === "ArrowUp" && items.length) { event.preventDefault(); highlight(active - 1); }
      else if (event.key === "Escape" && !options.hidden) { event.preventDefault(); close(); }
      else if (event.key === "Enter") {
        event.preventDefault();  // never submits the form from here
        if (active >= 0 && items[active]) { add(items[active].textContent); } else { add(entry.value); }
      } else if (event.key === "Backspace" && !entry.value && names.length) { remove(names.length - 1); }
    });
    entry.addEventListener("blur", function () { setTimeout(close, 100); });
    // A tag typed but not yet entered is kept when the form is saved.
    field.form.addEventListener("submit", function () { if (entry.value.trim()) { add(entry.value); } });
    render();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var field = document.getElementById("id_tags");
    if (field && field.dataset.tags !== undefined) { start(field); }
  });
})();
