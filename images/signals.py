"""Files follow their rows: a rendition or an image deleted takes its file with it, and the
image's copy of its renditions (Image.rendition_list) forgets a deleted rendition in the same
transaction. Pages showing an image are outdated by the core, which listens to Image's post_save
and post_delete (articles/invalidation.py)."""

from django.core.signals import setting_changed
from django.db import transaction
from django.db.models.signals import post_delete

from .models import Image, Rendition, rendition_url
from .renditions import copy_written_by_caller, write_rendition_list


def delete_file(sender, instance, **kwargs):
    name = instance.file.name
    storage = instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def forget_deleted_rendition(sender, instance, origin=None, **kwargs):
    """A rendition's row deleted however (a queryset, the shell): the image's copy no longer
    names it, before its file goes at commit. Not when the image goes too (cascade) or when the
    caller copies the rows itself once done (replace_renditions)."""
    if isinstance(origin, Image) or getattr(origin, "model", None) is Image:
        return
    if copy_written_by_caller.get():
        return
    image = instance.image if Rendition.image.is_cached(instance) else None
    write_rendition_list(instance.image_id, image=image)


def forget_rendition_urls(*, setting, **kwargs):
    if setting in {"MEDIA_URL", "STORAGES"}:
        rendition_url.cache_clear()


def connect():
    setting_changed.connect(forget_rendition_urls, dispatch_uid="images-rendition-urls")
    post_delete.connect(delete_file, sender=Rendition, dispatch_uid="images-rendition-file")
    post_delete.connect(
        forget_deleted_rendition, sender=Rendition, dispatch_uid="images-rendition-list"
    )
    post_delete.connect(delete_file, sender=Image, dispatch_uid="images-image-file")
