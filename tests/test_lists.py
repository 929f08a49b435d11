"""Category, tag and source pages: newest first, paginated, 404 on bad pages, feeds advertised."""

from datetime import timedelta

import pytest
from django.urls import resolve, reverse
from django.utils import timezone

from articles.models import Article

from .factories import make_article, make_category, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_pages(settings):
    settings.NEWSDESK = {**settings.NEWSDESK, "PAGE_SIZE": 2}
    return 2


def test_public_urls_resolve():
    assert reverse("articles:source", kwargs={"slug": "reuters"}) == "/source/reuters/"
    assert reverse("articles:search") == "/search/"
    assert resolve("/category/cyber/feed/").url_name == "category-feed"
    assert resolve("/tag/japan/feed/atom/").url_name == "tag-feed-atom"
    assert resolve("/feed/").url_name == "feed"
    assert resolve("/sitemap.xml").url_name == "sitemap-index"
    assert resolve("/robots.txt").url_name == "robots"


def test_category_page_lists_newest_first_with_heading_description_and_feeds(client):
    category = make_category(name="Cyber", slug="cyber", description="Hacks and defences.")
    now = timezone.now()
    make_article(
        headline="Older cyber story", categories=[category], published_at=now - timedelta(days=2)
    )
    make_article(
        headline="Newer cyber story", categories=[category], published_at=now - timedelta(days=1)
    )
    make_article(headline="Draft cyber story", categories=[category], status=Article.Status.DRAFT)
    make_article(headline="Elsewhere")
    page = client.get("/category/cyber/").content.decode()
    assert "<h1>Cyber</h1>" in page
    assert "Hacks and defences." in page
    assert page.index("Newer cyber story") < page.index("Older cyber story")
    assert "Draft cyber story" not in page and "Elsewhere" not in page
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Cyber (RSS)" href="/category/cyber/feed/">'
        in page
    )
    assert (
        'type="application/atom+xml" title="Cyber (Atom)" href="/category/cyber/feed/atom/"' in page
    )
    assert '<a href="/category/cyber/feed/">RSS feed</a>' in page


def test_tag_page_lists_tagged_articles_with_feeds(client):
    make_article(headline="Tagged story", tags=["Naval cooperation"])
    make_article(headline="Untagged story")
    page = client.get("/tag/naval-cooperation/").content.decode()
    assert "<h1>Naval cooperation</h1>" in page
    assert "Tagged story" in page and "Untagged story" not in page
    assert 'href="/tag/naval-cooperation/feed/"' in page


def test_source_page_lists_what_a_source_supplied(client):
    voa = make_source(
        name="Voice of America", slug="voice-of-america", url="https://www.voanews.com/"
    )
    make_article(headline="From VOA", source=voa)
    make_article(headline="From elsewhere", source=make_source())
    assert voa.get_absolute_url() == "/source/voice-of-america/"
    page = client.get(voa.get_absolute_url()).content.decode()
    assert "<h1>Voice of America</h1>" in page
    assert "From VOA" in page and "From elsewhere" not in page
    assert client.get("/source/nobody/").status_code == 404


def test_pagination_pages_and_links(client, small_pages):
    category = make_category(slug="maritime")
    for n in range(5):
        make_article(headline=f"Maritime {n}", categories=[category])
    first = client.get("/category/maritime/").content.decode()
    assert "Page 1 of 3" in first
    assert '<a rel="next" href="?page=2">' in first
    third = client.get("/category/maritime/?page=3").content.decode()
    assert "Maritime 4" in third and "Maritime 0" not in third
    assert '<link rel="canonical" href="http://example.com/category/maritime/?page=3">' in third


@pytest.mark.parametrize(
    "page", ["0", "4", "abc", "-1", "1.5", "99999999999999999999999", "last%00"]
)
@pytest.mark.parametrize("url", ["/category/maritime/", "/tag/sea/", "/source/agency/"])
def test_bad_page_numbers_are_not_found(client, small_pages, url, page):
    category = make_category(slug="maritime")
    source = make_source(slug="agency")
    for _ in range(5):
        make_article(categories=[category], tags=["sea"], source=source)
    assert client.get(f"{url}?page={page}").status_code == 404


def test_last_page_by_name_works(client, small_pages):
    category = make_category(slug="maritime")
    for _ in range(3):
        make_article(categories=[category])
    assert client.get("/category/maritime/?page=last").status_code == 200


def test_unknown_category_and_tag_are_not_found(client):
    assert client.get("/category/nothing/").status_code == 404
    assert client.get("/tag/nothing/").status_code == 404


@pytest.mark.parametrize("scale", [1, 15])
def test_list_pages_query_budget_does_not_grow(
    client, django_assert_max_num_queries, site_cache, scale
):
    categories = [make_category() for _ in range(scale)]
    source = make_source(slug="agency")
    for n in range(3 * scale):
        make_article(categories=categories, tags=["sea", f"tag {n}"], source=source)
    for url in [categories[0].get_absolute_url(), "/tag/sea/", "/source/agency/"]:
        # the category/tag/source, the count, the page of articles with their sources (joined),
        # their categories, the masthead's categories.
        with django_assert_max_num_queries(5):
            response = client.get(url)
        assert response.status_code == 200
