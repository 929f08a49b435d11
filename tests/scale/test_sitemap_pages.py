"""Long sitemap sections are split into pages of id ranges: every article exactly once, no
page over its limit, odd page numbers refused."""

import re
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.utils import timezone

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


@pytest.mark.parametrize("address", ["/sitemap.xml", "/sitemap-articles.xml"])
def test_a_built_page_is_kept_until_what_it_lists_changes(
    client, settings, django_assert_num_queries, address
):
    # The whole-page cache off: this is the layer below it, which serves a process after that
    # cache's entry was outdated by something the sitemaps do not show.
    settings.NEWSDESK = {**settings.NEWSDESK, "PAGE_CACHE_SECONDS": 0}
    make_article(slug="first-story", published_at=timezone.now() - timedelta(days=3))
    built = client.get(address)
    with django_assert_num_queries(0):
        kept = client.get(address)
    assert kept.status_code == 200
    assert kept.content == built.content
    assert kept["Content-Type"] == built["Content-Type"]
    assert kept["X-Robots-Tag"] == "noindex, noodp, noarchive"

    make_article(slug="second-story")
    fresh = client.get(address)
    assert fresh.content != built.content
    if address == "/sitemap-articles.xml":
        assert "/news/second-story/" in fresh.content.decode()


def test_each_page_number_is_kept_apart(client, settings, monkeypatch):
    settings.NEWSDESK = {**settings.NEWSDESK, "PAGE_CACHE_SECONDS": 0}
    monkeypatch.setattr(ArticleSitemap, "limit", 1)
    make_article(slug="story-1")
    make_article(slug="story-2")
    first = client.get("/sitemap-articles.xml", {"p": 1}).content.decode()
    second = client.get("/sitemap-articles.xml", {"p": 2}).content.decode()
    assert "story-1" in first and "story-2" not in first
    assert "story-2" in second and "story-1" not in second
    # Other parameters do not make pages of their own.
    assert (
        client.get("/sitemap-articles.xml", {"p": 2, "utm_source": "x"}).content.decode() == second
    )


def test_odd_spellings_of_a_page_number_are_never_kept(client, settings, monkeypatch):
    settings.NEWSDESK = {**settings.NEWSDESK, "PAGE_CACHE_SECONDS": 0}
    make_article(slug="story-1")
    fragments = caches["template_fragments"]
    stored = set()
    keep = fragments.set

    def recording_set(key, *args, **kwargs):
        stored.add(key)
        return keep(key, *args, **kwargs)

    monkeypatch.setattr(fragments, "set", recording_set)
    for spelling in ["01", "+1", " 1", "1_0", "1"]:
        client.get("/sitemap-articles.xml", {"p": spelling})
    for index_parameter in ["01", "x", "2"]:
        client.get("/sitemap.xml", {"p": index_parameter})
    # One entry for page 1 of the section (asked as "1"), one for the index; the 404 pages
    # keep their own masthead fragments.
    kept = [key for key in stored if key.startswith("sitemap:")]
    assert len(kept) == 2, kept
