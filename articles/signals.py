from django.db.models.signals import m2m_changed, post_delete, post_save
from taggit.models import Tag

from .comments.models import Comment
from .fragments import bump_content_version
from .models import Article, Category, RelatedLink, Source, TaggedArticle
from .workflow.models import ArticleNote

CONTENT_MODELS = [Article, Category, Source, RelatedLink, TaggedArticle, Tag, ArticleNote, Comment]


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
