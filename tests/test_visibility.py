"""End to end: a draft or scheduled article is absent from every reader surface."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article

from .factories import make_article, make_category, make_source

pytestmark = pytest.mark.django_db

SURFACES = [
    "/",
    "/category/cyber/",
    "/tag/japan/",
    "/source/agency/",
    "/search/?q=zeppelin",
    "/feed/",
    "/feed/atom/",
    "/category/cyber/feed/",
    "/tag/japan/feed/atom/",
    "/sitemap-articles.xml",
    "/sitemap-news.xml",
]


@pytest.mark.parametrize(
    ("status", "delta"),
    [
        (Article.Status.DRAFT, timedelta(hours=-1)),
        (Article.Status.DRAFT, timedelta(hours=1)),
        (Article.Status.PUBLISHED, timedelta(hours=1)),
    ],
)
def test_hidden_articles_appear_nowhere(client, status, delta):
    category, source = make_category(slug="cyber"), make_source(slug="agency")
    shared = {"categories": [category], "tags": ["Japan"], "source": source}
    make_article(
        headline="Visible zeppelin story",
        slug="visible",
        published_at=timezone.now() - timedelta(hours=1),
        **shared,
    )
    make_article(
        headline="Hidden zeppelin story",
        slug="hidden-story",
        status=status,
        published_at=timezone.now() + delta,
        is_lead=True,
        **shared,
    )
    for url in SURFACES:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "visible" in body.lower(), url
        assert "Hidden zeppelin story" not in body and "hidden-story" not in body, url
