"""Benchmark: every reader page on a whole-page cache hit, a 304 revalidation, and nginx's cache,
each against its yardstick in the same run.

- Every reader page, warm in the page cache, against the bare Django view (bench/urls.py) of
  the article page's size, served by the same gunicorn: target 0.85 of the bare view.
- A conditional request answered 304 from the page cache, against the bare view: target 0.9.
- The article page through the documented nginx cache (deploy/nginx/newsdesk.conf), against
  the same nginx sending a static file of the same size: target 0.5.

The page cache and the tag versions are in Redis (BENCH_CACHE_URL, redis://127.0.0.1:6379/10 by
default), as in production with several workers.

    make bench
    BENCH_SECONDS=5 BENCH_ROUNDS=7 BENCH_CONNECTIONS=32 .venv/bin/python bench/page_cache.py
"""

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import article_page  # noqa: E402
from bench.article_page import run, serve, wait_until_up  # noqa: E402
from bench.nginx_proxy import free_port, nginx_binary, nginx_in_front  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SECONDS = int(os.environ.get("BENCH_SECONDS", "2"))
# Each page's load alternates with the bare view's this many times; the ratio printed is the
# median of the ratios of each pair, the rates the medians of each side.
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
HANDLER_ROUNDS = int(os.environ.get("BENCH_HANDLER_ROUNDS", "25"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
PORTS = os.environ.get("BENCH_PORTS", "9000-9099")
TARGETS = {"hit": 0.85, "304": 0.9, "nginx": 0.5}

SITE_URLS = """
import json
from articles.models import Article, Category, Source
from taggit.models import Tag
article = Article.objects.published().first()
print(json.dumps({
    "home": "/",
    "article": article.get_absolute_url(),
    "category": Category.objects.filter(articles__in=[article]).first().get_absolute_url(),
    "tag": "/tag/%s/" % Tag.objects.filter(articles_taggedarticle_items__content_object=article).first().slug,
    "source": Source.objects.filter(articles__isnull=False).first().get_absolute_url(),
    "search": "/search/?q=defence",
    "feed": "/feed/",
    "sitemap index": "/sitemap.xml",
    "news sitemap": "/sitemap-news.xml",
    "robots": "/robots.txt",
}))
"""


def bench_env(workdir: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3"),
        "CACHE_URL": os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/10"),
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "PYTHONPATH": str(ROOT),
    }


def prepare(env) -> dict:
    """A fresh database with the seed articles; returns the reader pages' paths."""
    python = sys.executable
    if "postgres" in env["DATABASE_URL"]:
        name = env["DATABASE_URL"].rsplit("/", 1)[1]
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name])
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
    run([python, "manage.py", "migrate", "--noinput"], env)
    run([python, "manage.py", "load_seeds"], env)
    run([python, "manage.py", "collectstatic", "--noinput"], env)
    run(
        [python, "manage.py", "shell", "-c", "from django.core.cache import cache; cache.clear()"],
        env,
    )
    output = subprocess.run(
        [python, "manage.py", "shell", "-c", SITE_URLS],
        env=env, cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return json.loads(output.strip().splitlines()[-1])


# The cost of one request through Django's WSGI handler in one process. Batches of the bare view
# and of each page alternate, and each page's ratio is the median of its batch against the bare
# batch just before it: on a shared machine the cost of everything swings by a third from one
# second to the next, and only figures taken side by side compare.
HANDLER_COST = """
import json, statistics, time
from django.test import Client
client = Client()
paths = json.loads(PATHS)
etag = client.get(paths["article"])["ETag"]
cases = {name + ", page cache hit": (path, {}) for name, path in paths.items()}
cases["article, 304 revalidation"] = (paths["article"], {"if_none_match": etag})
def batch(path, headers, size=40):
    start = time.perf_counter()
    for _ in range(size):
        client.get(path, headers=headers)
    return (time.perf_counter() - start) / size * 1e6
for path, headers in [("/bench/bare/", {}), *cases.values()]:
    client.get(path, headers=headers)
bare_times, times, ratios = [], {name: [] for name in cases}, {name: [] for name in cases}
for _ in range(ROUNDS):
    for name, (path, headers) in cases.items():
        bare = batch("/bench/bare/", {})
        page = batch(path, headers)
        bare_times.append(bare)
        times[name].append(page)
        ratios[name].append(bare / page)
costs = {"bare Django view": (statistics.median(bare_times), 1.0)}
for name in cases:
    costs[name] = (statistics.median(times[name]), statistics.median(ratios[name]))
print(json.dumps(costs))
"""


def handler_costs(env, urls):
    code = HANDLER_COST.replace("PATHS", repr(json.dumps(urls))).replace(
        "ROUNDS", str(HANDLER_ROUNDS)
    )
    output = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        env={**env, "ALLOWED_HOSTS": "127.0.0.1,testserver"}, cwd=ROOT, check=True,
        capture_output=True, text=True,
    ).stdout  # fmt: skip
    return json.loads(output.strip().splitlines()[-1])


