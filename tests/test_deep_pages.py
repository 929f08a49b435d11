"""Deep list pages by "older than" cursor (articles/keyset.py): the first pages keep their
numbers, older ones are reached by links that seek through the index, never by OFFSET."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from articles import keyset

from .factories import make_article, make_category

pytestmark = pytest.mark.django_db


@pytest.fixture
def long_list(settings, monkeypatch):
    """Eleven articles, two a page, numbers for the first two pages only."""
    settings.NEWSDESK = {**settings.NEWSDESK, "PAGE_SIZE": 2}
    monkeypatch.setattr(keyset, "NUMBERED_PAGES", 2)
    category = make_category(slug="maritime")
    now = timezone.now()
    # Two share a publication time: the id breaks the tie (the newer row first), so neither
    # is skipped or repeated where a page ends between them.
    times = [now.replace(microsecond=0) - timedelta(hours=n) for n in range(11)]
    times[5] = times[6]
    return [
        make_article(headline=f"Story {n}", published_at=at, categories=[category])
        for n, at in enumerate(times)
    ]


def headlines(page):
    return re.findall(r"Story [0-9]+", page)


def link(page, rel):
    found = re.search(rf'<a rel="{rel}" href="([^"]+)"', page)
    return found and found.group(1).replace("&amp;", "&")


def test_following_older_links_shows_every_article_once_newest_first(client, long_list):
    url, seen, pages = "/category/maritime/", [], []
    while url:
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        pages.append(page)
        seen += headlines(page)
        older = link(page, "next")
        url = older and "/category/maritime/" + older
    assert seen == ["Story 0", "Story 1", "Story 2", "Story 3", "Story 4"] + [
        "Story 6",
        "Story 5",
        "Story 7",
        "Story 8",
        "Story 9",
        "Story 10",
    ]
    assert "Page 2 of 6" in pages[1] and "?before=" in link(pages[1], "next")
    assert "Older articles" in pages[2] and "of 6" not in pages[2]


def test_newer_links_walk_back_to_the_same_pages(client, long_list):
    third_by_cursor = f"/category/maritime/?before={long_list[3].pk}"
    page = client.get(third_by_cursor).content.decode()
    assert headlines(page) == ["Story 4", "Story 6"]
    assert f'<link rel="canonical" href="http://example.com{third_by_cursor}">' in page
    newer = client.get("/category/maritime/" + link(page, "prev")).content.decode()
    assert headlines(newer) == ["Story 2", "Story 3"]
    newest = client.get("/category/maritime/" + link(newer, "prev")).content.decode()
    assert headlines(newest) == ["Story 0", "Story 1"]
    assert link(newest, "prev") is None


def test_a_deep_page_number_leads_to_the_last_numbered_page(client, long_list):
    response = client.get("/category/maritime/?page=5")
    assert response.status_code == 302
    assert response["Location"] == "/category/maritime/?page=2"
    assert client.get("/category/maritime/?page=7").status_code == 404  # past the end


def test_last_page_of_a_long_list_is_the_oldest_articles(client, long_list):
    page = client.get("/category/maritime/?page=last").content.decode()
    assert headlines(page) == ["Story 9", "Story 10"]
    assert headlines(client.get("/category/maritime/" + link(page, "prev")).content.decode()) == [
        "Story 7",
        "Story 8",
    ]


@pytest.mark.parametrize("query", ["before=abc", "before=-1", "after=1.5", "before=999999"])
def test_bad_cursors_are_not_found(client, long_list, query):
    assert client.get(f"/category/maritime/?{query}").status_code == 404


def test_a_cursor_past_the_end_is_not_found(client, long_list):
    assert client.get(f"/category/maritime/?before={long_list[-1].pk}").status_code == 404


def test_cursor_page_query_budget(client, long_list, django_assert_max_num_queries):
    # Site chrome aside: the category, the anchor's time, the page of articles.
    with django_assert_max_num_queries(8):
        response = client.get(f"/tag/nothing/?before={long_list[3].pk}")
    assert response.status_code == 404
    with django_assert_max_num_queries(12):
        assert client.get(f"/category/maritime/?before={long_list[3].pk}").status_code == 200
