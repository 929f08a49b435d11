"""Feeds, sitemaps and robots.txt are read, never written: GET and HEAD only."""

import pytest

from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db

READ_ONLY = [
    "/feed/",
    "/feed/atom/",
    "/category/cyber/feed/",
    "/category/cyber/feed/atom/",
    "/tag/japan/feed/",
    "/tag/japan/feed/atom/",
    "/sitemap.xml",
    "/sitemap-articles.xml",
    "/sitemap-news.xml",
    "/robots.txt",
]


@pytest.fixture(autouse=True)
def content():
    make_article(categories=[make_category(slug="cyber")], tags=["Japan"])


@pytest.mark.parametrize("url", READ_ONLY)
def test_get_and_head_answer(client, url):
    assert client.get(url).status_code == 200
    head = client.head(url)
    assert head.status_code == 200 and head.content == b""


@pytest.mark.parametrize("method", ["post", "put", "delete", "options", "trace", "patch"])
@pytest.mark.parametrize("url", READ_ONLY)
def test_other_methods_are_not_allowed(client, url, method):
    response = getattr(client, method)(url)
    assert response.status_code == 405
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD"}
