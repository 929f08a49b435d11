"""The one slug policy: every address Newsdesk makes from a name goes through `slug_for_name`.

Desks write in French, Russian, Japanese and Arabic, so slugs keep Unicode letters (browsers show
them as typed; links carry them percent-encoded) rather than dropping them, which would turn
"Défense" into "dfense" and a Japanese tag into nothing. A name with no letter or digit at all
("!!!", "★") gets a stable slug derived from the name, never an empty one that no URL can carry.
The WordPress import and the tag, category and source admin all use this function.
"""

import hashlib
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.urls.converters import StringConverter
from django.utils.text import slugify

# What the `uslug` URL converter and the slug fields accept: Unicode word characters and hyphens.
SLUG_PATTERN = r"[-\w]+"
_SLUG_RE = re.compile(rf"^{SLUG_PATTERN}\Z")
_HAS_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def slug_for_name(name: str, *, max_length: int = 100, prefix: str = "item") -> str:
    """The slug for `name`: lowercase Unicode words joined by hyphens, at most `max_length` long.

    NFKC first, so full-width letters and ligatures become the letters readers type. Truncation
    cuts at a hyphen where it can, never leaving one at either end.
    """
    slug = slugify(unicodedata.normalize("NFKC", name or ""), allow_unicode=True)
    if len(slug) > max_length:
        cut = slug[: max_length + 1].rfind("-")
        slug = slug[: cut if cut > 0 else max_length].strip("-_")
    if _HAS_LETTER_OR_DIGIT.search(slug):
        return slug
    digest = hashlib.sha256((name or "").encode("utf-8", "surrogatepass")).hexdigest()
    return f"{prefix}-{digest[:10]}"


def validate_slug(value: str) -> None:
    """Model-field validator: the slug must be one the URLs can carry and name something."""
    if not _SLUG_RE.match(value) or not _HAS_LETTER_OR_DIGIT.search(value):
        raise ValidationError(
            "Use letters (any alphabet), digits and hyphens, with at least one letter or digit.",
            code="invalid_slug",
        )


class UnicodeSlugConverter(StringConverter):
    """`<uslug:slug>`: Django's `slug` converter with letters from every alphabet."""

    regex = SLUG_PATTERN


def tag_slug_by_policy(sender, instance, **kwargs):
    """pre_save for taggit's Tag: taggit slugifies by itself (empty for "!!!", unbounded after
    NFKC); whatever it chose, the stored slug follows the policy above."""
    max_length = sender._meta.get_field("slug").max_length
    source = instance.slug if _HAS_LETTER_OR_DIGIT.search(instance.slug or "") else instance.name
    instance.slug = slug_for_name(source, max_length=max_length, prefix="tag")
