"""The HTML of a picture readers see: <picture> with a WebP srcset, and an <img> with a JPEG
srcset for browsers without WebP, its width and height (no layout shift), sizes, and lazy loading
unless the picture is at the top of the page."""

from html import escape

from django.utils.html import format_html
from django.utils.safestring import SafeString

from .models import Image, Rendition
from .renditions import renditions_of

# The src of the <img>: the JPEG nearest this width, for the rare browser without srcset.
FALLBACK_WIDTH = 640


def srcset(renditions) -> SafeString:
    # Joined by hand, not format_html_join(): its per-item formatting cost more than the rest of
    # a picture (the addresses are escaped all the same).
    return SafeString(", ".join(f"{escape(r.url)} {int(r.width)}w" for r in renditions))


def picture_html(
    image: Image | None,
    *,
    sizes: str = "100vw",
    alt: str | None = None,
    loading: str = "lazy",
    fetchpriority: str = "",
    css_class: str = "",
) -> SafeString:
    if image is None or not image.file:
        return SafeString("")
    every = renditions_of(image)
    webp = [r for r in every if r.format == Rendition.Format.WEBP]
    jpeg = [r for r in every if r.format == Rendition.Format.JPEG]
    if not jpeg:
        return SafeString("")
    fallback = min(jpeg, key=lambda r: abs(r.width - FALLBACK_WIDTH))
    img = format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{}{}{} '
        'decoding="async">',
        fallback.url,
        srcset(jpeg),
        sizes,
        image.width,
        image.height,
        image.alt_text if alt is None else alt,
        format_html(' class="{}"', css_class) if css_class else "",
        format_html(' loading="{}"', loading) if loading else "",
        format_html(' fetchpriority="{}"', fetchpriority) if fetchpriority else "",
    )
    source = (
        format_html('<source type="image/webp" srcset="{}" sizes="{}">', srcset(webp), sizes)
        if webp
        else ""
    )
    return format_html("<picture>{}{}</picture>", source, img)
