"""Sitemaps: articles, categories and tags behind one index, plus a Google News sitemap of the
articles published in the last 48 hours (templates/sitemaps/news.xml adds the news: elements).

Every file and the index cost the same whatever the archive's size: long sections are split
into pages by ranges of ids (IdRangePaginator: no count, no OFFSET), each page far under the
protocol's 50,000 URLs, and the index's `lastmod` of a section is one indexed aggregate.
"""

from datetime import timedelta

from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Max, Min, OuterRef, Subquery
from django.utils import timezone
from django.utils.functional import cached_property
from taggit.models import Tag

from .addresses import slug_addresses
from .models import Article, Category, TaggedArticle

NEWS_WINDOW = timedelta(hours=48)


class IdRangePage:
    def __init__(self, object_list):
        self.object_list = object_list


class IdRangePaginator:
    """Page n holds the items whose id lies in the n-th run of `size` ids from the smallest: at
    most `size` URLs, found by a range of the primary key's index. Gaps (drafts, deletions) make
    pages shorter, never longer; the bounds are the smallest and largest ids, two index reads."""

    def __init__(self, queryset, size):
        self.queryset = queryset
        self.size = size

    @cached_property
    def bounds(self):
        ids = self.queryset.model._default_manager.aggregate(low=Min("pk"), high=Max("pk"))
        return (ids["low"] or 1) - 1, ids["high"] or 0

    @property
    def num_pages(self):
        start, end = self.bounds
        return max(1, -(-(end - start) // self.size))

    def page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger("That page number is not an integer") from error
        if number < 1 or number > self.num_pages:
            raise EmptyPage("That page contains no results")
        start, _end = self.bounds
        low, high = start + (number - 1) * self.size, start + number * self.size
        return IdRangePage(self.queryset.filter(pk__gt=low, pk__lte=high).order_by("pk"))


class IdRangeSitemap(Sitemap):
    """A long section: pages of id ranges, each URL written from a row (slug, lastmod), not
    from a model instance asked for its address and time (building deferred-field instances
    was most of a 1,000-URL page's cost)."""

    # Far under the protocol's 50,000: a page is built whole in one request.
    limit = 1000
    address_name: str
    changefreq: str

    @cached_property
    def paginator(self):
        return IdRangePaginator(self.items(), self.limit)

    def rows(self, queryset):
        """(slug, lastmod) for each item of `queryset`; a row without lastmod is left out."""
        raise NotImplementedError

    def get_urls(self, page=1, site=None, protocol=None):
        start = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        address = slug_addresses(self.address_name)
        urls = [
            {
                "location": start + address(slug),  # quoted as reverse() would
                "lastmod": lastmod,
                "changefreq": self.changefreq,
                "priority": "",
                "alternates": (),
            }
            for slug, lastmod in self.rows(self.paginator.page(page).object_list)
            if lastmod is not None
        ]
        # As Django's _urls(): the view's Last-Modified header.
        self.latest_lastmod = max((url["lastmod"] for url in urls), default=None)
        return urls


class ArticleSitemap(IdRangeSitemap):
    changefreq = "weekly"
    address_name = "articles:detail"

    def items(self):
        return Article.objects.published()

    def rows(self, queryset):
        for slug, published_at, updated_at in queryset.values_list(
            "slug", "published_at", "updated_at"
        ):
            yield slug, updated_at or published_at

    def get_latest_lastmod(self):
        # Two indexed lookups (newest publication; newest update, article_updated_idx), not a
        # pass over every item: one aggregate of both would read the whole table.
        published = Article.objects.published()
        latest = [
            published.aggregate(latest=Max("published_at"))["latest"],
            published.filter(updated_at__isnull=False).aggregate(latest=Max("updated_at"))[
                "latest"
            ],
        ]
        return max(filter(None, latest), default=None)


def _newest_publication(links, column, *, now):
    """A subquery: the publication time of the most recently created published article among
    `links` for the outer row (walks the link table's index from its newest end)."""
    return Subquery(
        # Visible to readers through the link's article, as a join (an IN over every
        # published article would be built for each outer row).
        links.filter(Article.objects.published_q(column, at=now))
        # The column itself: ordering by the relation would sort by the article's ordering.
        .order_by(f"-{column}_id")
        .values(f"{column}__published_at")[:1]
    )


class CategorySitemap(Sitemap):
    changefreq = "hourly"

    def items(self):
        newest = (
            Article.objects.published()
            .filter(categories=OuterRef("pk"))
            .order_by("-published_at")
            .values("published_at")[:1]
        )
        return (
            Category.objects.annotate(latest=Subquery(newest))
            .filter(latest__isnull=False)
            .order_by("position", "name")
        )

    def lastmod(self, category):
        return category.latest

    def get_latest_lastmod(self):
        return ArticleSitemap().get_latest_lastmod()


class TagSitemap(IdRangeSitemap):
    changefreq = "daily"
    address_name = "articles:tag"

    def items(self):
        """Every tag with the publication time of its newest article, None for a tag no
        published article carries (rows() leaves those out: filtering on the subquery in SQL
        would run it a second time for every tag)."""
        now = timezone.now()
        links = TaggedArticle.objects.filter(tag=OuterRef("pk"))
        return Tag.objects.annotate(
            # The tag's most recently created article stands for its newest: ids grow with
            # creation, and this reads one index entry where a true maximum reads them all.
            latest=_newest_publication(links, "content_object", now=now)
        )

    def rows(self, queryset):
        return queryset.values_list("slug", "latest")

    def get_latest_lastmod(self):
        return ArticleSitemap().get_latest_lastmod()


class NewsSitemap(Sitemap):
    """Google News: only what was published in the last 48 hours, at most 1,000 articles."""

    limit = 1000

    def items(self):
        now = timezone.now()
        return (
            Article.objects.published(at=now)
            .filter(published_at__gte=now - NEWS_WINDOW)
            .only("slug", "headline", "published_at", "updated_at")
        )

    def lastmod(self, article):
        return article.last_changed_at


sitemaps: dict[str, type[Sitemap] | Sitemap] = {
    "articles": ArticleSitemap,
    "categories": CategorySitemap,
    "tags": TagSitemap,
    "news": NewsSitemap,
}
