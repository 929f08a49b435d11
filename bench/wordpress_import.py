"""Benchmark: importing a 10,000-post, 50,000-comment WordPress export (target: under 2 min).

Builds the export with bench/wordpress_export.py (from the real fixture's items), migrates an
empty database, and times `manage.py import_wordpress` in a subprocess: wall time, and the CPU
time the import itself used (on a shared machine the wall time also counts other work). Then
times the same import again, which must create nothing.

    make bench-import                     # embedded SQLite, in a temporary folder
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsdesk_bench_import make bench-import
    BENCH_POSTS=2000 make bench-import
"""

import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.wordpress_export import build  # noqa: E402

POSTS = int(os.environ.get("BENCH_POSTS", "10000"))
COMMENTS_PER_POST = int(os.environ.get("BENCH_COMMENTS_PER_POST", "5"))
UPLOADS = ROOT / "tests" / "wordpress_import" / "fixtures" / "uploads"
TARGET_SECONDS = 120


class LoadSampler(threading.Thread):
    """The machine's 1-minute load average every few seconds while a run lasts: on a shared
    machine the wall time means little without it."""

    def __init__(self, every=5.0):
        super().__init__(daemon=True)
        self.every, self.samples, self.stopped = every, [os.getloadavg()[0]], threading.Event()

    def run(self):
        while not self.stopped.wait(self.every):
            self.samples.append(os.getloadavg()[0])

    def summary(self):
        self.stopped.set()
        low, high = min(self.samples), max(self.samples)
        mean = sum(self.samples) / len(self.samples)
        return f"load {mean:.1f} (from {low:.1f} to {high:.1f}) on {os.cpu_count()} cores"


def manage(*args, env):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    sampler = LoadSampler()
    sampler.start()
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result.stdout, wall, cpu, sampler.summary()


def fresh_postgres(url):
    """Drop and recreate the benchmark's own PostgreSQL database."""
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def counts(report):
    table = {}
    for line in report.splitlines():
        match = re.match(r"(articles|comments|redirects)\s+(\d+)\s+(\d+)\s+(\d+)$", line)
        if match:
            table[match.group(1)] = tuple(int(n) for n in match.groups()[1:])
    return table


def main():
    with tempfile.TemporaryDirectory(prefix="newsdesk-import-bench-") as tmp:
        tmp = Path(tmp)
        export = tmp / "export.xml"
        start = time.monotonic()
        build(export, POSTS, COMMENTS_PER_POST)
        size = export.stat().st_size / 1e6
        print(f"export: {POSTS} posts, {POSTS * COMMENTS_PER_POST} comments, {size:.0f} MB, "
              f"built in {time.monotonic() - start:.1f}s")  # fmt: skip
        database = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{tmp / 'bench.sqlite3'}"
        if database.startswith("postgres"):
            fresh_postgres(database)
        env = {
            **os.environ,
            # Production settings without the deployment checks (per-process cache, no mail).
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DATABASE_URL": database,
            "MEDIA_ROOT": str(tmp / "media"),
            "DEBUG": "false",
            "SECRET_KEY": "bench-only-" + "x" * 50,
            "ALLOWED_HOSTS": "127.0.0.1",
        }
        manage("migrate", "--noinput", env=env)
        print(f"database: {database.split(':', 1)[0]}, machine {LoadSampler().summary()}")
        command = ["import_wordpress", str(export), "--uploads", str(UPLOADS), "--no-download"]
        report, wall, cpu, load = manage(*command, env=env)
        print(f"first import:  {wall:6.1f}s wall, {cpu:6.1f}s importer CPU, {load}")
        print(f"               {counts(report)}")
        report, wall_again, cpu_again, load = manage(*command, env=env)
        print(f"second import: {wall_again:6.1f}s wall, {cpu_again:6.1f}s importer CPU, {load}")
        print(f"               {counts(report)}")
        verdict = "within" if wall <= TARGET_SECONDS else "OVER"
        print(f"target: {POSTS} posts in {TARGET_SECONDS}s: {verdict} ({wall:.0f}s wall)")


if __name__ == "__main__":
    main()
