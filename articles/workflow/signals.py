"""Old addresses: when a published article's slug changes, its old URL keeps answering (301).

A signal rather than a step in the admin, because a slug changes by several roads (the change
form, restoring a revision, a shell) and each must leave the old address working.
"""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from ..models import Article
from .models import ArticleRedirect


@receiver(pre_save, sender=Article, dispatch_uid="workflow_remember_old_slug")
def remember_old_slug(sender, instance, **kwargs):
    instance._previous = (
        Article.objects.filter(pk=instance.pk).values("slug", "status").first()
        if instance.pk
        else None
    )


@receiver(post_save, sender=Article, dispatch_uid="workflow_record_redirect")
def record_redirect(sender, instance, **kwargs):
    # The address an article has now is never a redirect (e.g. a slug changed back, or reused).
    ArticleRedirect.objects.filter(old_slug=instance.slug).delete()
    previous = getattr(instance, "_previous", None)
    if (
        previous
        and previous["slug"] != instance.slug
        and previous["status"] == Article.Status.PUBLISHED
    ):
        ArticleRedirect.objects.update_or_create(
            old_slug=previous["slug"], defaults={"article": instance}
        )
