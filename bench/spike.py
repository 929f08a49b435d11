"""Spike benchmark: a story breaks while the site is under a crowd of readers.

64 connections (BENCH_SPIKE_CONNECTIONS) load the home page and the newest article, half each,
for 30 seconds (BENCH_SPIKE_SECONDS) on gunicorn with the page cache in Redis. Halfway through,
an editor publishes a new article through the workflow (another process, as the admin would).
A watcher polls the home page from the moment of the commit: the new article must be there
within a second. Prints the load's figures and that delay; exits non-zero on any error.

    .venv/bin/python bench/spike.py
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import article_page  # noqa: E402
from bench.nginx_proxy import free_port  # noqa: E402
from bench.page_cache import PORTS, ROOT, bench_env, parse_wrk, prepare  # noqa: E402

SECONDS = int(os.environ.get("BENCH_SPIKE_SECONDS", "30"))
CONNECTIONS = int(os.environ.get("BENCH_SPIKE_CONNECTIONS", "64"))
HEADLINE = "Breaking: ceasefire announced"
TARGET_DELAY = 1.0
WATCHERS = 4

PUBLISH = f"""
import time
from django.contrib.auth import get_user_model
from django.db import transaction
from articles.models import Article, Category
from workflow.services import publish_now

editor = get_user_model().objects.filter(is_superuser=True).first() or \\
    get_user_model().objects.create_superuser("bench-editor", "e@example.org", "x")
article = Article.objects.create(
    headline={HEADLINE!r}, slug="breaking-ceasefire", standfirst="Both sides agree.",
    body="<p>Details follow.</p>", author=editor,
)
article.categories.set(Category.objects.all()[:1])
with transaction.atomic():
    publish_now(article=article, by=editor)
print("committed", time.time())
"""

WRK_SCRIPT = """
local paths = {{"/", "{article}"}}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[n % 2 + 1])
end
"""


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk not found: apt-get install -y wrk")
    workdir = Path(tempfile.mkdtemp(prefix="newsdesk-bench-spike-"))
    env = bench_env(workdir)
    start, end = (int(part) for part in PORTS.split("-"))
    port = article_page.PORT = free_port(start, end + 1)
    base = f"http://127.0.0.1:{port}"
    try:
        urls = prepare(env)
        script = workdir / "two_pages.lua"
        script.write_text(WRK_SCRIPT.format(article=urls["article"]))
        with article_page.serve(env):
            article_page.wait_until_up(base + "/")
            wrk = subprocess.Popen(
                ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout", "10s",
                 "--latency", "-s", str(script), base],
                stdout=subprocess.PIPE, text=True,
            )  # fmt: skip
            time.sleep(SECONDS / 2)
            polls, stop = [], threading.Event()
            # Several readers a little apart, so that some request is sent soon after the commit
            # however long each waits in the queue under the load.
            watchers = [
                threading.Thread(target=watch_home, args=(base, polls, stop), daemon=True)
                for _ in range(WATCHERS)
            ]
            for watcher in watchers:
                watcher.start()
                time.sleep(0.1)
            published = subprocess.run(
                [sys.executable, "manage.py", "shell", "-c", PUBLISH],
                env=env, cwd=ROOT, check=True, capture_output=True, text=True,
            ).stdout  # fmt: skip
            committed = float(re.search(r"committed ([\d.]+)", published).group(1))
            for watcher in watchers:
                watcher.join(timeout=15)
            stop.set()
            output, _ = wrk.communicate(timeout=SECONDS + 30)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    rate, p50, p99 = parse_wrk(output)
    total = int(re.search(r"(\d+) requests in", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(r"Socket errors: .*", output)
    # Staleness: the latest request sent after the commit that still got the old page, and the
    # first request sent after it that got the new one. Answer times add the queue under load.
    stale = [sent - committed for sent, _, has in polls if not has and sent > committed]
    fresh = sorted((sent, answered) for sent, answered, has in polls if has)
    delay = max(stale, default=0.0)
    first_sent, first_answered = fresh[0] if fresh else (float("inf"), float("inf"))
    print(
        f"spike: wrk 2 threads x {CONNECTIONS} connections for {SECONDS}s on / and "
        f"{urls['article']}; an editor publishes at {SECONDS / 2:.0f}s"
    )
    print(f"requests {total}, {rate:.0f} req/s, p50 {p50:.2f} ms, p99 {p99:.2f} ms")
    print(
        f"errors: {errors.group(1) if errors else 0} non-2xx, {sockets.group(0) if sockets else 'no socket errors'}"
    )
    print(
        f"new article on the home page: last old page for a request sent {delay:.3f}s after the "
        f"commit (target under {TARGET_DELAY}s); first new page for a request sent "
        f"{first_sent - committed:.3f}s after it, answered at {first_answered - committed:.3f}s "
        f"({len(polls)} polls)"
    )
    if errors or sockets or delay > TARGET_DELAY or not fresh:
        raise SystemExit("spike benchmark MISSES its targets")
    print("spike benchmark meets its targets")


def watch_home(base, polls, stop):
    """Poll the home page as a reader would, from before the publication until it shows;
    record when each request was sent and answered, and whether it had the new article."""
    while not stop.is_set():
        sent = time.time()
        with urllib.request.urlopen(base + "/", timeout=30) as response:
            has = HEADLINE in response.read().decode()
        polls.append((sent, time.time(), has))
        if has:
            return
        time.sleep(0.02)


if __name__ == "__main__":
    main()
