"""Cached fragments of reader pages, and the version that invalidates them all at once.

Pages are still rendered per request (the whole-page cache is a separate, later layer); what is
cached are the parts that are the same for every reader and change only when content is edited:
the masthead navigation and the body of an article page. Every fragment key includes
`content_version()`, which any save or delete of content bumps, so an edit shows at once; the
timeout bounds how long a change that no save announces (a scheduled article's time coming) can
take to reach a fragment.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "newsdesk:content-version"


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # Any value works as long as it is new: start from a fresh one after a cache flush.
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
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
        cache.set(VERSION_KEY, 1, timeout=None)


def fragment_timeout() -> int:
    """Seconds a fragment lives; 0 turns fragment caching off."""
    return settings.NEWSDESK["FRAGMENT_CACHE_SECONDS"]
