"""What an uploaded file must be before it enters the library: a real image (Pillow reads it
through), in a format every browser shows, not too large in bytes or in pixels (a small file can
decode to gigabytes: a decompression bomb)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image as PILImage

ALLOWED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF"}


def max_upload_bytes() -> int:
    return settings.NEWSDESK_IMAGES["MAX_UPLOAD_BYTES"]


def max_pixels() -> int:
    return settings.NEWSDESK_IMAGES["MAX_PIXELS"]


def validate_image_file(file) -> None:
    if getattr(file, "_committed", False):
        # Already in storage (a saved image edited again): it was checked when it came in.
        return
    size = getattr(file, "size", None)
    if size is not None and size > max_upload_bytes():
        raise ValidationError(
            "This file is %(size)s; the limit is %(limit)s.",
            code="too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(max_upload_bytes())},
        )
    try:
        file.seek(0)
        with PILImage.open(file) as picture:
            kind, (width, height) = picture.format, picture.size
            if width * height > max_pixels():
                raise ValidationError(
                    "This image is %(width)s × %(height)s pixels; the limit is %(limit)s "
                    "megapixels.",
                    code="too_many_pixels",
                    params={"width": width, "height": height, "limit": max_pixels() // 1_000_000},
                )
            picture.verify()
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError) as error:
        raise ValidationError(
            "This file is not an image that can be read (%(error)s).",
            code="not_an_image",
            params={"error": type(error).__name__},
        ) from error
    finally:
        file.seek(0)
    if kind not in ALLOWED_FORMATS:
        raise ValidationError(
            "%(kind)s images are not accepted: upload a JPEG, PNG, WebP or GIF.",
            code="format",
            params={"kind": kind or "This kind of"},
        )
