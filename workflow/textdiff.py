"""Word-level differences between two texts, and the readable text of an article's HTML body.

Editors compare what readers read, so the body is turned into its text (paragraphs kept as line
breaks, tags dropped) before comparing; the result is a list of runs, each unchanged, removed or
added, that the template shows inline with <del> and <ins> and that wraps to the screen.
"""

import difflib
import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements after which a reader sees a new line (or a new paragraph).
BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre",
    "figure", "figcaption", "table", "tr", "section", "article", "aside", "hr",
}  # fmt: skip
# Words with the spaces that follow them, so that joining the tokens gives the text back.
TOKENS = re.compile(r"\S+\s*|\s+")


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self.parts.append("\n")
        elif tag in BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        self.parts.append(data)


def html_to_text(html):
    """The text a reader sees in `html`: tags dropped, blocks as paragraphs, spaces collapsed."""
    extractor = _TextExtractor()
    extractor.feed(html or "")
    extractor.close()
    text = "".join(extractor.parts)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


@dataclass(frozen=True)
class Run:
    kind: str  # "same", "removed" or "added"
    text: str


def word_diff(before, after):
    """Runs of unchanged, removed and added words that turn `before` into `after`."""
    old, new = TOKENS.findall(before or ""), TOKENS.findall(after or "")
    # Compare words without their trailing spaces, so a re-wrapped line is not a change.
    matcher = difflib.SequenceMatcher(
        None, [t.strip() for t in old], [t.strip() for t in new], autojunk=False
    )
    runs = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(Run("same", "".join(new[j1:j2])))
            continue
        if op in ("delete", "replace"):
            runs.append(Run("removed", "".join(old[i1:i2])))
        if op in ("insert", "replace"):
            runs.append(Run("added", "".join(new[j1:j2])))
    return [run for run in runs if run.text]
