"""Files follow their rows: a rendition or an image deleted takes its file with it. Pages showing
an image are outdated by the core, which listens to Image's post_save and post_delete
(articles/invalidation.py)."""

from django.core.signals import setting_changed
from django.db import transaction
from django.db.models.signals import post_delete

from .models import Image, Rendition, rendition_url


def delete_file(sender, instance, **kwargs):
    name = instance.file.name
    storage = instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def forget_rendition_urls(*, setting, **kwargs):
    if setting in {"MEDIA_URL", "STORAGES"}:
        rendition_url.cache_clear()


def connect():
    setting_changed.connect(forget_rendition_urls, dispatch_uid="images-rendition-urls")
    post_delete.connect(delete_file, sender=Rendition, dispatch_uid="images-rendition-file")
    post_delete.connect(delete_file, sender=Image, dispatch_uid="images-image-file")
