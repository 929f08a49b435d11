"""Cached fragments of reader pages, keyed on the versions of what they show.

Besides the whole-page cache (articles/pagecache.py), parts of pages are cached in each
process's memory: the masthead, footer and feed links, and on an article page its head tags,
its body with related articles, and its approved comments with the form. They serve pages the
whole-page cache does not (a reader with pending comments, editors' previews) and rebuild a
page quickly after an invalidation. Each key carries the versions of the tags of what the
fragment shows (articles/cache_tags.py), so a change reaches every process at once and
outdates only the fragments showing it; the timeout bounds how long a change that no save
announces (a scheduled article's time coming) can take to reach a fragment.
"""

from django.conf import settings

from . import cache_tags


def fragment_timeout() -> int:
    """Seconds a fragment lives; 0 turns fragment caching off."""
    return settings.NEWSDESK["FRAGMENT_CACHE_SECONDS"]


def article_fragment_tags(article) -> list[str]:
    """What an article page's fragments show: the article, its labels and related articles
    (any of which may leave the site), the site's domain in its absolute URLs."""
    return [
        cache_tags.article(article.pk),
        cache_tags.ARTICLE_PAGES,
        cache_tags.NAVIGATION,
        cache_tags.SITE,
    ]


def article_version(article) -> str:
    """The fragments' version for this article, read once per article instance."""
    if not hasattr(article, "_fragment_version"):
        article._fragment_version = cache_tags.fingerprint(article_fragment_tags(article))
    return article._fragment_version


def navigation_version() -> str:
    return cache_tags.fingerprint([cache_tags.NAVIGATION])
