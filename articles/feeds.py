"""RSS 2.0 and Atom feeds: the latest articles, each category's, tag's, author's and source's.

Each item carries its categories and tags, its lead image (articles/feed_formats.py) and, with
the FEED_FULL_TEXT setting, the whole article.
"""

from typing import Any

from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.contrib.syndication.views import Feed, add_domain
from django.shortcuts import get_object_or_404
from django.urls import reverse
from taggit.models import Tag

from images.renditions import SHARE_WIDTH, rendition

from . import cache_tags
from .feed_formats import MediaAtomFeed, MediaRssFeed
from .models import Article, AuthorProfile, Category, Source
from .pagecache import tag_page
from .sanitize import sanitize_body_html
from .xml_text import strip_xml_illegal_within

FEED_LENGTH = 30
SITE_NAME = settings.NEWSDESK["SITE_NAME"]


class LatestRss(Feed):
    feed_type: type[MediaRssFeed | MediaAtomFeed] = MediaRssFeed
    title = SITE_NAME
    description = settings.NEWSDESK["SITE_TAGLINE"]
    language = "en"

    def __call__(self, request, *args, **kwargs):
        # Every feed changes with any article readers see (a category's feed with its
        # category's name too, which bumps the feeds as well): one tag for all of them.
        tag_page(request, cache_tags.SITE, cache_tags.FEEDS, lists_articles=True)
        return super().__call__(request, *args, **kwargs)

    def link(self, obj=None):
        return reverse("articles:home")

    def get_feed(self, obj, request):
        # Text can reach the database without the editor's form (fixtures, imports, updates):
        # whatever it holds, the XML writer never meets a character XML cannot carry.
        self.request = request  # for the images' absolute addresses
        return strip_feed(super().get_feed(obj, request))

    def articles(self, obj):
        return Article.objects.published()

    def items(self, obj=None):
        return (
            self.articles(obj)
            .select_related("source", "author_profile", "lead_image")
            .prefetch_related("categories", "tags")[:FEED_LENGTH]
        )

    def item_title(self, article):
        return article.headline

    def item_description(self, article):
        return article.standfirst

    def item_author_name(self, article):
        if article.author_profile:
            return article.author_profile.name
        return article.byline or (article.source.name if article.source else None)

    def item_author_link(self, article):
        if article.author_profile:
            return self._absolute(article.author_profile.get_absolute_url())
        return None

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.last_changed_at

    def item_categories(self, article):
        return [category.name for category in article.categories.all()] + [
            tag.name for tag in article.tags.all()
        ]

    def item_extra_kwargs(self, article):
        extra: dict[str, Any] = {}
        if article.lead_image and (shared := rendition(article.lead_image, SHARE_WIDTH)):
            extra["image"] = {
                "url": self._absolute(shared.url),
                "type": shared.content_type,
                "width": shared.width,
                "height": shared.height,
                "alt": article.lead_image.alt_text,
            }
        if settings.NEWSDESK["FEED_FULL_TEXT"]:
            # Sanitised whatever wrote the row. Figures keep their stored <img>, whose src is
            # already an 800-wide rendition: no <picture> and no query per item for feed readers.
            extra["full_html"] = sanitize_body_html(article.body)
        return extra

    def _absolute(self, path):
        return add_domain(get_current_site(self.request).domain, path, self.request.is_secure())


class LatestAtom(LatestRss):
    feed_type = MediaAtomFeed
    subtitle = LatestRss.description


class _ObjectFeed(LatestRss):
    """A feed of one category, tag, author or source: `model` looked up by slug."""

    model: type[Category | Tag | AuthorProfile | Source]

    def get_object(self, request, slug):
        return get_object_or_404(self.model, slug=slug)

    def title(self, obj):
        return f"{obj.name} — {SITE_NAME}"

    def link(self, obj=None):
        return obj.get_absolute_url()

    def subtitle(self, obj):
        return self.description(obj)


class CategoryRss(_ObjectFeed):
    model = Category

    def description(self, category):
        return category.description or f"The latest {category.name} articles from {SITE_NAME}."

    def articles(self, category):
        return Article.objects.published().filter(categories=category)


class TagRss(_ObjectFeed):
    model = Tag

    def description(self, tag):
        return f"The latest articles tagged {tag.name} from {SITE_NAME}."

    def link(self, obj=None):
        return reverse("articles:tag", kwargs={"slug": obj.slug})

    def articles(self, tag):
        return Article.objects.published().filter(tags=tag)


class AuthorRss(_ObjectFeed):
    model = AuthorProfile

    def description(self, author):
        return f"The latest articles by {author.name} ({author.role or SITE_NAME})."

    def articles(self, author):
        return Article.objects.published().filter(author_profile=author)


class SourceRss(_ObjectFeed):
    model = Source

    def description(self, source):
        return f"The latest articles from {source.name} on {SITE_NAME}."

    def articles(self, source):
        return Article.objects.published().filter(source=source)


def atom(feed_class):
    return type(
        feed_class.__name__.replace("Rss", "Atom"), (feed_class,), {"feed_type": MediaAtomFeed}
    )


CategoryAtom, TagAtom, AuthorAtom, SourceAtom = map(
    atom, (CategoryRss, TagRss, AuthorRss, SourceRss)
)


def strip_feed(feed):
    """The feed with no character XML cannot carry in any of its fields, nested ones included
    (the lead image's alt text): Django's XML writer raises on one, and the feed answers 500."""
    feed.feed.update(strip_xml_illegal_within(feed.feed))
    for item in feed.items:
        item.update(strip_xml_illegal_within(item))
    return feed
