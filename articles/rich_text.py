"""What an article body may contain: one declared list, read by both sides.

The server's allow-list (sanitize.py) and the admin's rich-text editor (static/js/body-editor.js,
through `editor_schema()`) are both made from `BODY_ELEMENTS`, so the editor can produce exactly
what survives sanitising, and nothing else (tests/browser/test_body_editor.py checks both ways
in Chromium).

Each element says how the editor treats it:

- "block" and "mark": writers make them with the toolbar (`button`) or they come from an older
  body or a paste, and stay editable (bold in an imported body stays `<b>`, the toolbar's bold
  is `<strong>`);
- "figure": the library's images with caption and credit, in the shape part A's renditions read:
  `<figure><img src alt width height data-image-id><figcaption>Caption <small>Credit</small>`;
- "kept": tables and preformatted text from older bodies (WordPress imports) have no editing
  tools; the editor keeps each as one block, cleaned by this same list, and writers may move or
  delete it.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True)
class Element:
    tag: str
    kind: str  # "block", "mark", "figure", "kept"
    attributes: tuple[str, ...] = ()
    button: str = ""  # the toolbar button that makes it, if writers get one


BODY_ELEMENTS = (
    Element("p", "block", button="Paragraph"),
    Element("h2", "block", button="Heading 2"),
    Element("h3", "block", button="Heading 3"),
    Element("h4", "block", button="Heading 4"),
    Element("ul", "block", button="Bulleted list"),
    Element("ol", "block", button="Numbered list"),
    Element("li", "block"),
    Element("blockquote", "block", ("cite",), button="Block quote"),
    Element("hr", "block"),
    Element("br", "block"),
    Element("strong", "mark", button="Bold"),
    Element("em", "mark", button="Italic"),
    Element("a", "mark", ("href", "title"), button="Link"),
    Element("b", "mark"),
    Element("i", "mark"),
    Element("u", "mark"),
    Element("s", "mark"),
    Element("sub", "mark"),
    Element("sup", "mark"),
    Element("small", "mark"),
    Element("abbr", "mark", ("title",)),
    Element("q", "mark", ("cite",)),
    Element("cite", "mark"),
    Element("code", "mark"),
    Element("figure", "figure", button="Image from the library"),
    Element("img", "figure", ("src", "alt", "width", "height", "loading", "data-image-id")),
    Element("figcaption", "figure"),
    Element("pre", "kept"),
    Element("table", "kept"),
    Element("caption", "kept"),
    Element("thead", "kept"),
    Element("tbody", "kept"),
    Element("tfoot", "kept"),
    Element("tr", "kept"),
    Element("th", "kept", ("scope", "colspan", "rowspan")),
    Element("td", "kept", ("colspan", "rowspan")),
)

# Every link gets this rel (nh3 adds it; the editor writes it the same way).
LINK_REL = "noopener noreferrer"
URL_SCHEMES = ("http", "https", "mailto")


def allowed_tags() -> set[str]:
    return {element.tag for element in BODY_ELEMENTS}


def allowed_attributes() -> dict[str, set[str]]:
    return {element.tag: set(element.attributes) for element in BODY_ELEMENTS if element.attributes}


def editor_schema() -> dict:
    """What the editor's script builds its schema, toolbar and paste cleaning from."""
    return {
        "elements": [
            {
                "tag": element.tag,
                "kind": element.kind,
                "attributes": list(element.attributes),
                "button": element.button,
            }
            for element in BODY_ELEMENTS
        ],
        "linkRel": LINK_REL,
        "urlSchemes": list(URL_SCHEMES),
    }


# --- Comparing bodies as readers get them ------------------------------------------------------

BLOCK_TAGS = {e.tag for e in BODY_ELEMENTS if e.kind != "mark"} - {"img"}
_SPACE = re.compile(r"\s+")


class _Tokens(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.tokens.append(("<", tag, tuple(sorted((k, v or "") for k, v in attrs))))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self.tokens.append((">", tag))

    def handle_data(self, data):
        self.tokens.append(("text", _SPACE.sub(" ", data)))


def body_tokens(html: str) -> list[tuple]:
    """The body as readers' browsers render it: attributes in any order, runs of white space as
    one, and none of it at the edges of blocks (where browsers show none). The editor writes
    no line breaks between blocks; stored bodies (seeds, imports) often have them."""
    parser = _Tokens()
    parser.feed(html or "")
    parser.close()
    tokens = parser.tokens
    out: list[tuple] = []
    for index, token in enumerate(tokens):
        if token[0] != "text":
            out.append(token)
            continue
        text = token[1]
        before = tokens[index - 1] if index else None
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        if before is None or before[1] in BLOCK_TAGS:
            text = text.lstrip()
        if after is None or after[1] in BLOCK_TAGS:
            text = text.rstrip()
        if text:
            out.append(("text", text))
    return out


def same_body(first: str, second: str) -> bool:
    return body_tokens(first) == body_tokens(second)
