"""Long sitemap sections are split into pages of id ranges: every article exactly once, no
page over its limit, odd page numbers refused."""

import re

import pytest

from articles.sitemaps import ArticleSitemap

from ..factories import make_article

pytestmark = pytest.mark.django_db


def test_pages_cover_every_article_once(client, monkeypatch):
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    articles = [make_article(slug=f"story-{n}") for n in range(5)]
    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-articles.xml?p=3" in index
    assert "sitemap-articles.xml?p=4" not in index
    seen = []
    for page in [1, 2, 3]:
        response = client.get("/sitemap-articles.xml", {"p": page})
        assert response.status_code == 200
        found = re.findall(
            r"<loc>http://example.com/news/(story-\d)/</loc>", response.content.decode()
        )
        assert 1 <= len(found) <= 2
        seen.extend(found)
    assert sorted(seen) == sorted(article.slug for article in articles)
    for odd in ["4", "0", "x", "-1"]:
        assert client.get("/sitemap-articles.xml", {"p": odd}).status_code == 404
