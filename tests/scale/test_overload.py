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
