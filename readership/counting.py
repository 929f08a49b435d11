"""Counting reads and ranking the most read articles.

A read is counted by `static/js/read-beacon.js`, which the (cached, identical for everyone)
article page loads: it POSTs to the beacon endpoint once the page has been visible for a moment.
Bots that do not run scripts, prefetches and reloads of a background tab do not count. The count
is one UPDATE of the article's row for this hour (one INSERT the first time in the hour), so
the database is the single shared tally whatever the number of web processes.
"""

from datetime import timedelta

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Q, Sum
from django.utils import timezone

from articles.models import Article

from .models import HourlyReads

WINDOWS = {"day": timedelta(hours=24), "week": timedelta(days=7)}
MOST_READ_COUNT = 5
# The ranking is recomputed at most this often; a read never makes a page uncacheable.
RANKING_SECONDS = 300
# Hourly rows older than this are pruned (`manage.py prune_reads`): the week the ranking reads,
# and a day's margin for a cron run that comes late.
KEEP_READS = timedelta(days=8)


def current_hour(at=None):
    return (at or timezone.now()).replace(minute=0, second=0, microsecond=0)


# The largest primary key (a signed 64-bit integer): the beacon's URL takes any digits.
LARGEST_ID = 2**63 - 1


def record_read(article_id: int, *, at=None) -> bool:
    """Count one read of a published article; False (and nothing stored) for anything else."""
    if not 0 < article_id <= LARGEST_ID:
        return False  # no article has it, and the database could not even compare it (a 500)
    hour = current_hour(at)
    if HourlyReads.objects.filter(article_id=article_id, hour=hour).update(count=F("count") + 1):
        return True
    if not Article.objects.published().filter(pk=article_id).exists():
        return False
    try:
        with transaction.atomic():
            HourlyReads.objects.create(article_id=article_id, hour=hour, count=1)
    except IntegrityError:  # another process created this hour's row first
        HourlyReads.objects.filter(article_id=article_id, hour=hour).update(count=F("count") + 1)
    return True


def most_read_ids(*, at=None, limit=MOST_READ_COUNT) -> dict[str, list[int]]:
    """The most read article ids of each window, in one query over the week's hourly rows."""
    hour = current_hour(at)
    day_start = hour - WINDOWS["day"] + timedelta(hours=1)
    week_start = hour - WINDOWS["week"] + timedelta(hours=1)
    rows = (
        HourlyReads.objects.filter(hour__gte=week_start)
        .values("article_id")
        .annotate(day=Sum("count", filter=Q(hour__gte=day_start), default=0), week=Sum("count"))
    )
    totals = [(row["article_id"], {"day": row["day"], "week": row["week"]}) for row in rows]
    ranked = {}
    for name in WINDOWS:
        best = sorted(
            ((pk, reads[name]) for pk, reads in totals if reads[name]),
            key=lambda each: (-each[1], -each[0]),
        )
        ranked[name] = [pk for pk, _ in best[: limit * 2]]  # room for unpublished ones
    return ranked


def most_read(*, limit=MOST_READ_COUNT) -> dict[str, list[Article]]:
    """Each window's most read published articles, most read first. The ranking is cached a few
    minutes; the articles are checked against `published()` each time it is rendered."""
    key = "readership:most-read"
    ranked = cache.get(key)
    if ranked is None:
        ranked = most_read_ids(limit=limit)
        cache.set(key, ranked, RANKING_SECONDS)
    wanted = {pk for ids in ranked.values() for pk in ids}
    if not wanted:
        return {name: [] for name in ranked}
    found = Article.objects.published().filter(pk__in=wanted).only("headline", "slug")
    by_id = {article.pk: article for article in found}
    return {name: [by_id[pk] for pk in ids if pk in by_id][:limit] for name, ids in ranked.items()}


def prune_reads(*, keep: timedelta = KEEP_READS, at=None) -> int:
    """Delete the hourly rows older than `keep` and return how many went. The ranking reads only
    the last week, so older rows would only grow the table (one row per article per hour read)."""
    if keep < WINDOWS["week"]:
        raise ValueError(f"Keep at least {WINDOWS['week'].days} days: Most read ranks a week.")
    deleted, _ = HourlyReads.objects.filter(hour__lt=current_hour(at) - keep).delete()
    return deleted
