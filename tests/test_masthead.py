"""The masthead on every reader page and the small search form (articles/masthead.py)."""

import pytest

from .factories import make_article, make_category

pytestmark = pytest.mark.django_db


def masthead_of(page: str) -> str:
    return page.split('<header class="masthead">', 1)[1].split("</header>", 1)[0]


def test_masthead_links_every_section_and_marks_the_one_being_read(client, settings):
    settings.NEWSDESK = {
        **settings.NEWSDESK,
        "SITE_NAME": "Desk <&> Co",
        "SITE_TAGLINE": "Wire & more",
    }
    europe = make_category(name="Europe & NATO", slug="europe", position=1)
    make_category(name="Asia", slug="asia", position=2)
    make_article(categories=[europe])
    masthead = masthead_of(client.get("/category/europe/").content.decode())
    assert '<span class="masthead__name">Desk &lt;&amp;&gt; Co</span> ' in masthead
    assert '<span class="masthead__tagline">Wire &amp; more</span>' in masthead
    assert (
        '<li><a href="/category/europe/" aria-current="page">Europe &amp; NATO</a></li>' in masthead
    )
    assert '<li><a href="/category/asia/">Asia</a></li>' in masthead
    # The home page marks no section.
    assert "aria-current" not in masthead_of(client.get("/").content.decode())


def test_masthead_search_form_searches_the_site(client):
    masthead = masthead_of(client.get("/").content.decode())
    assert (
        '<form class="search-form" role="search" aria-label="Search the whole site"'
        ' action="/search/" method="get">'
    ) in masthead
    assert '<label class="visually-hidden" for="masthead-search">Search the whole site</label>' in (
        masthead
    )
    assert 'id="masthead-search" name="q" value=""' in masthead


def test_page_not_found_offers_a_search(client):
    page = client.get("/no-such-page/").content.decode()
    main = page.split('<main id="content"', 1)[1]
    assert 'id="not-found-search" name="q" value=""' in main
    assert "We can’t find that page" in main
