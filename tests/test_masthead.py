"""The masthead on every reader page and the small search form (articles/masthead.py)."""

import re

import pytest
from django.utils import timezone

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


def test_footer_links_the_apps_pages_then_the_sites_and_names_the_year(client, settings):
    settings.NEWSDESK = {**settings.NEWSDESK, "SITE_NAME": "Desk <&> Co", "SITE_TAGLINE": "Wire"}
    page = client.get("/").content.decode()
    footer = page.split('<footer class="site-footer">', 1)[1].split("</footer>", 1)[0]
    first, second = footer.split("</ul>", 2)[:2]
    assert '<li><a href="/about/">About us</a></li>' in first  # registered by standards
    assert '<li><a href="/corrections/">Corrections</a></li>' in first  # by workflow
    assert '<li><a href="/">Home</a></li>' in second
    assert '<li><a href="/feed/atom/">Atom feed</a></li>' in second
    year = timezone.now().year
    assert f"<p>&copy; {year} Desk &lt;&amp;&gt; Co. Wire.</p>" in footer
    # Every footer link leads somewhere.
    for href in re.findall(r'href="(/[^"]*)"', footer):
        assert client.get(href).status_code == 200, href


def test_a_tag_page_links_its_feeds_with_its_name_escaped(client):
    make_article(tags=['Arms "&" <more>'])
    page = client.get("/tag/arms-more/").content.decode()
    head = page.split("</head>", 1)[0]
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Arms &quot;&amp;&quot; &lt;more&gt;'
        ' (RSS)" href="/tag/arms-more/feed/">'
    ) in head
    assert 'type="application/atom+xml"' in head and 'href="/tag/arms-more/feed/atom/"' in head
