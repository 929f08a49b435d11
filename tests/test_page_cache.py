"""The whole-page cache: what it serves, to whom, and the HTTP caching headers of reader pages."""

import gzip
from datetime import timedelta
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.http import http_date

from articles.models import Article
from comments.pending import PENDING_COOKIE

from .factories import make_article, make_category, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(site_cache):
    category = make_category(slug="europe", show_on_home=True)
    source = make_source(slug="agency")
    article = make_article(
        headline="Frigate launched", slug="frigate", categories=[category], source=source,
        tags=["Navy"],
    )  # fmt: skip
    return article


READER_PAGES = [
    "/",
    "/news/frigate/",
    "/category/europe/",
    "/tag/navy/",
    "/source/agency/",
    "/search/?q=frigate",
    "/feed/",
    "/feed/atom/",
    "/category/europe/feed/",
    "/tag/navy/feed/atom/",
    "/sitemap.xml",
    "/sitemap-articles.xml",
    "/sitemap-news.xml",
    "/robots.txt",
]


@pytest.mark.parametrize("url", READER_PAGES)
def test_a_cache_hit_makes_no_query(client, content, url, django_assert_num_queries):
    first = client.get(url)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content


def test_a_hit_sends_the_page_gzipped_to_whoever_accepts_it(client, content):
    plain = client.get("/news/frigate/").content
    compressed = client.get("/news/frigate/", headers={"accept-encoding": "gzip, br"})
    assert compressed["X-Page-Cache"] == "hit"
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain
    assert int(compressed["Content-Length"]) == len(compressed.content) < len(plain) / 2


def test_a_miss_is_gzipped_too(client, content):
    response = client.get("/feed/", headers={"accept-encoding": "gzip"})
    assert response["X-Page-Cache"] == "miss"
    assert response["Content-Encoding"] == "gzip"
    assert b"Frigate launched" in gzip.decompress(response.content)


def test_with_the_cache_off_pages_are_still_gzipped_for_whoever_asks(client, content, settings):
    settings.NEWSDESK = {**settings.NEWSDESK, "PAGE_CACHE_SECONDS": 0}
    plain = client.get("/news/frigate/")
    compressed = client.get("/news/frigate/", headers={"accept-encoding": "gzip"})
    assert compressed["X-Page-Cache"] == "miss"
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert "Content-Encoding" not in plain and b"Frigate launched" in plain.content
    # Nothing kept: the next reader gets the page built again.
    assert client.get("/news/frigate/")["X-Page-Cache"] == "miss"


def test_head_is_answered_from_the_page_get_stored(client, content):
    client.get("/news/frigate/")
    response = client.head("/news/frigate/")
    assert response["X-Page-Cache"] == "hit"
    assert response.content == b""


def test_shared_pages_tell_browsers_and_proxies_how_long_to_keep_them(client, content, settings):
    settings.NEWSDESK = {
        **settings.NEWSDESK, "PAGE_MAX_AGE": 10, "PAGE_S_MAXAGE": 30,
        "PAGE_STALE_WHILE_REVALIDATE": 60,
    }  # fmt: skip
    for response in (client.get("/news/frigate/"), client.get("/news/frigate/")):
        assert response["Cache-Control"] == (
            "public, max-age=10, s-maxage=30, stale-while-revalidate=60"
        )
        assert response["Vary"] == "Accept-Encoding"
        assert response["ETag"].startswith('W/"')
        assert response["Last-Modified"]
        assert not response.cookies


