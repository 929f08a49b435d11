"""Reactions to comment changes: the article's cached page and the cards' comment counts.

Moderation changes status with a conditional UPDATE, which sends no signal; services.py calls
the same two functions itself there.
"""

from django.db.models.signals import post_delete, post_save

from articles.invalidation import article_shown_changed, editors_lists_changed

from .counts import recount_comments
from .models import Comment


def comment_saved(sender, instance, **kwargs):
    """A new comment is pending, and pending comments are on no shared page: only a save of an
    approved one (an edit in the admin) changes what readers see."""
    if instance.status == Comment.Status.APPROVED:
        recount_comments([instance.article_id])
        article_shown_changed([instance.article_id])


def comment_deleted(sender, instance, **kwargs):
    recount_comments([instance.article_id])
    article_shown_changed([instance.article_id])


def connect():
    post_save.connect(comment_saved, sender=Comment, dispatch_uid="comments-saved")
    post_delete.connect(comment_deleted, sender=Comment, dispatch_uid="comments-deleted")
    # The moderation queue's kept count (articles/pagination.py) follows every comment.
    post_save.connect(editors_lists_changed, sender=Comment, dispatch_uid="comments-lists-save")
    post_delete.connect(editors_lists_changed, sender=Comment, dispatch_uid="comments-lists-delete")
