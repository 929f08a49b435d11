"""Benchmark: the moderation queue and an editor's dashboard on a busy desk.

Fills a scratch database (8,000 articles with their workflow steps, 20,000 comments of which 1 %
pending) once, then requests each page 30 times in-process with production settings and prints
the queries, their database time and the median and 90th percentile. Never run by the tests, and
never against a database you care about: it writes to BENCH_DATABASE_URL and nothing else.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsdesk_bench .venv/bin/python \
        bench/desk_pages.py
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUESTS = 30


def configure():
    if "BENCH_DATABASE_URL" not in os.environ:
        sys.exit("Set BENCH_DATABASE_URL to a scratch database: this benchmark fills it.")
    sys.path.insert(0, str(ROOT))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="newsdesk.settings",
        DEBUG="false",
        SECRET_KEY="bench-" + "x" * 60,
        ALLOWED_HOSTS="testserver",
        DATABASE_URL=os.environ["BENCH_DATABASE_URL"],
    )
    import django
    from django.conf import settings

    django.setup()
    # The pages, not collectstatic's manifest, are measured.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def fill():
    from django.contrib.auth import get_user_model

    from articles.models import Article
    from bench.busy_desk import fill_busy_desk

    if Article.objects.filter(slug="bench-0").exists():
        return
    author, _ = get_user_model().objects.get_or_create(username="bench-writer")
    fill_busy_desk(author, slug_prefix="bench", comment_body="A remark about the story. " * 8)


def measure(client, name, url):
    from django.db import connection

    durations = []

    def timed(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            durations.append((time.perf_counter() - start) * 1000)

    client.get(url, secure=True)  # warm
    with connection.execute_wrapper(timed):
        assert client.get(url, secure=True).status_code == 200
    times = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        assert client.get(url, secure=True).status_code == 200
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(
        f"{name}: {len(durations)} queries ({sum(durations):.0f} ms in the database), "
        f"median {statistics.median(times):.0f} ms, p90 {times[int(REQUESTS * 0.9) - 1]:.0f} ms "
        f"over {REQUESTS} requests"
    )


def main():
    configure()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    fill()
    editor, _ = get_user_model().objects.get_or_create(
        username="bench-editor", defaults={"is_staff": True}
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.force_login(editor)
    measure(client, "moderation queue (50 rows)", "/admin/comments/comment/")
    measure(client, "editor's dashboard", "/admin/")


if __name__ == "__main__":
    main()
