"""When the next scheduled article is published: the moment every cached list goes stale.

No save announces that a scheduled article's time has come, so cached lists (home, categories,
feeds, sitemaps...) must not outlive it. The time is kept in the shared cache: worked out again
after every save or delete of an article (articles/invalidation.py), and when it has passed, so
that reading it costs no query in between.
"""

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from .models import Article

KEY = "newsdesk:next-publication"
NOTHING_SCHEDULED = 0.0
# With nothing scheduled, still look again now and then: a row changed by a bulk UPDATE sends
# no signal.
RECHECK_SECONDS = 300
FAR_AWAY = 365 * 24 * 3600


def next_publication_changed() -> None:
    """An article was saved or deleted: work the time out now, and again once committed."""
    _store(timezone.now().timestamp())
    transaction.on_commit(lambda: _store(timezone.now().timestamp()))


def seconds_until_next_publication() -> float:
    now = timezone.now().timestamp()
    moment = cache.get(KEY)
    if moment is None or (moment != NOTHING_SCHEDULED and moment <= now):
        moment = _store(now)
    return FAR_AWAY if moment == NOTHING_SCHEDULED else max(0.0, moment - now)


def _store(now: float) -> float:
    next_time = (
        Article.objects.scheduled()
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    moment = next_time.timestamp() if next_time else NOTHING_SCHEDULED
    timeout = max(1, int(moment - now) + 1) if next_time else RECHECK_SECONDS
    cache.set(KEY, moment, timeout=timeout)
    return moment
