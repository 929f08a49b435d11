from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone


class ArticleQuerySet(models.QuerySet):
    def published(self, *, at=None):
        """The one definition of "visible to readers": published, and its time has come."""
        return self.filter(
            status=self.model.Status.PUBLISHED,
            published_at__lte=at or timezone.now(),
        )

    def with_comment_counts(self):
        """Annotate `comment_count`: approved comments, in the same query (a subquery, so
        filters on other relations cannot multiply it)."""
        from .comments.models import Comment

        approved = (
            Comment.objects.approved()
            .filter(article=models.OuterRef("pk"))
            .order_by()
            .values("article")
            .annotate(count=models.Count("pk"))
            .values("count")
        )
        return self.annotate(comment_count=Coalesce(models.Subquery(approved), 0))

    def for_listing(self):
        """What a list of article cards shows, fetched in a fixed number of queries."""
        return self.select_related("source").prefetch_related("categories").with_comment_counts()

    def lead_story_first(self):
        """Pinned lead stories first (the newest pinned wins), then the newest articles."""
        return self.order_by("-is_lead", "-published_at", "-id")
