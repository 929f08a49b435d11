"""Load check: readers posting comments at once on the embedded SQLite database.

Four clients post for 30 seconds (each: fetch the article, post the form with its CSRF cookie and
timestamp) to a gunicorn with production settings (DEBUG off, several workers and threads, so
writes really overlap). Prints the answers by status; any 5xx is a failure (exit status 1).

    .venv/bin/python bench/sqlite_comment_writes.py
    BENCH_SECONDS=10 BENCH_CLIENTS=8 .venv/bin/python bench/sqlite_comment_writes.py
"""

import collections
import http.cookiejar
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.article_page import ROOT, SEED_SLUG, run, wait_until_up  # noqa: E402

PORT = int(os.environ.get("BENCH_PORT", "9150"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "30"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "4"))


def client(number, base, deadline, answers, lock):
    cookies = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies))
    article = f"{base}/news/{SEED_SLUG}/"
    sent = 0
    while time.monotonic() < deadline:
        # As comments.js does: the (cached) page, then a fresh token and timestamp.
        opener.open(article, timeout=60).read()
        token = json.loads(opener.open(f"{base}/comments/token/", timeout=60).read())
        timestamp, csrf = token["timestamp"], token["csrfToken"]
        sent += 1
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": csrf,
                "name": f"Reader {number}",
                "email": f"reader{number}@example.org",
                "body": f"Comment {sent} from reader {number}: the fleet sails at dawn.",
                "timestamp": timestamp,
                "website": "",
            }
        ).encode()
        request = urllib.request.Request(
            f"{base}/news/{SEED_SLUG}/comment/", data=data, headers={"Referer": article}
        )
        try:
            status = opener.open(request, timeout=60).status
        except urllib.error.HTTPError as answer:
            status = answer.code
        with lock:
            answers[status] += 1


def main():
    workdir = Path(tempfile.mkdtemp(prefix="newsdesk-sqlite-writes-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "DATABASE_URL": f"sqlite:///{workdir}/writes.sqlite3",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        # Robots' limits off: this measures the database, not the spam defences.
        "COMMENTS_MIN_SECONDS": "0",
        "COMMENTS_FLOOD_LIMIT": "1000000",
        "COMMENTS_TOKEN_LIMIT": "1000000",
        "COMMENTS_CLOSE_AFTER_DAYS": "0",
        "PYTHONPATH": str(ROOT),
    }
    run([sys.executable, "manage.py", "migrate", "--noinput"], env)
    run([sys.executable, "manage.py", "load_seeds"], env)
    run([sys.executable, "manage.py", "collectstatic", "--noinput"], env)
    base = f"http://127.0.0.1:{PORT}"
    server = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "newsdesk.wsgi", "--bind", f"127.0.0.1:{PORT}",
            "--workers", "2", "--threads", "4", "--log-level", "warning",
        ],
        env=env,
        cwd=ROOT,
    )  # fmt: skip
    try:
        wait_until_up(f"{base}/news/{SEED_SLUG}/")
        answers, lock = collections.Counter(), threading.Lock()
        deadline = time.monotonic() + SECONDS
        threads = [
            threading.Thread(target=client, args=(n, base, deadline, answers, lock))
            for n in range(CLIENTS)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait()
    with sqlite3.connect(workdir / "writes.sqlite3") as database:
        (stored,) = database.execute("SELECT count(*) FROM articles_comment").fetchone()
    print(f"comments stored: {stored}")
    errors = sum(count for status, count in answers.items() if status >= 500)
    print(
        f"{CLIENTS} clients, {SECONDS} s: {sum(answers.values())} posts, by status {dict(answers)}"
    )
    print(f"5xx answers: {errors}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
