"""RSS 2.0 and Atom feeds: the latest articles, each category's and each tag's."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from taggit.models import Tag

from .models import Article, Category

FEED_LENGTH = 30
SITE_NAME = settings.NEWSDESK["SITE_NAME"]


class LatestRss(Feed):
    title = SITE_NAME
    description = settings.NEWSDESK["SITE_TAGLINE"]
    language = "en"

    def link(self, obj=None):
        return reverse("articles:home")

    def articles(self, obj):
        return Article.objects.published()

    def items(self, obj=None):
        return self.articles(obj).for_listing()[:FEED_LENGTH]

    def item_title(self, article):
        return article.headline

    def item_description(self, article):
        return article.standfirst

    def item_author_name(self, article):
        return article.byline or (article.source.name if article.source else None)

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.last_changed_at

    def item_categories(self, article):
        return [category.name for category in article.categories.all()]


class LatestAtom(LatestRss):
    feed_type = Atom1Feed
    subtitle = LatestRss.description


class CategoryRss(LatestRss):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, category):
        return f"{category.name} — {SITE_NAME}"

    def description(self, category):
        return category.description or f"The latest {category.name} articles from {SITE_NAME}."

    def link(self, obj=None):
        return obj.get_absolute_url()

    def articles(self, category):
        return Article.objects.published().filter(categories=category)


class CategoryAtom(CategoryRss):
    feed_type = Atom1Feed

    def subtitle(self, category):
        return self.description(category)


class TagRss(LatestRss):
    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def title(self, tag):
        return f"{tag.name} — {SITE_NAME}"

    def description(self, tag):
        return f"The latest articles tagged {tag.name} from {SITE_NAME}."

    def link(self, obj=None):
        return reverse("articles:tag", kwargs={"slug": obj.slug})

    def articles(self, tag):
        return Article.objects.published().filter(tags=tag)


class TagAtom(TagRss):
    feed_type = Atom1Feed

    def subtitle(self, tag):
        return self.description(tag)
