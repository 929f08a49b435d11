"""Benchmark: every reader page, alternating with a bare Django view on the same server.

One gunicorn with production settings serves the site and the bare view (bench/urls.py); wrk
loads each page from 127.0.0.1, then the bare view, in turn, with the fragment cache warm and
then off (FRAGMENT_CACHE_SECONDS=0: every request builds everything from the database).
Prints requests/s, p50 and p99 of each page and its ratio to the bare view.

Sizes (BENCH_SIZE):
    seed      the eight seed articles (a fresh database)
    200       the seeds plus 192 generated articles and 2,000 comments (a fresh database)
    archive   an existing generated archive, reused as it is (only migrated): e.g.
              manage.py generate_archive --articles 100000 --comments 1000000, once

    make bench-pages                                      # seed size, SQLite
    BENCH_SIZE=200 BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsdesk_bench make bench-pages
    BENCH_SIZE=archive BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsdesk_archive make bench-pages
"""

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("BENCH_PORT", "8901")

from article_page import ROOT, run, serve, wait_until_up  # noqa: E402

PORT = int(os.environ["BENCH_PORT"])
SIZE = os.environ.get("BENCH_SIZE", "seed")
SECONDS = int(os.environ.get("BENCH_SECONDS", "3"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "1"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
ONLY = os.environ.get("BENCH_ONLY", "")  # a comma-separated subset of page labels
MODES = os.environ.get("BENCH_MODES", "warm,cold").split(",")

PAGES_SCRIPT = """
import json
from django.db.models import Count
from taggit.models import Tag
from articles.models import Article, Category, Source
published = Article.objects.published()
article = published.order_by("-published_at")[min(10, published.count() - 1)]
busiest = published.annotate(n=Count("comments")).order_by("-n").first() if published.count() < 1000 else (
    published.filter(pk__in=Article.comments.rel.related_model.objects.values("article")
    .annotate(n=Count("pk")).order_by("-n").values("article")[:1]).first())
category = Category.objects.get(slug="northeast-asia")
tag = Tag.objects.get(name="Japan")
source = Source.objects.get(slug="reuters") if Source.objects.filter(slug="reuters").exists() else Source.objects.first()
from django.conf import settings
def deep(articles, page=500):
    # Page 500 as a reader reaches it: by the "Older" links (articles/keyset.py), whose cursor is
    # the last article of the page before; a short list's last such page.
    n = min((page - 1) * settings.NEWSDESK["PAGE_SIZE"], articles.count() - 1)
    return f"?before={articles.order_by('-published_at', '-id')[n - 1].pk}"
from django.db import connection
from articles.archive_vocabulary import place_name
def matches(word):
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery
        return published.filter(search_vector=SearchQuery(word, config="english")).count()
    return published.filter(body__icontains=word).count()
def rare_word():
    # A generated archive names places in a long tail (articles/archive.py): the first of them,
    # from the head down, found in one to three articles is a rare word at any size.
    for rank in (3, 5, 8, 12, 20, 30, 50, 80, 120, 200, 300, 500, 800, 1200, 2000, 3000, 5000):
        if 1 <= matches(place_name(rank)) <= 3:
            return place_name(rank)
    return "borrell"  # the seeds alone: a word of one seed article
pages = {
    "home": "/",
    "article": article.get_absolute_url(),
    "article, most comments": busiest.get_absolute_url(),
    "category": category.get_absolute_url(),
    "category page 500": category.get_absolute_url() + deep(published.filter(categories=category)),
    "tag": f"/tag/{tag.slug}/",
    "tag page 500": f"/tag/{tag.slug}/" + deep(published.filter(tags=tag)),
    "source": source.get_absolute_url(),
    "source page 500": source.get_absolute_url() + deep(published.filter(source=source)),
    "search common word": "/search/?q=military",
    "search rare word": f"/search/?q={rare_word()}",
    "search phrase": "/search/?q=%22japan+defense%22",
    "RSS feed": "/feed/",
    "category feed": category.get_absolute_url() + "feed/",
    "tag Atom feed": f"/tag/{tag.slug}/feed/atom/",
    "sitemap index": "/sitemap.xml",
    "sitemap articles p1": "/sitemap-articles.xml",
    "sitemap tags": "/sitemap-tags.xml",
    "sitemap categories": "/sitemap-categories.xml",
    "sitemap news": "/sitemap-news.xml",
    "robots.txt": "/robots.txt",
}
print(json.dumps(pages))
"""


def load(url):
    """One bounded wrk run; requests/s, p50 ms, p99 ms and the count of non-2xx answers."""
    output = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def latency(percentile):
        found = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        if not found:
            return float("nan")
        value, unit = found.groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return rate, latency(50), latency(99), int(errors.group(1)) if errors else 0


def prepare(env, workdir):
    python = sys.executable
    url = env["DATABASE_URL"]
    if SIZE != "archive" and "postgres" in url:
        name = url.rsplit("/", 1)[1]
        subprocess.run(
            ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name], check=True
        )
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
    run([python, "manage.py", "migrate", "--noinput"], env)
    if SIZE == "200":
        run(
            [
                python,
                "manage.py",
                "generate_archive",
                "--articles",
                "192",
                "--comments",
                "2000",
                "--seed",
                "3",
            ],
            env,
        )
    if SIZE != "archive" or not os.environ.get("BENCH_NO_SEEDS"):
        run([python, "manage.py", "load_seeds"], env)
    run([python, "manage.py", "collectstatic", "--noinput"], env)
    output = subprocess.run(
        [python, "manage.py", "shell", "-c", PAGES_SCRIPT],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk not found: apt-get install -y wrk")
    if SIZE == "archive" and "BENCH_DATABASE_URL" not in os.environ:
        raise SystemExit("BENCH_SIZE=archive needs BENCH_DATABASE_URL (a generated archive)")
    workdir = Path(tempfile.mkdtemp(prefix="newsdesk-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "false",
        # Rendering is measured here; cache hits are bench/page_cache.py's.
        "PAGE_CACHE_SECONDS": "0",
        "SECRET_KEY": "bench-only-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3"),
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "PYTHONPATH": str(ROOT),
        "BENCH_BARE_SIZE": "30000",
    }
    base = f"http://127.0.0.1:{PORT}"
    results = {}
    try:
        pages = prepare(env, workdir)
        if ONLY:
            pages = {label: url for label, url in pages.items() if label in ONLY.split(",")}
        for mode in MODES:
            server_env = {**env, "FRAGMENT_CACHE_SECONDS": "0"} if mode == "cold" else env
            with serve(server_env):
                wait_until_up(f"{base}/bench/bare/")
                for label, path in [("bare Django view", "/bench/bare/"), *pages.items()]:
                    url = base + path
                    load(url)  # warm-up: connections, compiled templates, fragments
                    page_runs, bare_runs = [], []
                    for _ in range(ROUNDS):
                        page_runs.append(load(url))
                        bare_runs.append(load(f"{base}/bench/bare/"))
                    page = tuple(statistics.median(f) for f in zip(*page_runs, strict=True))
                    bare = tuple(statistics.median(f) for f in zip(*bare_runs, strict=True))
                    results[(label, mode)] = (page, bare)
                    print(f"  {mode:<5} {label:<24} {page[0]:8.1f} req/s", file=sys.stderr)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    database = "PostgreSQL" if "postgres" in env["DATABASE_URL"] else "SQLite"
    print(
        f"size {SIZE}; gunicorn {os.environ.get('BENCH_WORKERS', os.cpu_count())} sync workers, "
        f"{database}, DEBUG off, no whole-page cache; wrk 2 threads x {CONNECTIONS} connections, "
        f"{SECONDS}s a load, median of {ROUNDS} round(s), each page alternating with the bare view"
    )
    print("| page | fragments | req/s | p50 ms | p99 ms | ratio to bare | non-2xx |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for (label, mode), (page, bare) in results.items():
        rate, p50, p99, errors = page
        if not bare[0]:
            bare = (float("nan"), *bare[1:])
        print(
            f"| {label} | {mode} | {rate:.0f} | {p50:.1f} | {p99:.1f} | {rate / bare[0]:.3f} | {errors} |"
        )


if __name__ == "__main__":
    main()
