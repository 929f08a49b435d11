"""Benchmark: the seed article page against a bare Django view of the same size.

Both are served by one gunicorn with production settings (DEBUG off, no page cache) and loaded
from 127.0.0.1 with wrk in the same run. Prints requests/s, p50 and p99 for each, and the ratio.

    make bench                                   # embedded SQLite
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsdesk_bench make bench
    BENCH_SECONDS=20 BENCH_CONNECTIONS=16 make bench
"""

import os
import re
import shutil
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
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
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
    server = subprocess.Popen(
        [
            python, "-m", "gunicorn", "newsdesk.wsgi", "--bind", f"127.0.0.1:{PORT}",
            "--workers", str(WORKERS), "--access-logfile", "-", "--log-level", "warning",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        article_size = len(wait_until_up(article_url))
        env_size = os.environ.get("BENCH_BARE_SIZE")
        if env_size is None:
            # Restart so the bare view returns exactly as many bytes as the article page.
            server.terminate()
            server.wait()
            env["BENCH_BARE_SIZE"] = str(article_size)
            server = subprocess.Popen(server.args, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
            wait_until_up(article_url)
        bare_url = f"{base}/bench/bare/"
        wait_until_up(bare_url)
        load(article_url)  # warm-up: connections, caches of compiled templates
        article = load(article_url)
        bare = load(bare_url)
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(workdir, ignore_errors=True)

    database = "PostgreSQL" if "postgres" in env["DATABASE_URL"] else "SQLite"
    print(
        f"gunicorn {WORKERS} sync workers, {database}, wrk 2 threads x {CONNECTIONS} connections, {SECONDS}s each"
    )
    print(f"{'page':<16}{'bytes':>8}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}")
    print(
        f"{'article page':<16}{article_size:>8}{article[0]:>10.0f}{article[1]:>9.2f}{article[2]:>9.2f}"
    )
    print(f"{'bare view':<16}{article_size:>8}{bare[0]:>10.0f}{bare[1]:>9.2f}{bare[2]:>9.2f}")
    ratio = article[0] / bare[0]
    verdict = "meets" if ratio >= TARGET_RATIO else "MISSES"
    print(f"ratio article/bare: {ratio:.2f} ({verdict} the target of {TARGET_RATIO})")


if __name__ == "__main__":
    main()
