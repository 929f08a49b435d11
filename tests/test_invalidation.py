"""A change outdates the cached pages that show it, and only those, in every process."""

import uuid

import pytest
from django.contrib.sites.models import Site
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.test import Client

from articles import cache_tags
from articles.models import Article
from comments import services as comment_services
from comments.models import Comment
from workflow import services as workflow_services

from .factories import make_article, make_category, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(site_cache, editor):
    """Two unrelated corners of the site, every page of them cached by an anonymous reader."""
    navy = make_category(name="Navy", slug="navy", show_on_home=True)
    space = make_category(name="Space", slug="space", show_on_home=True)
    agency, press = make_source(slug="agency"), make_source(slug="press")
    frigate = make_article(
        headline="Frigate launched", slug="frigate", categories=[navy], tags=["ships"],
        source=agency,
    )  # fmt: skip
    rocket = make_article(
        headline="Rocket lifts off", slug="rocket", categories=[space], tags=["launchers"],
        source=press,
    )  # fmt: skip
    reader = Client()
    for url in PAGES.values():
        assert reader.get(url).status_code == 200
    return {"frigate": frigate, "rocket": rocket, "navy": navy, "editor": editor, "reader": reader}


PAGES = {
    "home": "/",
    "frigate": "/news/frigate/",
    "rocket": "/news/rocket/",
    "navy": "/category/navy/",
    "space": "/category/space/",
    "ships": "/tag/ships/",
    "launchers": "/tag/launchers/",
    "agency": "/source/agency/",
    "press": "/source/press/",
    "feed": "/feed/",
    "navy feed": "/category/navy/feed/",
    "sitemap": "/sitemap.xml",
    "news sitemap": "/sitemap-news.xml",
    "search": "/search/?q=launched",
    "robots": "/robots.txt",
}


def refreshed(reader):
    """The pages that had to be rendered again."""
    return {name for name, url in PAGES.items() if reader.get(url)["X-Page-Cache"] == "miss"}


def test_publishing_refreshes_the_pages_listing_the_article_and_no_other(desk):
    draft = make_article(
        headline="Destroyer commissioned", slug="destroyer", status=Article.Status.DRAFT,
        categories=[desk["navy"]], tags=["ships"], source=desk["frigate"].source,
    )  # fmt: skip
    assert refreshed(desk["reader"]) == set()  # a draft is on no reader page
    workflow_services.publish_now(article=draft, by=desk["editor"])
    assert refreshed(desk["reader"]) == {
        "home", "navy", "ships", "agency", "feed", "navy feed", "sitemap", "news sitemap",
        "search",
    }  # fmt: skip
    for url in ["/", "/category/navy/", "/tag/ships/", "/source/agency/", "/feed/"]:
        assert "Destroyer commissioned" in desk["reader"].get(url).content.decode()


def test_editing_an_article_refreshes_its_page_and_lists(desk):
    frigate = desk["frigate"]
    frigate.headline = "Frigate launched early"
    frigate.save()
    assert refreshed(desk["reader"]) == {
        "home", "frigate", "navy", "ships", "agency", "feed", "navy feed", "sitemap",
        "news sitemap", "search",
    }  # fmt: skip
    assert "Frigate launched early" in desk["reader"].get("/news/frigate/").content.decode()


def test_unpublishing_takes_the_article_off_every_page(desk):
    workflow_services.unpublish(article=desk["frigate"], by=desk["editor"])
    reader = desk["reader"]
    assert reader.get("/news/frigate/").status_code == 404
    for url in ["/", "/category/navy/", "/feed/", "/sitemap-news.xml"]:
        assert "frigate" not in reader.get(url).content.decode().lower()
    # Every article page may link to it among related articles: all of them are rebuilt.
    assert reader.get("/news/rocket/")["X-Page-Cache"] == "miss"


def test_a_moderation_decision_refreshes_that_article_page_only(desk, moderator):
    comment = Comment.objects.create(
        article=desk["frigate"], name="Reader", email="r@example.org", body="Well built ship",
    )  # fmt: skip
    assert refreshed(desk["reader"]) == set()  # pending: shown to no one else
    comment_services.approve_comment(comment=comment, moderator=moderator)
    assert refreshed(desk["reader"]) == {"frigate"}
    assert "Well built ship" in desk["reader"].get("/news/frigate/").content.decode()


