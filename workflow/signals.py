"""Reactions of the workflow to saves: old addresses, and cached fragments for corrections.

Old addresses by signal rather than as a step in the admin, because a slug changes by several
roads (the change form, restoring a revision, a shell) and each must leave the old address
working.
"""

from django.db.models.signals import post_delete, post_save, pre_save

from articles import cache_tags
from articles.invalidation import article_shown_changed
from articles.models import Article

from .corrections import CORRECTIONS
from .models import ArticleNote, ArticleRedirect


def remember_old_slug(sender, instance, **kwargs):
    instance._previous = (
        Article.objects.filter(pk=instance.pk).values("slug", "status").first()
        if instance.pk
        else None
    )


def record_redirect(sender, instance, **kwargs):
    # An address another article takes now is no longer a redirect to this one. This article's
    # own row for its current address is kept: it says that browsers may hold a cached redirect
    # away from this address (see redirects.py); the article view answers there first anyway.
    ArticleRedirect.objects.filter(old_slug=instance.slug).exclude(article=instance).delete()
    previous = getattr(instance, "_previous", None)
    if (
        previous
        and previous["slug"] != instance.slug
        and previous["status"] == Article.Status.PUBLISHED
    ):
        ArticleRedirect.objects.update_or_create(
            old_slug=previous["slug"], defaults={"article": instance}
        )


def note_changed(sender, instance, **kwargs):
    article_shown_changed([instance.article_id])
    cache_tags.bump(CORRECTIONS)


def connect():
    pre_save.connect(remember_old_slug, sender=Article, dispatch_uid="workflow-remember-old-slug")
    post_save.connect(record_redirect, sender=Article, dispatch_uid="workflow-record-redirect")
    # Corrections and updates are shown at the foot of the article, inside cached fragments.
    post_save.connect(note_changed, sender=ArticleNote, dispatch_uid="workflow-note-save")
    post_delete.connect(note_changed, sender=ArticleNote, dispatch_uid="workflow-note-delete")
