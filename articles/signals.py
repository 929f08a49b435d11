from django.contrib.sites.models import Site
from django.db.models.signals import m2m_changed, post_delete, post_save
from taggit.models import Tag

from .comments.models import Comment
from .fragments import bump_content_version
from .models import Article, Category, RelatedLink, Source, TaggedArticle
from .workflow.models import ArticleNote

# Whatever reader pages show: any save or delete invalidates the cached fragments. The Site's
# domain is in their absolute URLs (canonical, Open Graph, JSON-LD).
CONTENT_MODELS = [Article, Category, Source, RelatedLink, TaggedArticle, Tag, ArticleNote, Site]


def bump_for_shown_comment(instance, **kwargs):
    """A new comment is pending, and pending comments are not in any shared fragment: only a
    save of an approved one (an edit in the admin) changes what readers see. Moderation bumps
    the version itself (comments/services.py)."""
    if instance.status == Comment.Status.APPROVED:
        bump_content_version()


def connect():
    for model in CONTENT_MODELS:
        uid = f"newsdesk-content-{model._meta.label_lower}"
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}-delete")
    post_save.connect(bump_for_shown_comment, sender=Comment, dispatch_uid="newsdesk-comment-save")
    post_delete.connect(
        bump_content_version, sender=Comment, dispatch_uid="newsdesk-comment-delete"
    )
    # Category and tag assignments go through m2m_changed (taggit sends it for its through model).
    for through in (Article.categories.through, TaggedArticle):
        m2m_changed.connect(
            bump_content_version, sender=through, dispatch_uid=f"newsdesk-m2m-{through.__name__}"
        )
