"""Figures in an article's body, as readers get them: each <img data-image-id="N"> that the
editor put in (a library image) becomes a responsive <picture> of that image's renditions.

The body stores a plain <img> (its src a rendition the editor saw), which stays readable where
this step does not run (feeds' readers, an export). Runs on sanitised HTML, whose attributes are
always double-quoted; the images of one body are read in one query (their rows list their
renditions).
"""

import html
import re

from django.utils.safestring import SafeString, mark_safe

from .models import Image
from .picture import picture_html

LIBRARY_IMG = re.compile(r'<img\b[^>]*\bdata-image-id="(\d+)"[^>]*>')
ALT = re.compile(r'\balt="([^"]*)"')
# A body column of the article page: 42rem at most (the site's measure), the screen on a phone.
BODY_SIZES = "(min-width: 44rem) 42rem, calc(100vw - 2rem)"


def library_image_ids(body: str) -> set[int]:
    return {int(found) for found in LIBRARY_IMG.findall(body)}


def responsive_body(body: str, *, sizes: str = BODY_SIZES) -> SafeString:
    """`body` (already safe HTML) with its library images as <picture>s."""
    ids = library_image_ids(body)
    if not ids:
        return mark_safe(body)  # noqa: S308  (the caller's sanitised HTML, unchanged)
    images = Image.objects.in_bulk(ids)

    def replace(match):
        image = images.get(int(match.group(1)))
        if image is None:
            return match.group(0)  # deleted from the library: the stored <img> as it was
        alt = ALT.search(match.group(0))
        return picture_html(
            image, sizes=sizes, alt=html.unescape(alt.group(1)) if alt else None, loading="lazy"
        )

    return mark_safe(LIBRARY_IMG.sub(replace, body))  # noqa: S308  (sanitised + format_html)
