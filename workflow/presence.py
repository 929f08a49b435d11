"""Who else has an article's change form open: each open form says so every few seconds (a
heartbeat from static/js/admin-article-form.js); an entry not renewed within the expiry is gone.

Kept in the shared cache (CACHE_URL, Redis in production), so every worker sees the same people;
one small entry per article: {user id: [name, expires at]}. Two heartbeats at once may each
write their own view of the entry; the other's comes back at its next beat.
"""

import time

from django.conf import settings
from django.core.cache import cache

KEY = "workflow:presence:article:{}"


def heartbeat_seconds() -> int:
    return settings.PRESENCE_HEARTBEAT_SECONDS


def enabled() -> bool:
    return heartbeat_seconds() > 0


def expiry_seconds() -> int:
    # Three missed beats (a sleeping laptop, a slow network) and the name goes.
    return heartbeat_seconds() * 3


def _current(article_id, now):
    entry = cache.get(KEY.format(article_id)) or {}
    return {user: value for user, value in entry.items() if value[1] > now}


def here(*, article_id: int, user) -> list[str]:
    """Record that `user` has the article open; the names of the others who have it open."""
    now = time.time()
    entry = _current(article_id, now)
    entry[user.pk] = [user.get_full_name() or user.get_username(), now + expiry_seconds()]
    cache.set(KEY.format(article_id), entry, expiry_seconds())
    return sorted(name for pk, (name, _) in entry.items() if pk != user.pk)


def gone(*, article_id: int, user) -> None:
    now = time.time()
    entry = _current(article_id, now)
    if entry.pop(user.pk, None) is not None:
        cache.set(KEY.format(article_id), entry, expiry_seconds())
