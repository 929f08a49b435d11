from typing import TYPE_CHECKING

from django.db import models
from django.utils import timezone

if TYPE_CHECKING:
    from .models import Article  # noqa: F401  (named in the base class below, for mypy)


class ArticleQuerySet(models.QuerySet["Article"]):
    def published(self, *, at=None):
        """The one definition of "visible to readers": published, and its time has come."""
        return self.filter(
            status=self.model.Status.PUBLISHED,
            published_at__lte=at or timezone.now(),
        )

    def scheduled(self, *, at=None):
        """Published with a time still to come: readers will see them by themselves then."""
        return self.filter(
            status=self.model.Status.PUBLISHED,
            published_at__gt=at or timezone.now(),
        )

    def for_listing(self):
        """What a list of article cards shows, in one query: the card's one label is the primary
        category and the approved-comment count is a column kept by the comments app."""
        return self.select_related("source", "primary_category", "author_profile")

    def lead_story_first(self):
        """Pinned lead stories first (the newest pinned wins), then the newest articles."""
        return self.order_by("-is_lead", "-published_at", "-id")
