"""Sitemaps: articles, categories and tags behind one index, plus a Google News sitemap of the
articles published in the last 48 hours (templates/sitemaps/news.xml adds the news: elements)."""

from datetime import timedelta

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from .models import Article, Category

NEWS_WINDOW = timedelta(hours=48)


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Article.objects.published().only("slug", "published_at", "updated_at")

    def lastmod(self, article):
        return article.last_changed_at


class CategorySitemap(Sitemap):
    changefreq = "hourly"

    def items(self):
        return (
            Category.objects.annotate(
                latest=Max(
                    "articles__published_at", filter=Q(articles__in=Article.objects.published())
                )
            )
            .filter(latest__isnull=False)
            .order_by("position", "name")
        )

    def lastmod(self, category):
        return category.latest


class TagSitemap(Sitemap):
    changefreq = "daily"
    limit = 5000

    def items(self):
        return (
            Tag.objects.annotate(
                latest=Max(
                    "articles_taggedarticle_items__content_object__published_at",
                    filter=Q(
                        articles_taggedarticle_items__content_object__in=Article.objects.published()
                    ),
                )
            )
            .filter(latest__isnull=False)
            .order_by("name")
        )

    def location(self, tag):
        return reverse("articles:tag", kwargs={"slug": tag.slug})

    def lastmod(self, tag):
        return tag.latest


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
