"""Demonstration read counts (seeds/readership.toml) so that "Most read" shows under `make run`.

Loaded only when no article has been read in the past week, so real counts are never mixed with
these: the day's reads spread over the last 24 hours, the rest of the week's before them."""

import tomllib
from datetime import timedelta

from .counting import current_hour
from .models import HourlyReads


def load_seed_reads(*, seed_dir, report, articles, **_kwargs):
    path = seed_dir / "readership.toml"
    now = current_hour()
    if not path.exists() or HourlyReads.objects.filter(hour__gt=now - timedelta(days=7)).exists():
        return
    rows = []
    for entry in tomllib.loads(path.read_text(encoding="utf-8"))["reads"]:
        article = articles[entry["article"]]
        day, rest = entry["day"], max(entry["week"] - entry["day"], 0)
        for hours_ago, count in ((2, day), (48, rest)):
            if count:
                rows.append(
                    HourlyReads(article=article, hour=now - timedelta(hours=hours_ago), count=count)
                )
    HourlyReads.objects.bulk_create(rows)
    report.created.append(f"hourlyreads {len(rows)}")
