"""State transitions of an article: draft -> in review -> published (now or scheduled) -> draft.

Each one checks the caller's role (policy.py) itself, so the admin form, a bulk action and a forged
request all meet the same rules, validates, saves, and records a revision saying who did what.
"""

import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from articles.models import Article

from . import policy
from .models import ArticleNote


def _save(article, *, by, comment):
    article.full_clean()
    with reversion.create_revision():
        article.save()
        reversion.set_user(by)
        reversion.set_comment(comment)


@transaction.atomic
def submit_for_review(*, article, by):
    if not policy.can_submit(by, article):
        raise PermissionDenied("You may submit only your own drafts for review.")
    article.status = Article.Status.IN_REVIEW
    _save(article, by=by, comment="Submitted for review.")
    return article


@transaction.atomic
def return_to_draft(*, article, by):
    """An editor sends an article in review back to its writer (or the writer withdraws it)."""
    if article.status != Article.Status.IN_REVIEW:
        raise ValidationError("Only an article in review can go back to draft this way.")
    if not (policy.can_edit_any(by) or article.author_id == by.pk):
        raise PermissionDenied("You may not send this article back to draft.")
    article.status = Article.Status.DRAFT
    _save(article, by=by, comment="Returned to draft.")
    return article


@transaction.atomic
def publish_article(*, article, by, at=None):
    """Publish at `at` (a future time schedules it); without `at`, now, or keep a live time."""
    if not policy.can_publish(by):
        raise PermissionDenied("Only editors publish or schedule articles.")
    if at is None:
        at = article.published_at if article.is_published() else timezone.now()
    article.status = Article.Status.PUBLISHED
    article.published_at = at
    if article.updated_at and article.updated_at < at:
        article.updated_at = None  # an update cannot come before (re)publication
    scheduled = article.is_scheduled()
    _save(
        article,
        by=by,
        comment=f"Scheduled for {at:%Y-%m-%d %H:%M %Z}." if scheduled else "Published.",
    )
    return article


@transaction.atomic
def unpublish_article(*, article, by):
    """Back to draft: off every reader page at once, since all of them use published()."""
    if not policy.can_publish(by):
        raise PermissionDenied("Only editors unpublish articles.")
    if article.status != Article.Status.PUBLISHED:
        raise ValidationError("This article is not published.")
    article.status = Article.Status.DRAFT
    _save(article, by=by, comment="Unpublished.")
    return article


def change_status(*, article, by, status, at=None):
    """Apply the transition from the article's saved state to `status` (what the admin form asks)."""
    current = article.status
    if status == Article.Status.PUBLISHED:
        if current != status or at != article.published_at:
            publish_article(article=article, by=by, at=at)
    elif current == Article.Status.PUBLISHED:
        unpublish_article(article=article, by=by)
        if status == Article.Status.IN_REVIEW:
            submit_for_review(article=article, by=by)
    elif current == Article.Status.DRAFT and status == Article.Status.IN_REVIEW:
        submit_for_review(article=article, by=by)
    elif current == Article.Status.IN_REVIEW and status == Article.Status.DRAFT:
        return_to_draft(article=article, by=by)
    return article


@transaction.atomic
def add_note(*, article, kind, text, by, at=None):
    """A dated correction or update; a live article shows "Updated" from that moment."""
    if not policy.can_edit_any(by):
        raise PermissionDenied("Only editors add corrections and updates.")
    note = ArticleNote(article=article, kind=kind, text=text, by=by)
    if at is not None:
        note.created_at = at
    note.full_clean()
    note.save()
    mark_updated(article=article, at=note.created_at)
    return note


def mark_updated(*, article, at):
    """Set the editorial "Updated" time (and so dateModified) if the article is already out."""
    if article.status == Article.Status.PUBLISHED and article.published_at <= at:
        if article.updated_at is None or article.updated_at < at:
            article.updated_at = at
            # save(), not update(): post_save receivers (e.g. page-cache purges) hear of it.
            article.save(update_fields=["updated_at", "modified_at"])
