"""The allow-list that article body HTML passes through before it is stored.

Editors paste from wires and word processors; whatever they paste, readers get only these tags and
attributes. nh3 (Ammonia) drops scripts with their content, event-handler attributes, and any URL
whose scheme is not listed (so no `javascript:` links).
"""

import logging
import re

import nh3

from .rich_text import LINK_REL, URL_SCHEMES, allowed_attributes, allowed_tags

logger = logging.getLogger(__name__)

# Made from the one declared list the admin's editor is built from too (rich_text.py).
ALLOWED_TAGS = allowed_tags()
ALLOWED_ATTRIBUTES = allowed_attributes()
ALLOWED_URL_SCHEMES = set(URL_SCHEMES)
# Removed together with their content: text inside these is never meant for readers.
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript"}
# Addresses nh3 does not check the scheme of (it checks href and src): a quotation's source.
# The editor's paste cleaning treats it as a URL too (static/js/body-editor.js).
UNCHECKED_URL_ATTRIBUTES = {"cite"}
# Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]")
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")


def _only_allowed_schemes(element, attribute, value):
    if attribute in UNCHECKED_URL_ATTRIBUTES:
        scheme = _SCHEME.match(_IGNORED_IN_SCHEME.sub("", value).lower())
        if scheme and scheme[1] not in ALLOWED_URL_SCHEMES:
            return None  # the attribute is dropped, as nh3 drops a javascript: href
    return value


def sanitize_body_html(html: str) -> str:
    """The body as readers may get it. Cleaned again until nothing changes: nh3 can write markup
    that HTML parses differently (a <p> inside a <p>, which a parser closes first), and a stored
    body must come out of every later pass unchanged (Article.body_html cleans it again on each
    render). A clean body costs one pass; the property test (tests/hardening/test_properties.py)
    found none needing more than two; the bound is there all the same."""
    for _ in range(4):
        cleaned = _clean(html)
        if cleaned == html:
            return html
        html = cleaned
    # Safe all the same (nh3's output), but a later pass may change it again: worth knowing.
    logger.warning("Body sanitising did not settle after four passes (%d characters)", len(html))
    return html


def _clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
        attribute_filter=_only_allowed_schemes,
        strip_comments=True,
    )
