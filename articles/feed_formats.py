"""RSS 2.0 and Atom with what feed readers show beside the text: the lead image as Media RSS
`media:content` (with its alt text), and optionally the full article (`content:encoded` in RSS,
`<content type="html">` in Atom)."""

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

MEDIA_NS = "http://search.yahoo.com/mrss/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"


def _add_media(handler, item):
    image = item.get("image")
    if not image:
        return
    attrs = {"url": image["url"], "medium": "image"}
    if image.get("type"):
        attrs["type"] = image["type"]
    for name in ("width", "height"):
        if image.get(name):
            attrs[name] = str(image[name])
    if image.get("alt"):
        handler.startElement("media:content", attrs)
        handler.addQuickElement("media:description", image["alt"])
        handler.endElement("media:content")
    else:
        handler.addQuickElement("media:content", "", attrs)


class MediaRssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_NS, "xmlns:content": CONTENT_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        _add_media(handler, item)
        if item.get("full_html"):
            handler.addQuickElement("content:encoded", item["full_html"])


class MediaAtomFeed(Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        _add_media(handler, item)
        if item.get("full_html"):
            handler.addQuickElement("content", item["full_html"], {"type": "html"})
