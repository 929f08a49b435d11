"""Related articles for the article page: the one place that decides what they are.

The editor's links come first, in their order; the rest is filled, up to
NEWSDESK["RELATED_ARTICLES_COUNT"], with the published articles that share the most tags and
categories with this one, newer first. Never the article itself, never a draft.

Scoring every article of the archive would cost as much as the archive is large; only a bounded
candidate set is scored: for each of the article's tags and categories, the CANDIDATES_PER_LINK
most recent articles carrying it, read from the link tables' indexes. So the fill is "the most
related among the recent articles on the same subjects", at a cost independent of the archive.

Queries: the article's tags and categories, one for both unless the page already read them
(Article.tag_list, category_list, articles/labels.py); the ranking of the editor's links and the
fill together, one whatever the number of tags, in SQL (articles/link_queries.py); the ranked
articles with their pictures (the lead image's row lists its renditions), one.
"""

from django.conf import settings

from .link_queries import ranked_related
from .models import Article

CANDIDATES_PER_LINK = 60


def related_articles(article, *, count=None):
    count = settings.NEWSDESK["RELATED_ARTICLES_COUNT"] if count is None else count
    ranked = ranked_related(
        article.pk,
        [tag.pk for tag in article.tag_list],
        [category.pk for category in article.category_list],
        per_link=CANDIDATES_PER_LINK,
        count=count,
    )
    if not ranked:
        return []
    # The lead image (its stored size, alt text and renditions) in the same query.
    found = (
        Article.objects.published()
        .filter(pk__in=ranked)
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
        )
    )
    by_id = {related.pk: related for related in found}
    return [by_id[pk] for pk in ranked if pk in by_id]
