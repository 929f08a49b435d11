"""Search speaks the desk's language: the same answers on PostgreSQL and SQLite for these."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.search_terms import bare_word, parse, spellings

from .factories import make_article, make_category

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="query plans on PostgreSQL"
)


def found(client, **params) -> list[str]:
    page = client.get("/search/", params).content.decode()
    assert 'role="search"' in page
    return [
        chunk.split(">", 1)[1].split("</a>", 1)[0]
        for chunk in page.split('class="card__headline"><a href=')[1:]
    ]


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("defence", "defense"),
        ("armour", "armor"),
        ("programme", "program"),
        ("organisation", "organization"),
        ("manoeuvres", "maneuvers"),
        ("harbour", "harbor"),
    ],
)
def test_british_and_american_spellings_find_each_other(client, british, american):
    make_article(headline=f"The {british} story", slug="gb")
    make_article(headline="Other", slug="us", body=f"<p>A line about the {american} here.</p>")
    make_article(headline="Unrelated submarine", slug="no")
    for query in (british, american, british.capitalize()):
        assert sorted(found(client, q=query)) == ["Other", f"The {british} story"]


def test_possessives_match_the_name(client):
    make_article(headline="Japan’s new destroyer", slug="a")
    make_article(headline="Tokyo and Japan sign", slug="b")
    make_article(headline="Korea only", slug="c")
    for query in ("japan's", "Japan’s", "japan"):
        assert sorted(found(client, q=query)) == ["Japan’s new destroyer", "Tokyo and Japan sign"]


def test_quoted_phrases_match_words_in_order(client):
    make_article(headline="Coast guard vessels near the islands", slug="a")
    make_article(headline="Guard of honour at the coast", slug="b")
    assert found(client, q='"coast guard"') == ["Coast guard vessels near the islands"]
    assert sorted(found(client, q="coast guard")) == [
        "Coast guard vessels near the islands",
        "Guard of honour at the coast",
    ]


def test_a_phrase_matches_every_spelling(client):
    make_article(headline="Tokyo raises its defense budget", slug="a")
    assert found(client, q="“defence budget”") == ["Tokyo raises its defense budget"]


def test_minus_leaves_articles_out(client):
    make_article(headline="Navy drills with Russia", slug="a")
    make_article(headline="Navy drills with Japan", slug="b")
    assert found(client, q="navy -russia") == ["Navy drills with Japan"]


def test_filters_by_section_and_dates_and_sorts_by_date(client):
    cyber, maritime = make_category(name="Cyber"), make_category(name="Maritime")
    now = timezone.now()
    make_article(
        headline="Frigate hacked", categories=[cyber], published_at=now - timedelta(days=1)
    )
    make_article(
        headline="Old frigate", categories=[maritime], published_at=now - timedelta(days=40)
    )
    make_article(
        headline="Frigate launch", categories=[maritime], published_at=now - timedelta(days=3)
    )
    assert found(client, q="frigate", category=cyber.slug) == ["Frigate hacked"]
    recent = (now - timedelta(days=10)).date().isoformat()
    assert sorted(found(client, q="frigate", since=recent)) == ["Frigate hacked", "Frigate launch"]
    old = (now - timedelta(days=20)).date().isoformat()
    assert found(client, q="frigate", until=old) == ["Old frigate"]
    assert found(client, q="frigate", sort="date") == [
        "Frigate hacked",
        "Frigate launch",
        "Old frigate",
    ]


@pytest.mark.parametrize(
    "params",
    [
        {"category": "no-such-section"},
        {"since": "yesterday"},
        {"until": "2024-02-31"},
        {"sort": "'; drop table"},
        {"since": "2026-01-02", "until": "2026-01-01"},
    ],
)
def test_bad_filters_are_reported_and_never_break_the_page(client, params):
    make_article(headline="Frigate launch")
    response = client.get("/search/", {"q": "frigate", **params})
    assert response.status_code == 200
    page = response.content.decode()
    assert "search-page-form__error" in page or "Frigate launch" in page


def test_relevance_puts_headline_matches_first(client):
    make_article(headline="Body only", body="<p>About a corvette.</p>", slug="b")
    make_article(
        headline="Corvette in the headline", published_at=timezone.now() - timedelta(days=9)
    )
    assert found(client, q="corvette")[0] == "Corvette in the headline"


def test_snippets_cut_at_word_boundaries(client):
    words = " ".join(f"word{n}" for n in range(200))
    make_article(
        headline="Long", standfirst="Nothing here.", body=f"<p>{words} torpedo {words}</p>"
    )
    page = client.get("/search/", {"q": "torpedo"}).content.decode()
    snippet = page.split('card__snippet">', 1)[1].split("</p>", 1)[0]
    assert "<mark>torpedo</mark>" in snippet
    pieces = snippet.replace("<mark>", "").replace("</mark>", "").strip("… ").split()
    # Every piece is a whole word: none cut in half.
    assert all(
        piece == "torpedo" or piece.startswith("word") and piece[4:].isdigit()
        for piece in pieces
        if piece != "…"
    )


def test_two_search_forms_have_distinct_names(client):
    page = client.get("/search/").content.decode()
    assert 'aria-label="Search the whole site"' in page
    assert 'aria-label="Search articles, with filters"' in page


def test_term_parsing():
    assert spellings("defence") == ["defence", "defense"]
    assert spellings("organisations") == ["organisations", "organizations"]
    assert spellings("rise") == ["rise"]
    assert bare_word("Japan's") == "japan" and bare_word("allies'") == "allies"
    terms = parse('"defence budget" -russia')
    assert terms[0].phrasings() == ["defence budget", "defense budget"]
    assert terms[1].excluded
    assert parse("-only -excluded") == []


@postgresql_only
def test_expanded_queries_are_still_served_by_the_gin_index():
    from articles.models import Article
    from articles.search import search_articles

    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            headline=f"Routine story {n}",
            slug=f"routine-{n}",
            standfirst="Nothing to see.",
            body="<p>Ships sailed and aircraft flew, as every week.</p>",
            status=Article.Status.PUBLISHED,
            published_at=now - timedelta(hours=n),
        )
        for n in range(3000)
    )
    make_article(headline="Defense and armour programme for Japan's navy")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
    for sort in ("relevance", "date"):
        # By relevance the matches are first read through the index (a bounded probe, see
        # articles/search.py), then ranked by id: every query the search runs is explained.
        connection.queries_log.clear()  # a full log (9,000 entries) would capture nothing
        with CaptureQueriesContext(connection) as queries:
            queryset = search_articles('defence "armour programme" japan\'s -russia', sort=sort)
        plans = [queryset.explain()]
        with connection.cursor() as cursor:
            # The planner settings the probe runs under (articles/search.py, _few_matches).
            cursor.execute(
                "SELECT set_config('enable_seqscan', 'off', true), "
                "set_config('enable_indexscan', 'off', true)"
            )
            for query in queries.captured_queries:
                if query["sql"].startswith("SELECT") and "set_config" not in query["sql"]:
                    cursor.execute("EXPLAIN " + query["sql"])
                    plans.append("\n".join(row[0] for row in cursor.fetchall()))
        # Which index the planner picks for a few thousand rows depends on the table's bloat
        # from earlier tests; what must never happen is a walk of the whole table.
        assert not any("Seq Scan on articles_article" in plan for plan in plans), plans
    # The stored vector's GIN index serves the expanded query's match condition.
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('enable_seqscan', 'off', true)")
        cursor.execute(
            "EXPLAIN SELECT id FROM articles_article WHERE search_vector @@ "
            "to_tsquery('english', 'defenc | defens')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "article_search_idx" in plan, plan
