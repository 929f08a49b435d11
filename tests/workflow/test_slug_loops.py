"""A slug changed back and forth never loops, even for a browser that cached an old redirect."""

import re

import pytest

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def rename(article, slug):
    article.slug = slug
    article.save()


def follow(client, path, cached, limit=10):
    """Follow redirects as a browser does, using the 301s it cached on the way."""
    seen = []
    for _ in range(limit):
        seen.append(path)
        if path in cached:
            path = cached[path]
            continue
        response = client.get(path)
        if response.status_code in (301, 308):
            cached[path] = response["Location"]
        if response.status_code not in (301, 302, 307, 308):
            return response, seen
        path = response["Location"]
    raise AssertionError(f"redirect loop: {seen}")


def test_a_browser_that_cached_the_first_redirect_never_loops(client):
    article = make_article(slug="one", headline="Back and forth")
    cached: dict[str, str] = {}
    rename(article, "two")
    response, _ = follow(client, "/news/one/", cached)  # caches one -> two
    assert cached == {"/news/one/": "/news/two/"}
    rename(article, "one")  # e.g. a restored revision
    for start in ("/news/one/", "/news/two/"):
        response, _ = follow(client, start, cached)
        assert response.status_code == 200
        assert "Back and forth" in response.content.decode()
        # The page names its one address, whichever path served it.
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', response.content.decode())
        assert canonical is not None and canonical[1].endswith("/news/one/")


def test_many_back_and_forths_never_loop(client):
    article = make_article(slug="alpha")
    cached: dict[str, str] = {}
    used = {"alpha"}
    for slug in ["beta", "alpha", "beta", "gamma", "alpha"]:
        rename(article, slug)
        used.add(slug)
        for old in sorted(used):
            response, _ = follow(client, f"/news/{old}/", cached)
            assert response.status_code == 200


def test_a_plain_rename_still_answers_301_and_for_a_day_only(client):
    article = make_article(slug="first")
    rename(article, "second")
    response = client.get("/news/first/")
    assert (response.status_code, response["Location"]) == (301, "/news/second/")
    assert "max-age=86400" in response["Cache-Control"]


def test_a_unicode_slug_changed_back_and_forth_serves_its_article(client):
    from urllib.parse import quote

    article = make_article(slug="оборона", headline="Back and forth")
    cached: dict[str, str] = {}
    rename(article, "防衛省")
    follow(client, f"/news/{quote('оборона')}/", cached)
    rename(article, "оборона")
    for start in (f"/news/{quote('оборона')}/", f"/news/{quote('防衛省')}/"):
        response, _ = follow(client, start, cached)
        assert response.status_code == 200
        assert "Back and forth" in response.content.decode()