@pytest.mark.parametrize("hit", [False, True])
def test_a_conditional_request_for_an_unchanged_page_gets_304(client, content, hit):
    first = client.get("/")
    if hit:
        client.get("/")
    response = client.get("/", headers={"if-none-match": first["ETag"]})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == first["ETag"]
    assert "public" in response["Cache-Control"]
    since = client.get("/", headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 304


def test_a_changed_page_answers_a_conditional_request_in_full(client, content):
    etag = client.get("/").get("ETag")
    make_article(headline="Second story")
    response = client.get("/", headers={"if-none-match": etag})
    assert response.status_code == 200
    assert "Second story" in response.content.decode()
    assert response["ETag"] != etag


def test_feeds_answer_if_modified_since_with_304(client, content):
    last_modified = client.get("/feed/")["Last-Modified"]
    assert last_modified == http_date(content.published_at.timestamp())
    assert client.get("/feed/", headers={"if-modified-since": last_modified}).status_code == 304


def test_a_signed_in_editor_neither_gets_nor_fills_the_shared_page(client, editor, content):
    client.get("/news/frigate/")  # an anonymous reader caches the page
    Article.objects.filter(pk=content.pk).update(headline="Fixed quietly")  # no signal
    editor_client = Client()
    editor_client.force_login(editor)
    page = editor_client.get("/news/frigate/")
    assert "Fixed quietly" in page.content.decode()
    assert "X-Page-Cache" not in page
    assert {"private", "no-store"} <= set(page["Cache-Control"].split(", "))
    assert "public" not in page["Cache-Control"]
    # And what the editor saw was not stored for readers.
    other = make_article(slug="other")
    editor_client.get(other.get_absolute_url())
    assert Client().get(other.get_absolute_url())["X-Page-Cache"] == "miss"


def test_a_browser_with_pending_comments_neither_gets_nor_fills_the_shared_page(client, content):
    client.get("/news/frigate/")
    Article.objects.filter(pk=content.pk).update(headline="Fixed quietly")  # no signal
    pending = Client()
    pending.cookies[PENDING_COOKIE] = "anything"
    response = pending.get("/news/frigate/")
    assert "Fixed quietly" in response.content.decode()
    assert "X-Page-Cache" not in response
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    assert "public" not in response["Cache-Control"]
    # The shared page is still the one anonymous readers had, untouched by that visit.
    assert client.get("/news/frigate/")["X-Page-Cache"] == "hit"


def test_a_session_cookie_alone_keeps_the_shared_page_away(client, content):
    client.get("/")
    visitor = Client()
    visitor.cookies["sessionid"] = "someone-signed-in-perhaps"
    response = visitor.get("/")
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_only_reader_pages_are_stored(client, content, editor):
    assert "X-Page-Cache" not in client.get("/admin/login/")
    assert "X-Page-Cache" not in client.get("/comments/token/")
    missing = client.get("/news/no-such-story/")
    assert missing.status_code == 404
    assert "X-Page-Cache" not in missing
    assert "public" not in missing.get("Cache-Control", "")


def test_a_post_is_never_answered_from_the_cache(client, content):
    client.get("/news/frigate/")
    response = client.post("/news/frigate/comment/", {})
    assert "X-Page-Cache" not in response


def test_a_scheduled_article_appears_on_cached_lists_at_its_time(client, content, settings):
    publication = timezone.now() + timedelta(minutes=20)
    make_article(headline="Embargoed until noon", published_at=publication)
    home = client.get("/")
    assert "Embargoed until noon" not in home.content.decode()
    # Kept no longer than until the publication, by the page cache and by HTTP caches.
    s_maxage = int(home["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert s_maxage <= min(settings.NEWSDESK["PAGE_S_MAXAGE"], 20 * 60)
    assert client.get("/")["X-Page-Cache"] == "hit"
    with mock.patch("django.utils.timezone.now", return_value=publication + timedelta(seconds=1)):
        later = client.get("/")
    assert later["X-Page-Cache"] == "miss"
    assert "Embargoed until noon" in later.content.decode()


def test_an_article_page_is_not_cut_short_by_a_scheduled_article(client, content):
    make_article(published_at=timezone.now() + timedelta(seconds=5))
    response = client.get("/news/frigate/")
    assert "s-maxage=30" in response["Cache-Control"]
    assert "s-maxage=30" in client.get("/news/frigate/")["Cache-Control"]


def test_the_page_cache_can_be_turned_off(client, content, settings):
    settings.NEWSDESK = {**settings.NEWSDESK, "PAGE_CACHE_SECONDS": 0}
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert "public" in client.get("/")["Cache-Control"]


def test_a_shared_preview_link_is_never_stored_nor_public(client, content):
    from workflow.previews import preview_link

    draft = make_article(slug="draft-story", status=Article.Status.DRAFT)
    link = preview_link(draft.pk)
    for _ in range(2):
        response = client.get(link)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]
