"""Renditions: an image resized to each width readers may need, in WebP and JPEG, made once and
stored (the Rendition rows say which exist).

Made from the original turned upright by its EXIF orientation, and saved without any metadata
(Pillow writes EXIF only when given it), so a phone's GPS position never reaches readers. Never
wider than the original. The whole picture is kept: no crop, so the focal point is not used here
(card slots crop with CSS object-fit, centred).
"""

import io
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import prefetch_related_objects
from PIL import Image as PILImage
from PIL import ImageOps

from .models import Image, Rendition

FORMATS = (Rendition.Format.WEBP, Rendition.Format.JPEG)
# The copy shared with other sites: Open Graph and Twitter cards, JSON-LD, feeds' media.
SHARE_WIDTH = 1200


def widths() -> list[int]:
    return sorted(settings.NEWSDESK_IMAGES["WIDTHS"])


def widths_for(image: Image) -> list[int]:
    """The rendition widths of `image`: the configured ones narrower than it, and its own width
    when that is below the widest (so the sharpest copy is the original's size, not upscaled)."""
    if not image.width:
        return []  # its file could not be read: nothing to resize
    below = [width for width in widths() if width < image.width]
    if image.width and image.width <= widths()[-1]:
        below.append(image.width)
    return below or [image.width]


def rendition_name(image: Image, width: int, fmt: str) -> str:
    stem = PurePosixPath(image.file.name or "image").stem[:60]
    extension = "jpg" if fmt == Rendition.Format.JPEG else fmt
    return f"images/renditions/{image.pk}/{stem}-{width}w.{extension}"


def _open_upright(image: Image, largest: int) -> PILImage.Image:
    image.file.open("rb")
    try:
        with PILImage.open(image.file) as picture:
            # JPEG decodes straight at a fraction of its size when that is still wide enough.
            oriented_largest = largest if image.width == picture.size[0] else None
            if oriented_largest and picture.format == "JPEG":
                scale = oriented_largest / picture.size[0]
                picture.draft("RGB", (int(picture.size[0] * scale), int(picture.size[1] * scale)))
            picture.seek(0)  # an animated GIF or WebP: its first frame
            upright = ImageOps.exif_transpose(picture)
            upright.load()
    finally:
        image.file.close()
    if upright.mode not in ("RGB", "RGBA"):
        has_alpha = upright.mode in ("LA", "PA") or "transparency" in upright.info
        upright = upright.convert("RGBA" if has_alpha else "RGB")
    return upright


def _encode(picture: PILImage.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    if fmt == Rendition.Format.WEBP:
        picture.save(out, "WEBP", quality=settings.NEWSDESK_IMAGES["WEBP_QUALITY"], method=4)
    else:
        if picture.mode == "RGBA":
            flat = PILImage.new("RGB", picture.size, "white")
            flat.paste(picture, mask=picture.getchannel("A"))
            picture = flat
        picture.save(
            out,
            "JPEG",
            quality=settings.NEWSDESK_IMAGES["JPEG_QUALITY"],
            optimize=True,
            progressive=True,
        )
    return out.getvalue()


def stored(image: Image) -> list[Rendition]:
    """The image's renditions in the database, read once per instance (or prefetched with it:
    Image.objects.with_renditions(), or the core's for_listing())."""
    if "renditions" not in getattr(image, "_prefetched_objects_cache", {}):
        prefetch_related_objects([image], "renditions")
    return list(image.renditions.all())


def make_renditions(image: Image, wanted=None) -> list[Rendition]:
    """Make the renditions of `image` that do not exist yet (`wanted`: (width, format) pairs;
    every width and format by default) and return all of its renditions."""
    existing = {(r.width, r.format): r for r in stored(image)}
    if wanted is None:  # every srcset width, and the copy shared with other sites
        wanted = [(width, fmt) for width in widths_for(image) for fmt in FORMATS]
        if image.width:
            wanted.append((min(SHARE_WIDTH, image.width), Rendition.Format.JPEG))
    missing = sorted({key for key in wanted if key not in existing}, reverse=True)
    if not missing or not image.file:
        return sorted(existing.values(), key=lambda r: (r.format, r.width))
    try:
        source = _open_upright(image, largest=missing[0][0])
    except (OSError, ValueError):
        # The original is gone or unreadable: readers get no picture rather than an error.
        return sorted(existing.values(), key=lambda r: (r.format, r.width))
    made, names = [], []
    # Widest first, each made from the previous size down: fast, and as sharp (LANCZOS).
    step = source
    for width, fmt in missing:
        width = min(width, source.width)
        height = max(1, round(source.height * width / source.width))
        if step.width != width:
            step = step.resize((width, height), PILImage.Resampling.LANCZOS, reducing_gap=3.0)
        data = _encode(step, fmt)
        name = default_storage.save(rendition_name(image, width, fmt), ContentFile(data))
        names.append(name)
        made.append(
            Rendition(
                image=image, width=width, height=height, format=fmt, file=name, size=len(data)
            )
        )
    try:
        with transaction.atomic():
            Rendition.objects.bulk_create(made)
    except IntegrityError:
        # Another request made them at the same moment: theirs are kept, these files dropped.
        for name in names:
            default_storage.delete(name)
        made = []
    every = [*existing.values(), *made]
    if made:  # read again (once) by the next stored(image)
        image.__dict__.get("_prefetched_objects_cache", {}).pop("renditions", None)
    return sorted(every, key=lambda r: (r.format, r.width))


def renditions_of(image: Image) -> list[Rendition]:
    """Every rendition readers may get, made now if missing (the first page showing a new image
    makes them; later pages read the stored rows, prefetched with the image)."""
    every = stored(image)
    needed = {(width, fmt) for width in widths_for(image) for fmt in FORMATS}
    if needed - {(r.width, r.format) for r in every}:
        every = make_renditions(image)
    return [r for r in every if (r.width, r.format) in needed]


def rendition(image: Image, width: int, fmt: str = Rendition.Format.JPEG) -> Rendition | None:
    """One rendition at about `width` (never wider than the original): the admin's thumbnails,
    the editor's 800-pixel copy, the 1200-pixel Open Graph image."""
    if not image.width:
        return None
    width = min(width, image.width)
    for candidate in stored(image):
        if candidate.width == width and candidate.format == fmt:
            return candidate
    made = make_renditions(image, wanted=[(width, fmt)])
    return next((r for r in made if r.width == width and r.format == fmt), None)
