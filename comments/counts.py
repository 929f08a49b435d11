"""The approved-comment count each article carries (`Article.comment_count`), kept here.

Stored on the article, as WordPress does (wp_posts.comment_count), so that a list of cards
reads it with the rows and never counts comments per request, however large the archive.
"""

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from articles.models import Article

from .models import Comment

# Ids per statement where a list of them may be long (65,535 parameters at most per statement).
ID_SLICE = 10_000


def approved_count_subquery():
    return Coalesce(
        Subquery(
            Comment.objects.approved()
            .filter(article=OuterRef("pk"))
            .order_by()
            .values("article")
            .annotate(count=Count("pk"))
            .values("count")
        ),
        0,
    )


def recount_comments(article_ids):
    """Recount from the comments themselves (never +1/-1), so any drift heals on the next change.

    An UPDATE, not save(): a count is not an editorial change (no revision, no "modified").
    """
    ids = sorted({pk for pk in article_ids if pk is not None})
    # In slices: a bulk moderation can touch more articles than one statement may carry as
    # parameters (65,535 with prepared statements, settings.DATABASE_PREPARED_STATEMENTS).
    for start in range(0, len(ids), ID_SLICE):
        Article.objects.filter(pk__in=ids[start : start + ID_SLICE]).update(
            comment_count=approved_count_subquery()
        )
