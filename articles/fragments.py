"""Cached fragments of reader pages, and the version that invalidates them all at once.

Pages are still rendered per request (the whole-page cache is a separate, later layer); what is
cached are the parts that are the same for every reader and change only when content is edited:
the masthead, footer and feed links, and on an article page its head tags, its body with related
articles, and its approved comments with the form. Every fragment key includes
`content_version()`, which any save or delete of content bumps, so an edit shows at once; the
timeout bounds how long a change that no save announces (a scheduled article's time coming) can
take to reach a fragment.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "newsdesk:content-version"


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # After a flush (or a restart) of the shared cache, start above every version used
        # before, so fragments still held in a process's memory under an old one never match.
        cache.add(VERSION_KEY, _fresh_version(), timeout=None)
        version = cache.get(VERSION_KEY) or _fresh_version()
    return version


def bump_content_version(**_signal_kwargs) -> None:
    _bump()
    # Once more when the transaction commits: a page rendered between the first bump and the
    # commit read the old rows, and would otherwise keep them cached under the new version.
    transaction.on_commit(_bump)


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, _fresh_version(), timeout=None)


def _fresh_version() -> int:
    # Microseconds since the epoch: larger than any earlier start plus the bumps since it,
    # unless content changed more than a million times a second.
    return time.time_ns() // 1000


def fragment_timeout() -> int:
    """Seconds a fragment lives; 0 turns fragment caching off."""
    return settings.NEWSDESK["FRAGMENT_CACHE_SECONDS"]
