"""Search at /search/?q=: PostgreSQL full text (weighted, ranked, highlighted), SQLite fallback."""

import pytest
from django.db import connection

from articles.models import Article
from articles.search import MAX_QUERY_LENGTH, clean_query

from .factories import make_article

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="full-text search runs on PostgreSQL"
)


def results_of(page: str) -> str:
    return page.split('class="list-header"', 1)[1]


def test_empty_query_shows_the_search_form(client):
    response = client.get("/search/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Search</h1>" in page
    assert 'role="search"' in page
    assert '<meta name="robots" content="noindex, follow">' in page


def test_finds_published_articles_by_headline_standfirst_and_body(client):
    make_article(headline="Frigate deal signed", standfirst="Canberra decides.")
    make_article(headline="Other", standfirst="A new frigate for the fleet.")
    make_article(headline="Third", body="<p>The frigate programme slips.</p>")
    make_article(headline="Draft frigate", status=Article.Status.DRAFT)
    make_article(headline="Unrelated tanks")
    page = results_of(client.get("/search/", {"q": "frigate"}).content.decode())
    assert "3 articles found." in page
    for headline in ["Frigate deal signed", "Other", "Third"]:
        assert headline in page
    assert "Draft frigate" not in page
    assert "Unrelated tanks" not in page


def test_matched_words_are_highlighted_and_everything_else_escaped(client):
    make_article(
        headline="Submarine <script>alert(1)</script> story",
        standfirst="A <b>submarine</b> & its crew.",
        body="<p>The submarine &lt;img src=x onerror=alert(1)&gt; surfaced.</p>",
    )
    page = results_of(client.get("/search/", {"q": "submarine"}).content.decode())
    assert "<mark>" in page
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page and "<b>submarine" not in page
    snippet = page.split('card__snippet">', 1)[1].split("</p>", 1)[0]
    assert snippet.replace("<mark>", "").replace("</mark>", "").count("<") == 0


HOSTILE = [
    "x" * 10_000,
    '"unclosed quote',
    "'single' \"double\" `back`",
    "& | ! :* <-> ( ) \\",
    "frigate & !",
    "!!!",
    "a:*",
    "nul\x00byte",
    "\x00",
    "emoji 🚢 zwj 👩‍✈️ rtl \u202eabc",
    "ｆｕｌｌｗｉｄｔｈ",
    "%00%27%22",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "   ",
    "or and not -",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_give_a_sensible_page(client, query):
    make_article(headline="Frigate deal", body="<p>abc frigate</p>")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    page = response.content.decode()
    assert "<script>alert(1)</script>" not in page
    assert 'role="search"' in page


@pytest.mark.parametrize("raw", ["%ED%B3%BF", "%FF%FE", "%C0%AF", "%E2%80%AE%00"])
def test_invalid_utf8_in_the_address_gives_a_page(client, raw):
    response = client.get(f"/search/?q={raw}")
    assert response.status_code == 200


def test_queries_are_capped_and_cleaned():
    assert len(clean_query("word " * 5000)) <= MAX_QUERY_LENGTH
    assert clean_query("nul\x00byte\ttab") == "nul byte tab"
    assert clean_query("  spaced   out ") == "spaced out"


def test_results_paginate_and_keep_the_query(client, settings):
    settings.NEWSDESK = {**settings.NEWSDESK, "PAGE_SIZE": 2}
    for n in range(5):
        make_article(headline=f"Corvette {n}")
    first = client.get("/search/", {"q": "corvette"}).content.decode()
    assert "Page 1 of 3" in first
    assert 'href="?q=corvette&amp;page=2"' in first
    assert client.get("/search/", {"q": "corvette", "page": "9"}).status_code == 404


@pytest.mark.parametrize("scale", [1, 20])
def test_search_query_budget_does_not_grow(
    client, django_assert_max_num_queries, site_cache, scale
):
    for n in range(scale):
        make_article(headline=f"Destroyer {n}", tags=[f"t{n}"])
    # count, the page of results with sources and primary categories (joined), the masthead's
    # categories, the filter form's sections, the breaking-news banner; on PostgreSQL also
    # setting and restoring the page's shorter statement time limit, and the probe of how many
    # match through the GIN index (its planner settings, its savepoint).
    with django_assert_max_num_queries(5 + (7 if connection.vendor == "postgresql" else 0)):
        response = client.get("/search/", {"q": "destroyer"})
    assert response.status_code == 200


@postgresql_only
def test_headline_outranks_standfirst_outranks_body(client):
    make_article(headline="In the body", body="<p>Hypersonic glide vehicle tested.</p>")
    make_article(headline="Hypersonic test in the headline")
    make_article(headline="In the standfirst", standfirst="A hypersonic missile flew.")
    page = results_of(client.get("/search/", {"q": "hypersonic"}).content.decode())
    assert (
        page.index("Hypersonic test in the headline")
        < page.index("In the standfirst")
        < page.index("In the body")
    )


@postgresql_only
def test_stemming_and_body_snippet_highlight(client):
    make_article(headline="Exercises", body="<p>Ships were patrolling the strait at night.</p>")
    page = results_of(client.get("/search/", {"q": "patrol"}).content.decode())
    assert "<mark>patrolling</mark>" in page


@postgresql_only
def test_the_gin_index_serves_the_search_expression():
    from django.contrib.postgres.search import SearchQuery

    from articles.search import SEARCH_CONFIG

    make_article()
    queryset = Article.objects.filter(
        search_vector=SearchQuery("frigate", search_type="websearch", config=SEARCH_CONFIG)
    ).order_by()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()
    assert "article_search_idx" in plan


@postgresql_only
def test_the_stored_vector_follows_every_save(client):
    article = make_article(headline="Corvette news", standfirst="Ships.")
    assert "Corvette news" in client.get("/search/", {"q": "corvette"}).content.decode()
    article.headline = "Frigate news"
    article.save(update_fields=["headline"])
    assert "Frigate news" in client.get("/search/", {"q": "frigate"}).content.decode()
    assert "Frigate news" not in client.get("/search/", {"q": "corvette"}).content.decode()
    article.refresh_from_db()
    assert "frig" in str(article.search_vector)


def test_a_match_in_the_body_shows_that_passage_highlighted(client):
    make_article(
        headline="Budget news",
        standfirst="Money for the navy.",
        body="<p>" + "Filler words here. " * 30 + "The corvette order grew &amp; grew.</p>",
    )
    page = results_of(client.get("/search/", {"q": "corvette"}).content.decode())
    snippet = page.split('card__snippet">', 1)[1].split("</p>", 1)[0]
    assert "<mark>corvette</mark>" in snippet
    assert "&amp; grew" in snippet


@postgresql_only
def test_a_phrase_of_common_words_is_looked_for_among_recent_articles_with_them(
    client, monkeypatch
):
    from articles import search

    monkeypatch.setattr(search, "MAX_CANDIDATES", 3)
    # Made newest first (factories.make_article).
    make_article(headline="Plan story", body="<p>A new Japan defence plan.</p>")
    for n in range(4):
        make_article(headline=f"Apart {n}", body="<p>Japan said it. Defence said more.</p>")
    make_article(headline="Paper story", body="<p>Japan defence white paper.</p>")
    page = client.get("/search/", {"q": '"japan defence"'}).content.decode()
    assert "1 article found with the phrase among the 3 most recent that have its words." in page
    assert "Plan story" in results_of(page) and "Paper story" not in results_of(page)
    # Few articles with both words: all of them are checked, as before.
    monkeypatch.setattr(search, "MAX_CANDIDATES", 100)
    page = client.get("/search/", {"q": '"japan defense"'}).content.decode()  # not cached
    assert "2 articles found." in page and "Paper story" in results_of(page)
