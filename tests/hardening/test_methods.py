"""Feeds, sitemaps and robots.txt are read, never written: GET and HEAD only."""

import pytest

from articles.models import AuthorProfile
from tests.factories import make_article, make_category, make_source
from workflow.models import ArticleNote

pytestmark = pytest.mark.django_db

READ_ONLY = [
    "/feed/",
    "/feed/atom/",
    "/category/cyber/feed/",
    "/category/cyber/feed/atom/",
    "/tag/japan/feed/",
    "/tag/japan/feed/atom/",
    "/author/aiko/feed/",
    "/author/aiko/feed/atom/",
    "/source/reuters/feed/",
    "/source/reuters/feed/atom/",
    "/corrections/feed/",
    "/corrections/feed/atom/",
    "/sitemap.xml",
    "/sitemap-articles.xml",
    "/sitemap-news.xml",
    "/robots.txt",
]


@pytest.fixture(autouse=True)
def content():
    article = make_article(
        categories=[make_category(slug="cyber")],
        tags=["Japan"],
        author_profile=AuthorProfile.objects.create(name="Aiko", slug="aiko"),
        source=make_source(name="Reuters", slug="reuters"),
    )
    ArticleNote.objects.create(article=article, text="Wrong year.")


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
