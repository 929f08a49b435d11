"""The allow-list that article body HTML passes through before it is stored.

Editors paste from wires and word processors; whatever they paste, readers get only these tags and
attributes. nh3 (Ammonia) drops scripts with their content, event-handler attributes, and any URL
whose scheme is not listed (so no `javascript:` links).
"""

import nh3

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "blockquote", "q", "cite", "em", "strong", "b", "i", "u",
    "s", "sub", "sup", "small", "abbr", "code", "pre", "ul", "ol", "li", "a", "figure",
    "figcaption", "img", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
    # data-image-id: a figure's image in the library (images/body.py makes it responsive).
    "img": {"src", "alt", "width", "height", "loading", "data-image-id"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
# Removed together with their content: text inside these is never meant for readers.
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript"}


def sanitize_body_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
