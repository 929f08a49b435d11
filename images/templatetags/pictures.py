"""{% picture image sizes="..." %}: every image a reader sees, as resized renditions.

{% load pictures %}
{% picture article.lead_image sizes="(min-width: 42rem) 42rem, 100vw" loading="eager" fetchpriority="high" %}
{% rendition_url image 1200 as og_image %}
"""

from django import template

from ..models import Image
from ..picture import picture_html
from ..renditions import SHARE_WIDTH, rendition

register = template.Library()


@register.simple_tag
def picture(image, sizes="100vw", loading="lazy", fetchpriority="", alt=None, **attributes):
    return picture_html(
        image,
        sizes=sizes,
        alt=alt,
        loading=loading,
        fetchpriority=fetchpriority,
        css_class=attributes.get("class", ""),
    )


@register.simple_tag
def share_rendition(image: Image | None):
    """The copy of `image` other sites show (Open Graph, Twitter cards): 1200 pixels wide."""
    return rendition_for(image, SHARE_WIDTH)


@register.simple_tag
def rendition_for(image: Image | None, width: int, fmt: str = "jpeg"):
    """The rendition of `image` at `width` (its url, width, height), or None."""
    if image is None or not image.file:
        return None
    return rendition(image, int(width), fmt)
