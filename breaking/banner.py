"""The live banner, read from the shared cache on every reader page.

Rendering it per request costs one cache read, so a new banner shows on the next request in every
process and nothing else in the page changes: the cached fragments and any page cache keyed on
the tag versions stay valid (a save bumps the "banner" tag, for the whole-page cache, whose pages
also expire when the banner changes by time: seconds_until_change). The
cached answer never outlives the banner's expiry or the next banner's start, so an expired banner
disappears on time with no job to run.
"""

from datetime import timedelta

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from articles import cache_tags

from .models import BreakingNews

CACHE_KEY = "breaking:live-banner"
# Upper bound on how long the answer is kept when nothing is scheduled.
MAX_CACHE_SECONDS = 300


def live_banner(*, at=None):
    """The live banner (the latest started) as a small dict, or None."""
    now = at or timezone.now()
    cached = cache.get(CACHE_KEY)
    if cached is not None and now < cached["until"]:
        return cached["banner"]
    # Banners not yet expired are a handful: one indexed query finds the live one and the next
    # to start.
    pending = list(BreakingNews.objects.filter(expires_at__gt=now).order_by("-starts_at", "-id"))
    banner = next((each for each in pending if each.starts_at <= now), None)
    upcoming = min((each.starts_at for each in pending if each.starts_at > now), default=None)
    # The answer holds until the banner expires or the next one starts, at most a few minutes.
    until = min(
        t
        for t in (
            now + timedelta(seconds=MAX_CACHE_SECONDS),
            upcoming,
            banner and banner.expires_at,
        )
        if t
    )
    value = {"text": banner.text, "link": banner.link} if banner else None
    cache.set(
        CACHE_KEY,
        {"banner": value, "until": until},
        max(1, int((until - now).total_seconds())),
    )
    return value


def seconds_until_change(*, at=None) -> float:
    """How long the live banner stays as it is: cached pages showing it expire then."""
    now = at or timezone.now()
    live_banner(at=now)
    cached = cache.get(CACHE_KEY)
    return max(0.0, (cached["until"] - now).total_seconds()) if cached else 0.0


def forget_live_banner(**_kwargs):
    cache.delete(CACHE_KEY)
    # Every HTML page shows the banner: the page cache renders them again.
    cache_tags.bump(cache_tags.BANNER)


def connect():
    for signal in (post_save, post_delete):
        signal.connect(forget_live_banner, sender=BreakingNews, dispatch_uid=f"breaking-{signal}")
