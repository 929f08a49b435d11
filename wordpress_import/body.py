"""A WordPress post's content, as WordPress would display it, made into a Newsdesk body.

The order is WordPress's own ('the_content' filters): block comments go (do_blocks), bare-newline
content gets its paragraphs (wpautop, not for block content, which has its own markup), then
shortcodes are expanded. Image links are rewritten by the caller; sanitising happens when the
article is saved, as for any body.
"""

import html
import re
from html.parser import HTMLParser

from .autop import wpautop
from .shortcodes import ShortcodeConverter

BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:[^>]*?-->\n?", re.DOTALL)
MORE_OR_PAGE = re.compile(r"<!--\s*(more|nextpage|noteaser)\b.*?-->", re.DOTALL)
# Class names from block markup mean nothing here (the sanitiser drops them anyway).
SENTENCE_END = re.compile(r"(?<=[.!?…。！？])\s+")


def has_blocks(content):
    return "<!-- wp:" in content


def convert_body(content, *, attachments, post_id, media_url):
    """Returns (html, notes)."""
    blocks = has_blocks(content)
    text = BLOCK_COMMENT.sub("", content)
    text = MORE_OR_PAGE.sub("", text)
    if not blocks:
        text = wpautop(text)
    converter = ShortcodeConverter(attachments=attachments, post_id=post_id, media_url=media_url)
    text = converter.convert(text)
    return text.strip(), converter.notes


class _TextExtractor(HTMLParser):
    BLOCKS = {"p", "br", "li", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}
    SKIPPED = {"script", "style", "figcaption", "figure", "template"}

    def __init__(self, keep_links=False):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skipping = 0
        self.keep_links = keep_links
        self.href = None
        self.link_text = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")
        elif tag == "a" and self.keep_links:
            self.href = dict(attrs).get("href")
            self.link_text = []

    def handle_endtag(self, tag):
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")
        elif tag == "a" and self.keep_links and self.href:
            text = "".join(self.link_text).strip()
            if self.href not in text:
                self.parts.append(f" ({self.href})")
            self.href = None

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)
            if self.href:
                self.link_text.append(data)


def html_to_text(markup, *, keep_links=False):
    """Readable plain text of some HTML: paragraphs as blank lines, links' addresses kept."""
    if "<" in (markup or ""):
        parser = _TextExtractor(keep_links=keep_links)
        parser.feed(markup)
        parser.close()
        text = "".join(parser.parts)
    else:  # most comments: no tag to parse, only entities to decode
        text = html.unescape(markup or "")
    text = text.replace("\r\n", "\n")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def plain_line(markup):
    """One line of text (titles, captions): tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", markup or "")).split())


def first_sentences(text, *, limit):
    """As many whole sentences of `text` as fit in `limit` characters (else a cut at a word)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    chosen = ""
    for sentence in SENTENCE_END.split(text):
        candidate = f"{chosen} {sentence}".strip()
        if len(candidate) > limit:
            break
        chosen = candidate
    if chosen:
        return chosen
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