def test_a_correction_refreshes_the_article_and_its_lists_then_an_edit_of_it_the_page(desk):
    note = workflow_services.add_note(
        article=desk["frigate"], kind="correction", text="The hull is steel.", by=desk["editor"]
    )
    # The article is now "Updated": feeds and sitemaps show that time too.
    assert {"frigate", "home", "feed", "sitemap"} <= refreshed(desk["reader"])
    assert "The hull is steel." in desk["reader"].get("/news/frigate/").content.decode()
    note.text = "The hull is high-tensile steel."
    note.save()
    assert refreshed(desk["reader"]) == {"frigate"}
    assert "high-tensile" in desk["reader"].get("/news/frigate/").content.decode()


def test_renaming_a_category_refreshes_what_shows_the_navigation(desk):
    desk["navy"].name = "Naval forces"
    desk["navy"].save()
    html_pages = {name for name in PAGES if "feed" not in name and "sitemap" not in name}
    assert refreshed(desk["reader"]) == (html_pages - {"robots"}) | {
        "feed", "navy feed", "sitemap", "news sitemap",
    }  # fmt: skip
    assert ">Naval forces</a>" in desk["reader"].get("/news/rocket/").content.decode()


def test_a_new_site_domain_refreshes_every_page(desk):
    site = Site.objects.get_current()
    site.domain = "news.example.org"
    site.save()
    assert refreshed(desk["reader"]) == set(PAGES)


def two_clients_of_one_shared_cache(kind, prefix):
    if kind == "locmem":
        # Two cache objects over one memory, as two threads or workers configured alike.
        return [LocMemCache("shared-between-processes", {"KEY_PREFIX": prefix}) for _ in "ab"]
    location = "redis://127.0.0.1:6379/10"
    clients = [RedisCache(location, {"KEY_PREFIX": prefix}) for _ in "ab"]
    try:
        clients[0].get("ping")
    except Exception as unreachable:  # noqa: BLE001
        pytest.skip(f"no Redis at {location}: {unreachable}")
    return clients


@pytest.mark.parametrize("kind", ["locmem", "redis"])
def test_a_change_made_in_one_process_is_seen_by_the_next_request_to_another(
    desk, kind, monkeypatch
):
    """Process A (the editor's) bumps through its own cache client; process B, with its own
    client on the same shared cache and its own fragments in memory, serves the next reader."""
    process_a, process_b = two_clients_of_one_shared_cache(kind, f"test-{uuid.uuid4().hex}")
    current = {"client": process_b}
    monkeypatch.setattr(type(caches), "__getitem__", lambda self, alias: _route(alias, current))
    try:
        reader = Client()
        assert reader.get("/news/frigate/")["X-Page-Cache"] == "miss"
        assert reader.get("/news/frigate/")["X-Page-Cache"] == "hit"
        current["client"] = process_a
        frigate = Article.objects.get(slug="frigate")
        frigate.headline = "Frigate renamed in process A"
        frigate.save()
        current["client"] = process_b
        page = reader.get("/news/frigate/")
        assert page["X-Page-Cache"] == "miss"
        assert "Frigate renamed in process A" in page.content.decode()
        assert reader.get("/news/rocket/")["X-Page-Cache"] == "miss"  # first visit in B
        assert reader.get("/news/rocket/")["X-Page-Cache"] == "hit"
    finally:
        forget_this_tests_keys(process_a)


def forget_this_tests_keys(client):
    """Only this test's keys go: Redis's clear() would flush the whole database under the other
    tests and test runs that share it (pytest-xdist workers, a second checkout)."""
    if isinstance(client, LocMemCache):
        client.clear()
        return
    redis = client._cache.get_client(write=True)
    for key in redis.scan_iter(f"{client.key_prefix}:*"):
        redis.delete(key)


_real_getitem = type(caches).__getitem__


def _route(alias, current):
    if alias == "default":
        return current["client"]
    return _real_getitem(caches, alias)


def test_tag_versions_are_read_in_one_round_trip_and_survive_a_flush():
    before = cache_tags.versions(["home", "feeds"])
    cache_tags.bump("home")
    after = cache_tags.versions(["home", "feeds"])
    assert after["home"] > before["home"]
    assert after["feeds"] == before["feeds"]
    caches["default"].clear()
    # A fresh version is above every version used before: nothing stored earlier matches.
    assert cache_tags.versions(["home"])["home"] > after["home"]
