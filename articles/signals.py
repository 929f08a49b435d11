from django.contrib.sites.models import Site
from django.db.models.signals import m2m_changed, post_delete, post_save
from taggit.models import Tag

from .fragments import bump_content_version
from .models import Article, Category, RelatedLink, Source, TaggedArticle

# Whatever reader pages show: any save or delete invalidates the cached fragments. The Site's
# domain is in their absolute URLs (canonical, Open Graph, JSON-LD). Apps that add to the
# pages (comments, corrections) connect their own models in their AppConfig.ready().
CONTENT_MODELS = [Article, Category, Source, RelatedLink, TaggedArticle, Tag, Site]


def connect():
    for model in CONTENT_MODELS:
        uid = f"newsdesk-content-{model._meta.label_lower}"
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}-delete")
    # Category and tag assignments go through m2m_changed (taggit sends it for its through model).
    for through in (Article.categories.through, TaggedArticle):
        m2m_changed.connect(
            bump_content_version, sender=through, dispatch_uid=f"newsdesk-m2m-{through.__name__}"
        )
