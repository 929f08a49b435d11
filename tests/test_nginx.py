"""The documented nginx configuration (deploy/nginx/newsdesk.conf), run for real in front of the
site: it keeps what the site shares, passes personal requests through, and follows a change
within the site's s-maxage."""

import os
import time
import urllib.request

import pytest

from bench.nginx_proxy import free_port, nginx_binary, nginx_in_front

from .factories import make_article

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        nginx_binary() is None, reason="nginx not installed (apt-get install nginx-light)"
    ),
]
PORTS = os.environ.get("TEST_PORTS", "9000-9099")


def this_workers_ports() -> tuple[int, int]:
    """This test process's own slice [start, end) of TEST_PORTS. Under pytest-xdist two workers
    probing one range at the same moment could both find a port free and start two nginx on it;
    each worker takes its own share instead (a second run side by side sets its own TEST_PORTS)."""
    start, end = (int(part) for part in PORTS.split("-"))
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    index = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
    share = (end + 1 - start) // workers
    assert share > 0, f"TEST_PORTS={PORTS} has fewer ports than the {workers} test workers"
    return start + index * share, start + (index + 1) * share


@pytest.fixture
def nginx(live_server, tmp_path, settings):
    settings.NEWSDESK = {**settings.NEWSDESK, "PAGE_MAX_AGE": 1, "PAGE_S_MAXAGE": 1}
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    port = free_port(*this_workers_ports())
    upstream = live_server.url.removeprefix("http://")
    with nginx_in_front(upstream=upstream, port=port, workdir=tmp_path / "nginx"):
        yield f"http://127.0.0.1:{port}"


def fetch(url, **headers):
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers, response.read()


def test_nginx_keeps_shared_pages_and_unpacks_them_for_whoever_cannot_take_gzip(nginx):
    article = make_article(headline="Behind the proxy")
    url = nginx + article.get_absolute_url()
    first, body = fetch(url)
    assert first["X-Cache-Status"] == "MISS"
    again, body_again = fetch(url)
    assert again["X-Cache-Status"] == "HIT"
    assert "Behind the proxy" in body_again.decode()
    assert body_again == body
    assert again["Cache-Control"].startswith("public")
    gzipped, compressed = fetch(url, **{"Accept-Encoding": "gzip"})
    assert gzipped["X-Cache-Status"] == "HIT"
    assert gzipped["Content-Encoding"] == "gzip"
    assert len(compressed) < len(body) / 2


@pytest.mark.parametrize("cookie", ["sessionid=abc", "newsdesk_pending=1:abc", "a=1; sessionid=x"])
def test_nginx_passes_personal_requests_through_and_never_stores_them(nginx, cookie):
    article = make_article()
    url = nginx + article.get_absolute_url()
    fetch(url)
    headers, _ = fetch(url, Cookie=cookie)
    assert headers["X-Cache-Status"] == "BYPASS"
    assert "private" in headers["Cache-Control"]


def test_a_cookie_that_only_looks_alike_does_not_bypass(nginx):
    article = make_article()
    url = nginx + article.get_absolute_url()
    fetch(url)
    headers, _ = fetch(url, Cookie="not_sessionid=1")
    assert headers["X-Cache-Status"] == "HIT"


def test_a_published_article_reaches_readers_behind_nginx_within_s_maxage(nginx):
    make_article(headline="First story")
    _, home = fetch(nginx + "/")
    assert "First story" in home.decode()
    make_article(headline="Breaking story")
    published = time.monotonic()
    while time.monotonic() - published < 5:
        headers, home = fetch(nginx + "/")
        if "Breaking story" in home.decode():
            break
        time.sleep(0.1)
    assert "Breaking story" in home.decode()
    # s-maxage is 1 s here: one expiry, one refresh in the background.
    assert time.monotonic() - published < 3
