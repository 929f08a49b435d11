"""What the in-process benchmarks share (bench/page_costs.py, bench/query_plans.py): production
settings with every cache off, so each request builds its page, and the reader pages of
bench/pages.py as a label -> address dict, worked out on the database DATABASE_URL names."""

import contextlib
import io
import json
import os
import sys
from pathlib import Path

ROOT = Path(os.environ.get("BENCH_ROOT", Path(__file__).resolve().parent.parent))


def setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "k" * 50)
    os.environ.setdefault("ALLOWED_HOSTS", "localhost")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    os.environ["FRAGMENT_CACHE_SECONDS"] = "0"
    os.environ["PAGE_CACHE_SECONDS"] = "0"  # every request builds its page
    import django

    django.setup()


def reader_pages() -> dict[str, str]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from pages import PAGES_SCRIPT

    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        exec(PAGES_SCRIPT, namespace)  # noqa: S102 - our own script, the page list
    return json.loads(printed.getvalue().strip().splitlines()[-1])
