"""Slow or crowded expensive pages answer 503 with Retry-After, never a 500 or a long wait."""

import pytest
from django.core.cache import cache
from django.db import connection

from articles import search

from ..factories import make_article

pytestmark = pytest.mark.django_db


def test_a_burst_of_searches_beyond_the_slots_answers_503_and_the_site_still_serves(
    client, settings
):
    settings.NEWSDESK = {**settings.NEWSDESK, "EXPENSIVE_PAGES_AT_ONCE": 1}
    make_article(headline="Frigate deal")
    cache.set("newsdesk:slots:search", 1, 60)  # one search already being built
    response = client.get("/search/", {"q": "frigate"})
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "try again" in response.content.decode()
    assert client.get("/").status_code == 200
    cache.set("newsdesk:slots:search", 0, 60)
    response = client.get("/search/", {"q": "frigate"})
    assert response.status_code == 200
    assert "Frigate deal" in response.content.decode()
    assert cache.get("newsdesk:slots:search") == 0  # the slot is given back


def test_sitemaps_share_a_bound(client, settings):
    settings.NEWSDESK = {**settings.NEWSDESK, "EXPENSIVE_PAGES_AT_ONCE": 1}
    cache.set("newsdesk:slots:sitemaps", 1, 60)
    assert client.get("/sitemap.xml").status_code == 503
    assert client.get("/sitemap-articles.xml").status_code == 503
    assert client.get("/robots.txt").status_code == 200


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="statement_timeout: PostgreSQL")
def test_a_statement_over_its_time_limit_answers_503_not_500(client, settings, monkeypatch):
    settings.NEWSDESK = {**settings.NEWSDESK, "EXPENSIVE_STATEMENT_TIMEOUT_MS": 50}

    def slow_search(query, **filters):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(2)")
        return search.Article.objects.none()

    monkeypatch.setattr(search, "search_articles", slow_search)
    client.raise_request_exception = False
    response = client.get("/search/", {"q": "anything"})
    assert response.status_code == 503
    assert response["Retry-After"] == "5"


def current_settings():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('statement_timeout'), current_setting('plan_cache_mode')"
        )
        return cursor.fetchone()


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="planner settings: PostgreSQL")
def test_a_search_plans_for_its_own_words_and_leaves_the_settings_as_they_were(
    client, settings, monkeypatch
):
    settings.NEWSDESK = {**settings.NEWSDESK, "EXPENSIVE_STATEMENT_TIMEOUT_MS": 1234}
    make_article(headline="Frigate deal")
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('statement_timeout', '7s', false)")
    before = current_settings()
    seen = []
    real_search = search.search_articles

    def watched_search(query, **filters):
        seen.append(current_settings())
        return real_search(query, **filters)

    monkeypatch.setattr(search, "search_articles", watched_search)
    assert client.get("/search/", {"q": "frigate"}).status_code == 200
    assert seen == [("1234ms", "force_custom_plan")]
    assert current_settings() == before == ("7s", "auto")


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="parameter limit: PostgreSQL")
def test_bulk_writes_beyond_a_statements_parameter_limit(settings):
    from django.db import connection as db
    from taggit.models import Tag

    assert db.features.max_query_params == 65_535  # parameters sent apart (test settings)
    tags = [Tag(name=f"bulk tag {n}", slug=f"bulk-tag-{n}") for n in range(40_000)]
    Tag.objects.bulk_create(tags)  # two parameters a row: 80,000 in all
    assert Tag.objects.filter(name__startswith="bulk tag ").count() == 40_000
    deleted, _ = Tag.objects.filter(name__startswith="bulk tag ").delete()
    assert deleted == 40_000
