"""The shortcodes WordPress sites use most, turned into plain HTML the article body keeps.

[caption] and [wp_caption] become <figure> with <figcaption>; [gallery] a figure per image;
[embed], [video], [audio] and [playlist] a link to what they showed (the site embeds no player).
Any other shortcode that encloses text keeps its text; one that does not is removed. Each
removal is reported, so an editor knows what to look at.
"""

import html
import re

# WordPress's get_shortcode_regex(), for any name: [name atts], [name atts /], [name]..[/name];
# [[name]] is an escaped shortcode, shown as written.
SHORTCODE = re.compile(
    r"\[(\[?)([A-Za-z_][\w-]*)(?![\w-])([^\]/]*(?:/(?!\])[^\]/]*)*?)"
    r"(?:(/)\]|\](?:([^\[]*+(?:\[(?!/\2\])[^\[]*+)*+)\[/\2\])?)(\]?)"
)
ATTRIBUTE = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)"""
)
MEDIA = {"embed", "video", "audio", "playlist"}
MEDIA_SOURCE_KEYS = ("src", "mp4", "m4v", "webm", "ogv", "mp3", "ogg", "wav", "m4a", "flv", "wmv")
# What shortcode_unautop() does: a shortcode alone in a paragraph is not wrapped in <p> (for
# those that become figures; media become a link, which sits well in a paragraph).
WRAPPED = re.compile(r"<p>\s*(\[(caption|wp_caption|gallery)\b.*?)</p>")


def parse_attributes(text):
    attributes = {}
    for match in ATTRIBUTE.finditer(text.replace("\xa0", " ")):
        if match.group(1):
            attributes[match.group(1).lower()] = match.group(2)
        elif match.group(3):
            attributes[match.group(3).lower()] = match.group(4)
        elif match.group(5):
            attributes[match.group(5).lower()] = match.group(6)
    return attributes


class ShortcodeConverter:
    """Converts a body's shortcodes; `notes` collects what an editor should check."""

    def __init__(self, *, attachments, post_id, media_url):
        self.attachments = attachments  # WordPress attachment ID -> wxr.Attachment
        self.post_id = post_id
        self.media_url = media_url  # an attachment's URL in the old site, absolute
        self.notes = []

    def convert(self, text):
        if "[" not in text:
            return text
        text = WRAPPED.sub(lambda m: m.group(1).removesuffix("</p>"), text)
        return SHORTCODE.sub(self._replace, text)

    def _replace(self, match):
        escaped_open, name, raw_attributes, _, content, escaped_close = match.groups()
        if escaped_open and escaped_close:
            return match.group(0)[1:-1]
        attributes = parse_attributes(raw_attributes or "")
        content = content or ""
        name_lower = name.lower()
        if name_lower in ("caption", "wp_caption"):
            return self._caption(attributes, content)
        if name_lower == "gallery":
            return self._gallery(attributes)
        if name_lower in MEDIA:
            return self._media(name_lower, attributes, content)
        if match.group(5) is not None:
            self.notes.append(f"shortcode [{name}] removed, the text inside it kept")
            return self.convert(content)
        if attributes:
            self.notes.append(f"shortcode [{name}] removed")
            return ""
        # A bare [word] is more often text (an editor's "[sic]") than a shortcode: kept.
        return match.group(0)

    def _caption(self, attributes, content):
        # The caption is what follows the image (or its link); old posts put it in caption="".
        image = re.match(r"\s*((?:<a [^>]*>\s*)?<img [^>]*>(?:\s*</a>)?)(.*)", content, re.DOTALL)
        if image:
            picture, caption = image.group(1), image.group(2)
        else:
            picture, caption = content, ""
        # Old posts keep the caption in an attribute, as HTML (WordPress prints it as it is).
        caption = caption.strip() or attributes.get("caption", "")
        caption = re.sub(r"^(<br\s*/?>\s*)+|(<br\s*/?>\s*)+$", "", caption).strip()
        figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
        return f"<figure>{picture.strip()}{figcaption}</figure>"

    def _gallery(self, attributes):
        ids = [int(part) for part in re.findall(r"\d+", attributes.get("ids", ""))]
        if not ids:
            # A gallery without ids shows the images attached to the post.
            ids = sorted(
                a.post_id for a in self.attachments.values() if a.parent_id == self.post_id
            )
        figures = []
        for attachment_id in ids:
            attachment = self.attachments.get(attachment_id)
            if attachment is None:
                self.notes.append(f"gallery image {attachment_id} is not in the export")
                continue
            src = html.escape(self.media_url(attachment), quote=True)
            alt = html.escape(attachment.alt or attachment.title, quote=True)
            caption = html.escape(attachment.caption)
            figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
            figures.append(f'<figure><img src="{src}" alt="{alt}">{figcaption}</figure>')
        if not figures:
            self.notes.append("empty [gallery] removed")
        return "\n".join(figures)

    def _media(self, name, attributes, content):
        url = content.strip() if name == "embed" else ""
        for key in MEDIA_SOURCE_KEYS:
            url = url or attributes.get(key, "")
        url = html.unescape(re.sub(r"<[^>]+>", "", url)).strip()
        if not re.match(r"https?://", url):
            self.notes.append(f"[{name}] without a usable address removed")
            return ""
        safe = html.escape(url, quote=True)
        return f'<a href="{safe}">{html.escape(url)}</a>'
