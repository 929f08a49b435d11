"""Data the core keeps consistent on saves. What saves outdate in caches: invalidation.py."""

from django.db.models.signals import m2m_changed

from .models import Article, Category


def keep_primary_category_among_categories(instance, action, reverse, **kwargs):
    """An article's primary category is one of its categories: the editor's choice while it stays
    among them, else the first in navigation order (so every card has its one label)."""
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    articles = [instance] if not reverse else Article.objects.filter(pk__in=kwargs["pk_set"] or ())
    for article in articles:
        chosen = set(article.categories.values_list("pk", flat=True))
        if article.primary_category_id in chosen:
            continue
        first = Category.objects.filter(pk__in=chosen).values_list("pk", flat=True).first()
        Article.objects.filter(pk=article.pk).update(primary_category=first)
        article.primary_category_id = first


def connect():
    m2m_changed.connect(
        keep_primary_category_among_categories,
        sender=Article.categories.through,
        dispatch_uid="newsdesk-primary-category",
    )