def load(url, *headers, connections=CONNECTIONS, seconds=SECONDS, expect="2xx"):
    """One bounded wrk run against 127.0.0.1; returns requests/s, p50 ms and p99 ms."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in output:  # wrk counts statuses from 400 up
        raise SystemExit(f"{url} answered errors under load:\n{output}")
    if expect == "304":
        # No body at all: a few hundred bytes of headers per answer, never a page.
        total = int(re.search(r"(\d+) requests in", output).group(1))
        size, unit = re.search(r"requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB) read", output).groups()
        read = float(size) * {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}[unit]
        if read / total > 1000:
            raise SystemExit(f"{url} answered something else than 304:\n{output}")
    if "Socket errors" in output:
        raise SystemExit(f"{url}: socket errors under load:\n{output}")
    return parse_wrk(output)


def paired(base, url, *headers, expect="2xx"):
    """ROUNDS loads of the bare view, each followed by one of `url`: the median figures of
    each side, and the median of the page/bare ratios of the pairs."""
    bares, pages = [], []
    for _ in range(ROUNDS):
        bares.append(load(base + "/bench/bare/"))
        pages.append(load(url, *headers, expect=expect))
    ratio = statistics.median(page[0] / bare[0] for bare, page in zip(bares, pages, strict=True))
    return median_figures(bares), median_figures(pages), ratio


def median_figures(runs):
    return tuple(statistics.median(figures) for figures in zip(*runs, strict=True))


def parse_wrk(output):
    def latency(percentile):
        value, unit = re.search(
            rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M
        ).groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return rate, latency(50), latency(99)


def head(url, **headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as answer:
        return answer.code, answer.headers, b""


def main():
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool) and not (tool == "nginx" and nginx_binary()):
            raise SystemExit(f"{tool} not found: apt-get install -y wrk nginx-light")
    workdir = Path(tempfile.mkdtemp(prefix="newsdesk-bench-cache-"))
    env = bench_env(workdir)
    start, end = (int(part) for part in PORTS.split("-"))
    port = free_port(start, end + 1)
    article_page.PORT = port  # serve() binds there
    base = f"http://127.0.0.1:{port}"
    rows, ratios = [], {}
    try:
        urls = prepare(env)
        with serve(env):
            article_body = wait_until_up(base + urls["article"])
        env["BENCH_BARE_SIZE"] = str(len(article_body))
        with serve(env):
            wait_until_up(base + "/bench/bare/")
            for path in urls.values():  # fill the page cache
                status, headers, _ = head(base + path)
                assert status == 200, (path, status)
            # Each page alternates with the bare view, ROUNDS times: on a shared machine the
            # floor itself moves by a third from one second to the next.
            bare_rates = []
            for name, path in urls.items():
                status, headers, _ = head(base + path)
                assert headers["X-Page-Cache"] == "hit", (path, headers["X-Page-Cache"])
                bare, figures, ratio = paired(base, base + path)
                bare_rates.append(bare[0])
                rows.append((f"{name}, page cache hit", figures, ratio))
            ratios["hit"] = min(row[2] for row in rows)
            _, headers, _ = head(base + urls["article"])
            etag = headers["ETag"]
            status, _, _ = head(base + urls["article"], **{"If-None-Match": etag})
            assert status == 304, status
            bare, not_modified, ratios["304"] = paired(
                base, base + urls["article"], f"If-None-Match: {etag}", expect="304"
            )
            bare_rates.append(bare[0])
            rows.append(("article, 304 revalidation", not_modified, ratios["304"]))
            rows.insert(
                0, ("bare Django view (median)", (statistics.median(bare_rates), 0, 0), 1.0)
            )

            nginx_port = free_port(port + 1, end + 1)
            static_port = free_port(nginx_port + 1, end + 1)
            static_file = workdir / "static.html"
            static_file.write_bytes(article_body)
            with nginx_in_front(
                upstream=f"127.0.0.1:{port}", port=nginx_port, workdir=workdir / "nginx",
                workers=os.cpu_count() or 1, static_file=static_file, static_port=static_port,
            ):  # fmt: skip
                proxied = f"http://127.0.0.1:{nginx_port}{urls['article']}"
                head(proxied)
                _, headers, _ = head(proxied)
                assert headers["X-Cache-Status"] == "HIT", headers["X-Cache-Status"]
                static = load(f"http://127.0.0.1:{static_port}/static.html")
                # Every browser asks for gzip and gets the stored bytes as they are; a client
                # that does not is served by nginx unpacking them, which is shown for the record.
                cached = load(proxied, "Accept-Encoding: gzip")
                unpacked = load(proxied)
                ratios["nginx"] = cached[0] / static[0]
                rows.append(("nginx sending a static file", static, 0.0))
                rows.append(("article, nginx cache hit (gzip)", cached, ratios["nginx"]))
                rows.append(("article, nginx hit, unpacked", unpacked, unpacked[0] / static[0]))
        costs = handler_costs(env, urls)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    database = "PostgreSQL" if "postgres" in env["DATABASE_URL"] else "SQLite"
    print(
        f"gunicorn {os.environ.get('BENCH_WORKERS', os.cpu_count())} sync workers, {database}, "
        f"page cache in {env['CACHE_URL']}, DEBUG off; wrk 2 threads x {CONNECTIONS} "
        f"connections, {SECONDS}s a load, {ROUNDS} pairs a page; {len(article_body)} bytes an "
        f"article page; load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}"
    )
    print(f"{'':<36}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'ratio':>9}")
    print("(ratio: median of page/bare over the pairs; for nginx, to nginx's static file)")
    for label, (rate, p50, p99), ratio in rows:
        print(f"{label:<36}{rate:>9.0f}{p50:>9.2f}{p99:>9.2f}{ratio:>9.2f}")
    print(
        f"\nCost of one request in Django's handler, in one process ({HANDLER_ROUNDS} rounds of "
        "batches of 40, each page's batch right after a bare one; medians; ratio: bare cost / "
        "page cost, i.e. requests/s relative to the bare view)"
    )
    for label, (cost, ratio) in costs.items():
        print(f"{label:<36}{cost:>9.0f} us{ratio:>9.2f}")
    ratios["hit (handler cost)"] = min(
        ratio for label, (_, ratio) in costs.items() if label.endswith("page cache hit")
    )
    ratios["304 (handler cost)"] = costs["article, 304 revalidation"][1]
    TARGETS["hit (handler cost)"] = TARGETS["hit"]
    TARGETS["304 (handler cost)"] = TARGETS["304"]
    for name, target in TARGETS.items():
        verdict = "meets" if ratios[name] >= target else "MISSES"
        what = {
            "hit": "slowest page cache hit / bare view",
            "304": "304 / bare view",
            "nginx": "nginx cache hit / nginx static file",
            "hit (handler cost)": "slowest page cache hit / bare view, handler cost",
            "304 (handler cost)": "304 / bare view, handler cost",
        }[name]
        print(f"{what}: {ratios[name]:.2f}; {verdict} the target of {target}")


if __name__ == "__main__":
    main()
