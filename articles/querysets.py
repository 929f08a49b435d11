from typing import TYPE_CHECKING

from django.db import connection, models
from django.utils import timezone

# What a card shows (articles/cards.py) and a list needs (order, cursor), of the article and the
# four rows joined to it: nothing else is read from the database or set on every instance. The
# body and the search vector alone were about 10 KB a card.
CARD_FIELDS = (
    "headline",
    "slug",
    "standfirst",
    "published_at",
    "comment_count",
    "is_lead",
    "source__name",
    "source__slug",
    "primary_category__name",
    "primary_category__slug",
    "author_profile__name",
    "author_profile__slug",
    "lead_image__file",
    "lead_image__width",
    "lead_image__height",
    "lead_image__alt_text",
    # Its renditions as {% picture %} needs them (images app: Image.rendition_list), so no
    # list reads the renditions' own table.
    "lead_image__rendition_list",
)


if TYPE_CHECKING:
    from .models import Article  # noqa: F401  (named in the base class below, for mypy)


class ArticleQuerySet(models.QuerySet["Article"]):
    def published_q(self, prefix="", *, at=None) -> models.Q:
        """The one definition of "visible to readers", as a condition: published, and its time
        has come. `prefix` is the path from the rows filtered to the article ("article" from a
        link table), for a join where `pk__in=Article.objects.published()` would not do
        (`Article.objects.published_q("article")`)."""
        path = f"{prefix}__" if prefix else ""
        return models.Q(
            **{
                f"{path}status": self.model.Status.PUBLISHED,
                f"{path}published_at__lte": at or timezone.now(),
            }
        )

    def published(self, *, at=None):
        """Visible to readers (published_q)."""
        return self.filter(self.published_q(at=at))

    def scheduled(self, *, at=None):
        """Published with a time still to come: readers will see them by themselves then."""
        return self.filter(
            status=self.model.Status.PUBLISHED,
            published_at__gt=at or timezone.now(),
        )

    def for_listing(self):
        """What a list of article cards shows, in one query: the card's one label is the primary
        category, the approved-comment count is a column kept by the comments app, and the lead
        image's renditions are listed on its row."""
        return self.select_related(
            "source", "primary_category", "author_profile", "lead_image"
        ).only(*CARD_FIELDS)

    def lead_story_first(self):
        """Pinned lead stories first (the newest pinned wins), then the newest articles."""
        return self.order_by("-is_lead", "-published_at", "-id")

    def insert_quietly(self, articles, *, search_vector=True):
        """Inserts new articles in one statement, deriving what save() derives (sanitised body,
        publication time, stored search vector) but sending no signal: for programs that write
        thousands (the WordPress import), which then outdate cached pages, editors' lists and
        the publication schedule once, when they are done (articles/invalidation.py says what
        a save outdates). Old-slug redirects are the caller's concern: a new article has none.

        search_vector=False leaves the stored vector empty, for a caller that fills many at
        once afterwards (refresh_search_vectors): cheaper than sending each text twice."""
        for article in articles:
            article.derive_fields(search_vector=search_vector)
        try:
            return self.bulk_create(articles)
        finally:
            for article in articles:
                article.forget_search_vector_expression()

    def refresh_search_vectors(self):
        """Recompute the stored search vector of these rows (after bulk writes, which bypass
        Article.save). A no-op where search does not use it (SQLite)."""
        if connection.vendor != "postgresql":
            return 0
        from .search_document import TEXT_FIELDS, weighted_vector

        return self.update(search_vector=weighted_vector(*TEXT_FIELDS))
