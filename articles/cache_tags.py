"""Versions of what cached pages and fragments show, bumped by what changes it.

Every cached thing (a whole page, a fragment) names the tags of what it shows: "article:12",
"category:3", "home", "feeds", "navigation"... Each tag has a version in the shared cache
(settings.CACHES["default"], Redis in production). A cached thing is valid only while the
versions it was built under are current; a change bumps the versions of exactly the tags it
affects, so a moderation decision on one article leaves every other page cached, and a bump made
by one process is seen on the next request by every process and server sharing that cache.

Tag names are built here and nowhere else, so the bumping side (signals, the apps' services)
and the reading side (views, templates) always agree.
"""

import time
from collections.abc import Iterable

from django.core.cache import caches
from django.db import transaction

ALIAS = "default"
PREFIX = "newsdesk:tag:"

# Pages and fragments that show something of everything.
SITE = "site"  # the site's domain (canonical URLs), the names of sources and tags
NAVIGATION = "navigation"  # the masthead's categories: on every HTML page
BANNER = "banner"  # what apps put at the top of every HTML page (the breaking-news banner)
HOME = "home"
FEEDS = "feeds"  # every RSS and Atom feed
SITEMAPS = "sitemaps"
SEARCH = "search"
AUTHORS = "authors"  # the list of staff authors
# Not a reader page: the editors' admin lists, whose counts are kept a while (pagination.py).
# Any save of an article or a comment bumps it, so an edit shows in the counts at once.
EDITORS_LISTS = "editors-lists"
# Every article page: bumped when an article leaves the site (unpublished, deleted), since any
# article page may link to it among its related articles.
ARTICLE_PAGES = "article-pages"


def article(pk) -> str:
    return f"article:{pk}"


def category(pk) -> str:
    return f"category:{pk}"


def tag(pk) -> str:
    return f"tag:{pk}"


def source(pk) -> str:
    return f"source:{pk}"


def author(pk) -> str:
    return f"author:{pk}"


def _cache():
    return caches[ALIAS]


def versions(tags: Iterable[str]) -> dict[str, int]:
    """The current version of each tag, in one round trip to the shared cache."""
    tags = sorted(set(tags))
    found = _cache().get_many([PREFIX + name for name in tags])
    missing = [name for name in tags if PREFIX + name not in found]
    if missing:
        # A tag never bumped (or lost in a flush of the shared cache) starts above every version
        # used before, so nothing cached under an old version can match again.
        fresh = _fresh_version()
        for name in missing:
            _cache().add(PREFIX + name, fresh, timeout=None)
        found.update(_cache().get_many([PREFIX + name for name in missing]))
    return {name: found.get(PREFIX + name, 0) for name in tags}


def fingerprint(tags: Iterable[str]) -> str:
    """A short string that changes whenever one of the tags is bumped: for fragment keys."""
    return ".".join(str(version) for version in versions(tags).values())


def bump(*tags: str) -> None:
    """Invalidate everything cached under these tags, now and again when the transaction
    commits: a page rendered between the first bump and the commit read the old rows, and
    would otherwise stay cached under the new versions."""
    tags = tuple(set(tags))
    if not tags:
        return
    _bump(tags)
    transaction.on_commit(lambda: _bump(tags))


def outdate_everything() -> None:
    """Every cached page and fragment depends on the site and the navigation."""
    bump(SITE, NAVIGATION)


def _bump(tags) -> None:
    cache = _cache()
    for name in tags:
        try:
            cache.incr(PREFIX + name)
        except ValueError:
            cache.set(PREFIX + name, _fresh_version(), timeout=None)


def _fresh_version() -> int:
    # Microseconds since the epoch: larger than any earlier start plus the bumps since it,
    # unless content changed more than a million times a second.
    return time.time_ns() // 1000
