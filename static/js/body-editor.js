// The article body's rich-text editor: Tiptap (ProseMirror) from django-prose-editor's bundle,
// served from our static files, with a schema made from the same declared list as the server's
// allow-list (articles/rich_text.py, passed in the textarea's data-body-schema).
//
// Content-Security-Policy: no inline style or script. Tiptap's injected <style> is off (its rules
// are in css/admin-body-editor.css); HTML is parsed in inert documents (DOMParser, <template>),
// so pasted style attributes never reach the page; the editor module is imported by URL (no
// import map, which would be an inline script).
(function () {
  "use strict";

  var DROPPED_WITH_CONTENT = ["script", "style", "iframe", "object", "embed", "template", "noscript", "title", "meta", "link", "head"];

  function start(textarea) {
    var schema = JSON.parse(textarea.dataset.bodySchema);
    return import(textarea.dataset.editorModule).then(function (T) {
      return build(T, textarea, schema);
    }).catch(function (error) {
      // The textarea stays as it is: the body can still be written as HTML.
      console.error("Body editor failed to start:", error);
    });
  }

  // --- The allow-list, as the server has it ----------------------------------------------------

  function allowList(schema) {
    var tags = {};
    schema.elements.forEach(function (element) { tags[element.tag] = element.attributes; });
    return tags;
  }

  function safeUrl(value, schemes) {
    var trimmed = (value || "").trim();
    var scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed);
    if (!scheme) { return trimmed; }  // relative addresses
    return schemes.indexOf(scheme[1].toLowerCase()) >= 0 ? trimmed : null;
  }

  // A clean copy of `node` for the document `doc`: allowed tags with their allowed attributes;
  // other elements give their children; scripts, styles and the like go with their content.
  function cleanCopy(node, doc, allowed, schema) {
    if (node.nodeType === 3) { return doc.createTextNode(node.data); }
    if (node.nodeType !== 1) { return null; }
    var tag = node.localName;
    if (DROPPED_WITH_CONTENT.indexOf(tag) >= 0) { return null; }
    var out;
    if (Object.prototype.hasOwnProperty.call(allowed, tag)) {
      out = doc.createElement(tag);
      allowed[tag].forEach(function (name) {
        if (!node.hasAttribute(name)) { return; }
        var value = node.getAttribute(name);
        if (name === "href" || name === "src" || name === "cite") {
          value = safeUrl(value, schema.urlSchemes);
          if (value === null) { return; }
        }
        out.setAttribute(name, value);
      });
      if (tag === "a") { out.setAttribute("rel", schema.linkRel); }
    } else {
      out = doc.createDocumentFragment();
    }
    var source = tag === "template" ? node.content : node;
    Array.prototype.forEach.call(source.childNodes, function (child) {
      var copy = cleanCopy(child, doc, allowed, schema);
      if (copy) { out.appendChild(copy); }
    });
    return out;
  }

  // --- Paste: keep the structure, drop the styling ---------------------------------------------

  function styleOf(element, property) {
    var match = new RegExp("(?:^|;)\\s*" + property + "\\s*:\\s*([^;]+)", "i").exec(element.getAttribute("data-pasted-style") || "");
    return match ? match[1].trim().toLowerCase() : "";
  }

  function rename(element, tag) {
    var replacement = element.ownerDocument.createElement(tag);
    while (element.firstChild) { replacement.appendChild(element.firstChild); }
    element.replaceWith(replacement);
    return replacement;
  }

  function unwrap(element) {
    element.replaceWith.apply(element, Array.prototype.slice.call(element.childNodes));
  }

  // Chromium reports a CSP violation for every style attribute or element it parses, even in an
  // inert document: pasted HTML has its styles renamed (read for bold and italic) or removed first.
  function withoutInlineStyles(html) {
    return html
      .replace(/<(style|script)\b[\s\S]*?<\/\1\s*>/gi, "")
      .replace(/<(link|meta)\b[^>]*>/gi, "")
      .replace(/<[a-zA-Z](?:"[^"]*"|'[^']*'|[^'">])*>/g, function (tag) {
        return tag.replace(/(\s)style(\s*=)/gi, "$1data-pasted-style$2");
      });
  }

  // Word processors and web pages say bold and italic in many ways; the body says <strong> and
  // <em>. Headings outside h2-h4 become the nearest one; colours, fonts and classes go.
  function tidyPastedHTML(html, allowed, schema) {
    var doc = new DOMParser().parseFromString(withoutInlineStyles(html), "text/html");
    var body = doc.body;
    // Word's list bullets typed as text, and its conditional comments.
    body.querySelectorAll("[data-pasted-style*='mso-list:Ignore' i], [data-pasted-style*='mso-list: Ignore' i]").forEach(function (el) { el.remove(); });
    Array.prototype.slice.call(body.querySelectorAll("*")).forEach(function (el) {
      var tag = el.localName;
      var weight = styleOf(el, "font-weight");
      var bold = weight === "bold" || weight === "bolder" || parseInt(weight, 10) >= 600;
      var italic = styleOf(el, "font-style") === "italic";
      if (tag === "b" && /^(normal|[1-4]00)$/.test(weight)) { unwrap(el); return; }  // Google Docs' wrapper
      if (tag === "b") { el = rename(el, "strong"); } else if (tag === "i") { el = rename(el, "em"); }
      else if (tag === "h1") { el = rename(el, "h2"); } else if (tag === "h5" || tag === "h6") { el = rename(el, "h4"); }
      else if ((tag === "span" || tag === "font") && (bold || italic)) {
        // Styled spans (Google Docs, web pages): their emphasis inside them; cleaning unwraps them.
        var target = el;
        [bold ? "strong" : null, italic ? "em" : null].forEach(function (name) {
          if (!name) { return; }
          var mark = doc.createElement(name);
          while (target.firstChild) { mark.appendChild(target.firstChild); }
          target.appendChild(mark);
          target = mark;
        });
      }
    });
    var clean = doc.createElement("div");
    Array.prototype.forEach.call(body.childNodes, function (child) {
      var copy = cleanCopy(child, doc, allowed, schema);
      if (copy) { clean.appendChild(copy); }
    });
    return clean.innerHTML;
  }

  // --- The editor's schema -------------------------------------------------------------------

  function attributeSpec(names) {
    var spec = {};
    names.forEach(function (name) {
      var key = name.replace(/-([a-z])/g, function (_, c) { return c.toUpperCase(); });
      spec[key] = {
        default: null,
        parseHTML: function (element) { return element.getAttribute(name); },
        renderHTML: function (attributes) {
          var value = attributes[key];
          var out = {};
          if (value !== null && value !== undefined) { out[name] = String(value); }
          return out;
        },
      };
    });
    return spec;
  }

  function extensionsFor(T, schema, allowed) {
    var elements = {};
    schema.elements.forEach(function (element) { elements[element.tag] = element; });
    var attrs = function (tag) { return attributeSpec(elements[tag].attributes); };
    var extensions = [
      T.Document, T.Text,
      T.Paragraph,
      T.Heading.configure({ levels: [2, 3, 4] }).extend({
        // A page's title and its smallest headings become the nearest level the body has.
        parseHTML: function () {
          return [1, 2, 3, 4, 5, 6].map(function (level) {
            return { tag: "h" + level, attrs: { level: Math.min(4, Math.max(2, level)) } };
          });
        },
      }),
      T.HardBreak,
      T.HorizontalRule,
      T.Blockquote.extend({ addAttributes: function () { return attrs("blockquote"); } }),
      T.BulletList,
      T.BulletList.extend({
        name: "orderedList",
        parseHTML: function () { return [{ tag: "ol" }]; },
        renderHTML: function () { return ["ol", 0]; },
        addCommands: function () {
          var self = this;
          return { toggleOrderedList: function () { return function (props) { return props.commands.toggleList(self.name, self.options.itemTypeName, self.options.keepMarks); }; } };
        },
        addKeyboardShortcuts: function () {
          var self = this;
          return { "Mod-Shift-7": function () { return self.editor.commands.toggleOrderedList(); } };
        },
        addInputRules: function () { return []; },
      }),
      T.ListItem,
      T.UndoRedo,
      T.Dropcursor,
      T.Gapcursor,
    ];
    var shortcuts = { strong: "Mod-b", em: "Mod-i" };
    schema.elements.forEach(function (element) {
      if (element.kind !== "mark" || element.tag === "a") { return; }
      var tag = element.tag;
      extensions.push(T.Mark.create({
        name: tag,
        parseHTML: function () { return [{ tag: tag }]; },
        renderHTML: function (props) { return [tag, props.HTMLAttributes, 0]; },
        addAttributes: function () { return attributeSpec(element.attributes); },
        addKeyboardShortcuts: function () {
          var self = this, keys = {};
          if (shortcuts[tag]) { keys[shortcuts[tag]] = function () { return self.editor.commands.toggleMark(tag); }; }
          return keys;
        },
      }));
    });
    extensions.push(T.Mark.create({
      name: "a",
      inclusive: false,
      priority: 1100,  // outside the other marks, as links usually are
      parseHTML: function () { return [{ tag: "a" }]; },
      addAttributes: function () {
        var spec = attrs("a");
        spec.href.parseHTML = function (element) { return safeUrl(element.getAttribute("href"), schema.urlSchemes); };
        return spec;
      },
      renderHTML: function (props) { return ["a", T.mergeAttributes(props.HTMLAttributes, { rel: schema.linkRel }), 0]; },
    }));
    var imageAttributes = function () { return attrs("img"); };
    var isLibraryFigure = function (element) {
      var children = Array.prototype.slice.call(element.children);
      return children.length >= 1 && children.length <= 2 && children[0].localName === "img" &&
        (children.length === 1 || children[1].localName === "figcaption");
    };
    extensions.push(
      T.Node.create({
        name: "figure",
        group: "block",
        content: "figureImage figureCaption?",
        draggable: true,
        isolating: true,
        parseHTML: function () { return [{ tag: "figure", priority: 60, getAttrs: function (el) { return isLibraryFigure(el) ? null : false; } }]; },
        renderHTML: function () { return ["figure", 0]; },
      }),
      T.Node.create({
        name: "figureImage",
        atom: true,
        selectable: false,
        addAttributes: imageAttributes,
        parseHTML: function () { return [{ tag: "img[src]", context: "figure/", priority: 60 }]; },
        renderHTML: function (props) { return ["img", props.HTMLAttributes]; },
      }),
      T.Node.create({
        name: "figureCaption",
        content: "inline*",
        isolating: true,
        parseHTML: function () { return [{ tag: "figcaption" }]; },
        renderHTML: function () { return ["figcaption", 0]; },
      }),
      T.Node.create({
        name: "image",
        group: "inline",
        inline: true,
        atom: true,
        draggable: true,
        addAttributes: imageAttributes,
        parseHTML: function () { return [{ tag: "img[src]" }]; },
        renderHTML: function (props) { return ["img", props.HTMLAttributes]; },
      }),
      keptBlock(T, schema, allowed)
    );
    return extensions;
  }

  // Tables, preformatted text and figures of other shapes from older bodies: one block each,
  // kept as they are (cleaned by the allow-list), shown with a label, movable and deletable.
  function keptBlock(T, schema, allowed) {
    var keep = function (element) {
      var copy = cleanCopy(element, document.implementation.createHTMLDocument(""), allowed, schema);
      var holder = copy.ownerDocument.createElement("div");
      holder.appendChild(copy);
      return { html: holder.innerHTML };
    };
    var toDOM = function (html) {
      var template = document.createElement("template");
      template.innerHTML = html;
      return template.content.firstElementChild || document.createElement("p");
    };
    var tags = schema.elements.filter(function (e) { return e.kind === "kept" && ["pre", "table"].indexOf(e.tag) >= 0; })
      .map(function (e) { return e.tag; });
    return T.Node.create({
      name: "kept",
      group: "block",
      atom: true,
      draggable: true,
      addAttributes: function () { return { html: { default: "", rendered: false } }; },
      parseHTML: function () {
        return tags.map(function (tag) { return { tag: tag, getAttrs: keep }; })
          .concat([{ tag: "figure", priority: 40, getAttrs: keep }]);
      },
      renderHTML: function (props) { return toDOM(props.node.attrs.html); },
      addNodeView: function () {
        return function (props) {
          var wrapper = document.createElement("div");
          wrapper.className = "body-editor__kept";
          wrapper.contentEditable = "false";
          var label = document.createElement("span");
          label.className = "body-editor__kept-label";
          var inner = toDOM(props.node.attrs.html);
          label.textContent = "Kept as it is (" + inner.localName + "): no editing tools; move it, or delete it with Backspace.";
          wrapper.append(label, inner);
          return { dom: wrapper };
        };
      },
    });
  }

  // --- What the textarea holds -----------------------------------------------------------------

  // A list item of one paragraph is written <li>text</li>, as older bodies and most pages have it.
  function serialize(editor) {
    var template = document.createElement("template");
    template.innerHTML = editor.getHTML();
    template.content.querySelectorAll("li").forEach(function (item) {
      var only = item.children.length === 1 && item.childNodes.length === 1 && item.firstElementChild.localName === "p";
      if (only) { unwrap(item.firstElementChild); }
    });
    var html = template.innerHTML;
    return /^<p><\/p>$/.test(html) ? "" : html;
  }

  // --- The toolbar ------------------------------------------------------------------------------

  function toolbarButtons(editor, schema) {
    var label = {};
    schema.elements.forEach(function (element) { if (element.button) { label[element.tag] = element.button; } });
    var is = function (name, attributes) { return editor.isActive(name, attributes); };
    var buttons = [
      { tag: "p", text: "¶", run: function (c) { return c.setParagraph(); }, active: function () { return is("paragraph"); } },
      { tag: "h2", text: "H2", run: function (c) { return c.toggleHeading({ level: 2 }); }, active: function () { return is("heading", { level: 2 }); } },
      { tag: "h3", text: "H3", run: function (c) { return c.toggleHeading({ level: 3 }); }, active: function () { return is("heading", { level: 3 }); } },
      { tag: "h4", text: "H4", run: function (c) { return c.toggleHeading({ level: 4 }); }, active: function () { return is("heading", { level: 4 }); } },
      "|",
      { tag: "strong", text: "B", keys: "Control+B", run: function (c) { return c.toggleMark("strong"); }, active: function () { return is("strong"); } },
      { tag: "em", text: "I", keys: "Control+I", run: function (c) { return c.toggleMark("em"); }, active: function () { return is("em"); } },
      { tag: "a", text: "Link", keys: "Control+K", run: null, active: function () { return is("a"); } },
      "|",
      { tag: "ul", text: "• List", run: function (c) { return c.toggleBulletList(); }, active: function () { return is("bulletList"); } },
      { tag: "ol", text: "1. List", run: function (c) { return c.toggleOrderedList(); }, active: function () { return is("orderedList"); } },
      { tag: "blockquote", text: "“ Quote", run: function (c) { return c.toggleBlockquote(); }, active: function () { return is("blockquote"); } },
      "|",
      { tag: "figure", text: "Image", run: null, active: function () { return false; } },
    ];
    return buttons.filter(function (b) { return b === "|" || label[b.tag]; }).map(function (b) {
      if (b !== "|") { b.label = label[b.tag]; }
      return b;
    });
  }

  function editLink(editor) {
    var current = editor.getAttributes("a").href || "";
    var answer = window.prompt("Link address (leave empty to remove the link):", current || "https://");
    if (answer === null) { editor.commands.focus(); return; }
    var chain = editor.chain().focus().extendMarkRange("a");
    var href = safeUrl(answer, ["http", "https", "mailto"]);
    if (!answer.trim() || answer.trim() === "https://" || href === null) { chain.unsetMark("a").run(); return; }
    if (editor.state.selection.empty && !editor.isActive("a")) {
      chain.insertContent({ type: "text", text: href, marks: [{ type: "a", attrs: { href: href } }] }).run();
    } else {
      // The cursor goes after the link, to go on typing (links do not grow at their end).
      chain.setMark("a", { href: href }).setTextSelection(editor.state.selection.to).run();
    }
  }

  function insertFigure(editor) {
    var chooser = window.NewsdeskImageChooser;
    if (!chooser) { return; }
    chooser.open({
      onChoose: function (image) {
        var caption = [];
        if (image.caption) { caption.push({ type: "text", text: image.caption + (image.credit ? " " : "") }); }
        if (image.credit) { caption.push({ type: "text", text: image.credit, marks: [{ type: "small" }] }); }
        var content = [{
          type: "figureImage",
          attrs: { src: image.editor_url, alt: image.alt_text || "", width: String(image.width), height: String(image.height), dataImageId: String(image.id) },
        }];
        if (caption.length) { content.push({ type: "figureCaption", content: caption }); }
        editor.chain().focus().insertContent({ type: "figure", content: content }).run();
      },
    });
  }

  function buildToolbar(editor, schema, contentId) {
    var bar = document.createElement("div");
    bar.className = "body-editor__toolbar";
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-label", "Body formatting");
    bar.setAttribute("aria-controls", contentId);
    var buttons = [];
    toolbarButtons(editor, schema).forEach(function (spec) {
      if (spec === "|") {
        var separator = document.createElement("span");
        separator.className = "body-editor__separator";
        separator.setAttribute("role", "separator");
        bar.appendChild(separator);
        return;
      }
      // Named by its text (a short sign shown, the full name for screen readers), so what is
      // seen is part of what is heard.
      var button = document.createElement("button");
      button.type = "button";
      var sign = document.createElement("span");
      sign.setAttribute("aria-hidden", "true");
      sign.textContent = spec.text;
      var name = document.createElement("span");
      name.className = "body-editor__name";
      name.textContent = spec.label;
      button.append(sign, name);
      button.title = spec.label + (spec.keys ? " (" + spec.keys.replace("Control", "Ctrl") + ")" : "");
      if (spec.keys) { button.setAttribute("aria-keyshortcuts", spec.keys); }
      button.dataset.command = spec.tag;
      button.tabIndex = buttons.length ? -1 : 0;
      if (spec.tag === "figure" && !window.NewsdeskImageChooser) { button.disabled = true; button.title = "The image library is not available"; }
      button.addEventListener("click", function () {
        if (spec.tag === "a") { editLink(editor); } else if (spec.tag === "figure") { insertFigure(editor); } else { spec.run(editor.chain().focus()).run(); }
      });
      button._spec = spec;
      buttons.push(button);
      bar.appendChild(button);
    });
    // One tab stop; arrow keys, Home and End move along the toolbar; Escape goes back to the text.
    bar.addEventListener("keydown", function (event) {
      var index = buttons.indexOf(document.activeElement);
      if (index < 0) { return; }
      var next = null;
      if (event.key === "ArrowRight") { next = (index + 1) % buttons.length; }
      else if (event.key === "ArrowLeft") { next = (index - 1 + buttons.length) % buttons.length; }
      else if (event.key === "Home") { next = 0; }
      else if (event.key === "End") { next = buttons.length - 1; }
      else if (event.key === "Escape") { editor.commands.focus(); event.preventDefault(); return; }
      if (next === null) { return; }
      event.preventDefault();
      buttons.forEach(function (b, i) { b.tabIndex = i === next ? 0 : -1; });
      buttons[next].focus();
    });
    var refresh = function () {
      buttons.forEach(function (button) {
        if (button._spec.tag === "figure") { return; }
        button.setAttribute("aria-pressed", button._spec.active() ? "true" : "false");
      });
    };
    editor.on("selectionUpdate", refresh);
    editor.on("transaction", refresh);
    refresh();
    return { element: bar, first: function () { return buttons.filter(function (b) { return b.tabIndex === 0; })[0]; } };
  }

  // --- Putting it together --------------------------------------------------------------------

  function build(T, textarea, schema) {
    var allowed = allowList(schema);
    var wrapper = document.createElement("div");
    wrapper.className = "body-editor";
    textarea.before(wrapper);
    var label = document.querySelector("label[for='" + textarea.id + "']");
    if (label && !label.id) { label.id = textarea.id + "_label"; }
    var help = document.getElementById(textarea.id + "_helptext");
    var contentId = textarea.id + "_editor";
    var mount = document.createElement("div");
    var editor = new T.Editor({
      element: mount,
      injectCSS: false,
      extensions: extensionsFor(T, schema, allowed),
      content: textarea.value,
      editorProps: {
        attributes: {
          id: contentId,
          class: "body-editor__content",
          role: "textbox",
          "aria-multiline": "true",
          "aria-labelledby": label ? label.id : "",
          "aria-describedby": help ? help.id : "",
          "aria-keyshortcuts": "Alt+F10",
        },
        transformPastedHTML: function (html) { return tidyPastedHTML(html, allowed, schema); },
      },
      onUpdate: function () {
        textarea.value = serialize(editor);
        textarea.dispatchEvent(new Event("input", { bubbles: true }));
      },
    });
    var toolbar = buildToolbar(editor, schema, contentId);
    // Alt+F10 to the toolbar (as in other editors), Ctrl+K for a link.
    editor.view.dom.addEventListener("keydown", function (event) {
      if (event.key === "F10" && event.altKey) { event.preventDefault(); toolbar.first().focus(); }
      else if ((event.key === "k" || event.key === "K") && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        // After the browser has told ProseMirror of a selection just made with Shift+arrows.
        setTimeout(function () { editLink(editor); }, 0);
      }
    });
    wrapper.append(toolbar.element, mount);
    wrapper.appendChild(textarea);
    textarea.classList.add("body-editor__source");
    if (label) { label.addEventListener("click", function () { editor.commands.focus(); }); }
    textarea.bodyEditor = editor;
    textarea.dispatchEvent(new CustomEvent("body-editor:ready", { bubbles: true, detail: { editor: editor } }));
    return editor;
  }

  function startAll() {
    document.querySelectorAll("textarea[data-body-schema]").forEach(start);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", startAll); } else { startAll(); }
})();
