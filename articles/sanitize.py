"""The allow-list that article body HTML passes through before it is stored.

Editors paste from wires and word processors; whatever they paste, readers get only these tags and
attributes. nh3 (Ammonia) drops scripts with their content, event-handler attributes, and any URL
whose scheme is not listed (so no `javascript:` links).
"""

import nh3

from .rich_text import LINK_REL, URL_SCHEMES, allowed_attributes, allowed_tags

# Made from the one declared list the admin's editor is built from too (rich_text.py).
ALLOWED_TAGS = allowed_tags()
ALLOWED_ATTRIBUTES = allowed_attributes()
ALLOWED_URL_SCHEMES = set(URL_SCHEMES)
# Removed together with their content: text inside these is never meant for readers.
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript"}


def sanitize_body_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )
