"""Writes with side effects: an upload enters the library with its renditions made at once,
so the first reader of a page showing it waits for nothing."""

from django.db import transaction

from .models import Image
from .renditions import copying_once_done, make_renditions


@transaction.atomic
def add_image(*, file, title, alt_text, caption="", credit="", by=None) -> Image:
    image = Image(
        file=file, title=title, alt_text=alt_text, caption=caption, credit=credit, uploaded_by=by
    )
    image.full_clean()
    image.save()
    make_renditions(image)
    return image


@transaction.atomic
def replace_renditions(image: Image) -> None:
    """The original changed: its old renditions go (rows, and files once committed), new ones
    are made, and the image's copy (rendition_list) names the new ones, all in one transaction:
    readers meanwhile get the old ones, whose files are still there."""
    with copying_once_done():  # make_renditions copies the rows once, below
        image.renditions.all().delete()
    image.__dict__.get("_prefetched_objects_cache", {}).pop("renditions", None)
    make_renditions(image)
