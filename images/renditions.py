"""Renditions: an image resized to each width readers may need, in WebP and JPEG, made once and
stored (the Rendition rows say which exist; each image keeps a copy of what readers' pages need
of them, Image.rendition_list, written with the rows).

Made from the original turned upright by its EXIF orientation, and saved without any metadata
(Pillow writes EXIF only when given it), so a phone's GPS position never reaches readers. Never
wider than the original. The whole picture is kept: no crop, so the focal point is not used here
(card slots crop with CSS object-fit, centred).
"""

import io
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import PurePosixPath
from typing import NamedTuple

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import prefetch_related_objects
from PIL import Image as PILImage
from PIL import ImageOps

from .models import Image, Rendition, rendition_url

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


class ListedRendition(NamedTuple):
    """A stored rendition as readers' pages see it: an entry of the image's copy
    (Image.rendition_list), with what a <picture>, a share card or a feed item needs, built
    without a query or a model instance."""

    width: int
    height: int
    format: str
    name: str  # of its file in storage

    @property
    def url(self) -> str:
        return rendition_url(self.name)

    @property
    def content_type(self) -> str:
        return f"image/{self.format}"


def listed(image: Image) -> list[ListedRendition]:
    """The image's renditions as its copy lists them, by format then width (no query, the copy
    comes with the image's row)."""
    return [ListedRendition(*entry) for entry in image.rendition_list]


def rendition_list(renditions) -> list[list]:
    """What Image.rendition_list holds for these Rendition rows: in the rows' order (Meta), so
    srcsets and the fallback <img> come out as they did from the rows."""
    ordered = sorted(renditions, key=lambda r: (str(r.format), r.width))
    return [[r.width, r.height, str(r.format), r.file.name] for r in ordered]


def write_rendition_list(image_id: int, *, image: Image | None = None) -> list[Rendition]:
    """Copy the image's Rendition rows to its rendition_list, in the caller's transaction, and
    return the rows. The image's row is locked before the rows are read, so two writers (two
    pages making renditions at once, a page and an editor replacing them) each copy what the
    other committed, and the copy never names a file that is gone. `image`: the caller's
    instance, given the copy too."""
    with transaction.atomic(savepoint=False):  # nothing to undo on its own: no SAVEPOINT
        current = (
            Image.objects.select_for_update()
            .filter(pk=image_id)
            .values_list("rendition_list", flat=True)
            .first()
        )
        rows = list(Rendition.objects.filter(image_id=image_id))
        copy = rendition_list(rows)
        if current is not None and current != copy:
            Image.objects.filter(pk=image_id).update(rendition_list=copy)
    if image is not None:
        image.rendition_list = copy
        image.__dict__.get("_prefetched_objects_cache", {}).pop("renditions", None)
    return rows


# True while a caller deletes an image's rows and copies them itself once done
# (services.replace_renditions): the post_delete receiver (images/signals.py) then does not copy
# them after each row.
copy_written_by_caller: ContextVar[bool] = ContextVar("copy_written_by_caller", default=False)


@contextmanager
def copying_once_done():
    token = copy_written_by_caller.set(True)
    try:
        yield
    finally:
        copy_written_by_caller.reset(token)


def stored_rows(image: Image) -> list[Rendition]:
    """The image's Rendition rows, read once per instance (or prefetched with it:
    Image.objects.with_renditions()). Readers' pages read the copy instead (listed())."""
    if "renditions" not in getattr(image, "_prefetched_objects_cache", {}):
        prefetch_related_objects([image], "renditions")
    return list(image.renditions.all())


def by_format_and_width(renditions) -> list[Rendition]:
    return sorted(renditions, key=lambda r: (r.format, r.width))


def make_renditions(image: Image, wanted=None) -> list[Rendition]:
    """Make the renditions of `image` that do not exist yet (`wanted`: (width, format) pairs;
    every width and format by default) and return all of its renditions. The image's copy
    (rendition_list) is written with the rows, or brought up to date when it differs from them."""
    existing = {(r.width, r.format): r for r in stored_rows(image)}
    if wanted is None:  # every srcset width, and the copy shared with other sites
        wanted = [(width, fmt) for width in widths_for(image) for fmt in FORMATS]
        if image.width:
            wanted.append((min(SHARE_WIDTH, image.width), Rendition.Format.JPEG))
    missing = sorted({key for key in wanted if key not in existing}, reverse=True)
    if not missing or not image.file:
        return copied(image, existing.values())
    try:
        source = _open_upright(image, largest=missing[0][0])
    except (OSError, ValueError):
        # The original is gone or unreadable: readers get no picture rather than an error.
        return copied(image, existing.values())
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
            every = write_rendition_list(image.pk, image=image)
    except IntegrityError:
        # Another request made them at the same moment: theirs are kept (and copied), these
        # files dropped.
        for name in names:
            default_storage.delete(name)
        every = write_rendition_list(image.pk, image=image)
    return by_format_and_width(every)


def copied(image: Image, rows) -> list[Rendition]:
    """`rows`, the image's renditions, after bringing its copy up to date if it lags behind
    (rows written by something else than make_renditions, a copy overwritten by a race)."""
    if rendition_list(rows) != image.rendition_list:
        rows = write_rendition_list(image.pk, image=image)
    return by_format_and_width(rows)


def renditions_of(image: Image) -> list[ListedRendition]:
    """Every rendition readers may get, from the image's copy, made now if missing (the first
    page showing a new image makes them; later pages read the copy that came with the image)."""
    needed = {(width, fmt) for width in widths_for(image) for fmt in FORMATS}
    every = listed(image)
    if needed - {(r.width, r.format) for r in every}:
        make_renditions(image)
        every = listed(image)
    return [r for r in every if (r.width, r.format) in needed]


def rendition(image: Image, width: int, fmt: str = Rendition.Format.JPEG) -> ListedRendition | None:
    """One rendition at about `width` (never wider than the original), from the image's copy:
    the admin's thumbnails, the editor's 800-pixel copy, the 1200-pixel Open Graph image."""
    if not image.width:
        return None
    width = min(width, image.width)
    found = _listed_at(image, width, fmt)
    if found is None:
        make_renditions(image, wanted=[(width, fmt)])
        found = _listed_at(image, width, fmt)
    return found


def _listed_at(image: Image, width: int, fmt: str) -> ListedRendition | None:
    for entry in image.rendition_list:
        if entry[0] == width and entry[2] == fmt:
            return ListedRendition(*entry)
    return None
