"""Related articles for the article page: the one place that decides what they are.

The editor's links come first, in their order; the rest is filled, up to
NEWSDESK["RELATED_ARTICLES_COUNT"], with the published articles that share the most tags and
categories with this one, newer first. Never the article itself, never a draft.

Scoring every article of the archive would cost as much as the archive is large; only a bounded
candidate set is scored: for each of the article's tags and categories, the CANDIDATES_PER_LINK
most recent articles carrying it, read from the link tables' indexes. So the fill is "the most
related among the recent articles on the same subjects", at a cost independent of the archive.

Queries: the article's tags and categories, one each unless the page already read them
(Article.tag_list, category_list); then the editor's links and the fill together, with their
pictures (the lead image's row lists its renditions), one whatever the number of tags.
"""

from django.conf import settings
from django.db.models import F

from .link_queries import editor_link, recently_linked, shared_links
from .models import Article

CANDIDATES_PER_LINK = 60


def related_articles(article, *, count=None):
    count = settings.NEWSDESK["RELATED_ARTICLES_COUNT"] if count is None else count
    tag_ids = [tag.pk for tag in article.tag_list]
    category_ids = [category.pk for category in article.category_list]
    candidates = recently_linked(
        tag_ids, category_ids, per_link=CANDIDATES_PER_LINK, chosen_by=article.pk
    )
    if count <= 0 or candidates is None:
        return []
    related = (
        Article.objects.published()
        .filter(pk__in=candidates)
        .exclude(pk=article.pk)
        .annotate(
            editor_position=editor_link(article.pk, "position"),
            editor_link_id=editor_link(article.pk, "id"),
            shared=shared_links(tag_ids, category_ids),
        )
        # The editor's links in their order (RelatedLink.Meta.ordering), then the fill.
        .order_by(
            F("editor_position").asc(nulls_last=True),
            F("editor_link_id").asc(nulls_last=True),
            "-shared",
            "-published_at",
            "-id",
        )
        # The lead image (its stored size, alt text and renditions) in the same query.
        .select_related("lead_image")
        .only(
            "headline",
            "slug",
            "published_at",
            "lead_image__file",
            "lead_image__width",
            "lead_image__height",
            "lead_image__alt_text",
            "lead_image__rendition_list",
        )[:count]
    )
    return list(related)
