"""Benchmark: the seed article page against a bare Django view of the same size.

Both are served by one gunicorn with production settings (DEBUG off, no whole-page cache) and
loaded from 127.0.0.1 with wrk in the same run. Prints requests/s, p50 and p99 for each and the
ratio to the bare view; a third line serves the article with the fragment cache off too
(FRAGMENT_CACHE_SECONDS=0), so every request renders everything from the database.

    make bench                                   # embedded SQLite
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsdesk_bench make bench
    BENCH_SECONDS=20 BENCH_CONNECTIONS=16 make bench
"""

import contextlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_SLUG = "japan-eu-sign-defense-pact-spurred-by-threats-from-the-prc-russia"
TARGET_RATIO = 0.25
PORT = int(os.environ.get("BENCH_PORT", "8765"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
# Rounds alternate article and bare loads; medians are reported, since one run on a shared
# virtual machine can be off by a third.
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(os.cpu_count() or 2)))


def run(command, env):
    subprocess.run(command, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def wait_until_up(url, deadline=30):
    start = time.monotonic()
    while time.monotonic() - start < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read()
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer at {url}")


def median_figures(runs):
    """The median requests/s, p50 and p99 of several loads, each figure on its own."""
    return tuple(statistics.median(figures) for figures in zip(*runs, strict=True))


def load(url):
    """One bounded wrk run against 127.0.0.1; returns requests/s, p50 ms and p99 ms."""
    output = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Non-2xx" in output:
        raise SystemExit(f"{url} answered errors under load:\n{output}")

    def latency(percentile):
        value, unit = re.search(
            rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M
        ).groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return rate, latency(50), latency(99)


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk not found: apt-get install -y wrk")
    workdir = Path(tempfile.mkdtemp(prefix="newsdesk-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        # The rendering path: bench/page_cache.py measures the whole-page cache.
        "PAGE_CACHE_SECONDS": "0",
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3"),
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "PYTHONPATH": str(ROOT),
    }
    python = sys.executable
    if "postgres" in env["DATABASE_URL"]:
        name = env["DATABASE_URL"].rsplit("/", 1)[1]
        subprocess.run(
            ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name], check=True
        )
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
    run([python, "manage.py", "migrate", "--noinput"], env)
    run([python, "manage.py", "load_seeds"], env)
    run([python, "manage.py", "collectstatic", "--noinput"], env)

    base = f"http://127.0.0.1:{PORT}"
    article_url = f"{base}/news/{SEED_SLUG}/"
    bare_url = f"{base}/bench/bare/"
    try:
        with serve(env):
            article_size = len(wait_until_up(article_url))
        # The bare view returns exactly as many bytes as the article page.
        env["BENCH_BARE_SIZE"] = str(article_size)
        with serve(env):
            wait_until_up(bare_url)
            load(article_url)  # warm-up: connections, compiled templates, fragments
            rounds = [(load(article_url), load(bare_url)) for _ in range(ROUNDS)]
            article = median_figures([pair[0] for pair in rounds])
            bare = median_figures([pair[1] for pair in rounds])
            ratios = [pair[0][0] / pair[1][0] for pair in rounds]
        with serve({**env, "FRAGMENT_CACHE_SECONDS": "0"}):
            wait_until_up(article_url)
            load(article_url)
            no_fragments = median_figures([load(article_url) for _ in range(ROUNDS)])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    database = "PostgreSQL" if "postgres" in env["DATABASE_URL"] else "SQLite"
    print(
        f"gunicorn {WORKERS} sync workers, {database}, DEBUG off, no whole-page cache; "
        f"wrk 2 threads x {CONNECTIONS} connections, {SECONDS}s a load, median of {ROUNDS} "
        f"rounds; {article_size} bytes a page"
    )
    print(f"{'':<34}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'ratio':>7}")
    for label, (rate, p50, p99) in [
        ("bare Django view", bare),
        ("article page", article),
        ("article page, fragment cache off", no_fragments),
    ]:
        print(f"{label:<34}{rate:>8.0f}{p50:>9.2f}{p99:>9.2f}{rate / bare[0]:>7.2f}")
    ratio = statistics.median(ratios)
    verdict = "meets" if ratio >= TARGET_RATIO else "MISSES"
    spread = ", ".join(f"{each:.2f}" for each in ratios)
    print(
        f"ratio article/bare: {ratio:.2f}, median of rounds ({spread}); {verdict} the target of {TARGET_RATIO}"
    )


@contextlib.contextmanager
def serve(env):
    server = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "newsdesk.wsgi", "--bind", f"127.0.0.1:{PORT}",
            "--workers", str(WORKERS), "--log-level", "warning",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        yield server
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
