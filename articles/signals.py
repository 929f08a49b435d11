from django.contrib.sites.models import Site
from django.db.models.signals import m2m_changed, post_delete, post_save
from taggit.models import Tag

from .fragments import bump_content_version
from .models import Article, Category, RelatedLink, Source, TaggedArticle

# Whatever reader pages show: any save or delete invalidates the cached fragments. The Site's
# domain is in their absolute URLs (canonical, Open Graph, JSON-LD). Apps that add to the
# pages (comments, corrections) connect their own models in their AppConfig.ready().
CONTENT_MODELS = [Article, Category, Source, RelatedLink, TaggedArticle, Tag, Site]


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
    for model in CONTENT_MODELS:
        uid = f"newsdesk-content-{model._meta.label_lower}"
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}-delete")
    m2m_changed.connect(
        keep_primary_category_among_categories,
        sender=Article.categories.through,
        dispatch_uid="newsdesk-primary-category",
    )
    # Category and tag assignments go through m2m_changed (taggit sends it for its through model).
    for through in (Article.categories.through, TaggedArticle):
        m2m_changed.connect(
            bump_content_version, sender=through, dispatch_uid=f"newsdesk-m2m-{through.__name__}"
        )
