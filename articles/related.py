"""Related articles for the article page: the one place that decides what they are.

The editor's links come first, in their order; the rest is filled, up to
NEWSDESK["RELATED_ARTICLES_COUNT"], with the published articles that share the most tags and
categories with this one, newer first. Never the article itself, never a draft.

Scoring every article of the archive would cost as much as the archive is large; only a bounded
candidate set is scored: for each of the article's tags and categories, the CANDIDATES_PER_LINK
most recent articles carrying it, read from the link tables' indexes. So the fill is "the most
related among the recent articles on the same subjects", at a cost independent of the archive.

Queries: the editor's links, one; the article's tags and categories, one each unless the page
already read them (Article.tag_list, category_list); the fill, one whatever the number of tags.
"""

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import Article, TaggedArticle
from .querysets import any_of, with_renditions

CANDIDATES_PER_LINK = 60


def _shared(through_queryset, *, column):
    """A subquery counting, per outer article, the rows of `through_queryset` it has."""
    return Coalesce(
        Subquery(
            through_queryset.filter(**{column: OuterRef("pk")})
            .order_by()
            .values(column)
            .annotate(n=Count("*"))
            .values("n"),
            output_field=IntegerField(),
        ),
        Value(0),
    )


def _recent(through_queryset, *, column):
    """The ids of the most recently created articles among `through_queryset`'s rows (ids grow
    with creation), read backwards from the link table's index."""
    return through_queryset.order_by(f"-{column}").values(column)[:CANDIDATES_PER_LINK]


def candidates(tag_ids, category_ids):
    """A condition selecting the bounded candidate set: recent articles sharing a tag or a
    category, one index range per tag and category."""
    through = Article.categories.through.objects
    return any_of(
        [
            *(
                _recent(TaggedArticle.objects.filter(tag_id=tag_id), column="content_object_id")
                for tag_id in tag_ids
            ),
            *(
                _recent(through.filter(category_id=category_id), column="article_id")
                for category_id in category_ids
            ),
        ]
    )


def editor_chosen(article):
    """The editor's related articles that readers may see, in the editor's order."""
    # Visibility asked of each linked article (is_published(), the row form of published()),
    # not as a subquery: an article has a handful of links, and building that subquery cost
    # more than running the query.
    now = timezone.now()
    links = article.related_links.select_related("to_article__lead_image")
    return [link.to_article for link in links if link.to_article.is_published(at=now)]


def related_articles(article, *, count=None):
    count = settings.NEWSDESK["RELATED_ARTICLES_COUNT"] if count is None else count
    chosen = editor_chosen(article)[:count]
    missing = count - len(chosen)
    if missing <= 0:
        return with_renditions(chosen)
    tag_ids = [tag.pk for tag in article.tag_list]
    category_ids = [category.pk for category in article.category_list]
    if not tag_ids and not category_ids:
        return with_renditions(chosen)
    through = Article.categories.through.objects.filter(category_id__in=category_ids)
    score = _shared(
        TaggedArticle.objects.filter(tag_id__in=tag_ids), column="content_object_id"
    ) + _shared(through, column="article_id")
    fill = (
        Article.objects.published()
        .filter(candidates(tag_ids, category_ids))
        .exclude(pk__in=[article.pk, *(other.pk for other in chosen)])
        .annotate(shared=score)
        .order_by("-shared", "-published_at", "-id")
        # The lead image (its stored size and alt text) in the same query, its renditions in one
        # more for all the related articles.
        .select_related("lead_image")
        .only("headline", "slug", "published_at", "lead_image")[:missing]
    )
    return with_renditions(chosen + list(fill))
