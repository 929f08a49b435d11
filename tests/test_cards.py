"""The article card's markup (articles/cards.py), pinned: written in Python rather than a template,
so its escaping and its variants are checked here, markup and all."""

from datetime import UTC, datetime

import pytest
from django.utils import timezone

from articles.authors import AuthorProfile
from articles.cards import card_html
from articles.search import START, STOP, marked_snippet
from images.picture import picture_html

from .factories import make_article, make_category, make_library_image, make_source

pytestmark = pytest.mark.django_db

PUBLISHED = datetime(2024, 11, 4, 23, 30, tzinfo=UTC)


def test_a_card_escapes_what_the_desk_wrote():
    article = make_article(
        headline="""<script>alert("x")</script> & 'quoted'""",
        slug="escaping",
        standfirst="Less <b>bold</b> & more",
        published_at=PUBLISHED,
    )
    assert card_html(article) == (
        '<article class="card">\n'
        '<div class="card__text">\n'
        '<h2 class="card__headline"><a href="/news/escaping/">'
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;quoted&#x27;</a></h2>\n"
        '<p class="card__standfirst">Less &lt;b&gt;bold&lt;/b&gt; &amp; more</p>\n'
        '<p class="card__meta"><time datetime="2024-11-04T23:30:00+00:00">4 November 2024</time>'
        "</p>\n"
        "</div>\n"
        "</article>\n"
    )


def test_a_card_names_its_section_and_the_author_rather_than_the_source():
    section = make_category(name="Asia & Pacific", slug="asia-pacific")
    article = make_article(
        headline="Talks",
        slug="talks",
        published_at=PUBLISHED,
        primary_category=section,
        categories=[section],
        source=make_source(name="Agence <France> Presse", slug="afp"),
        author_profile=AuthorProfile.objects.create(name="Aiko O'Mori", slug="aiko-omori"),
        comment_count=1,
    )
    card = card_html(article, variant="section", heading_level=3)
    assert card == (
        '<article class="card card--section">\n'
        '<div class="card__text">\n'
        '<p class="category-label"><a href="/category/asia-pacific/">Asia &amp; Pacific</a></p>\n'
        '<h3 class="card__headline"><a href="/news/talks/">Talks</a></h3>\n'
        f'<p class="card__standfirst">{article.standfirst}</p>\n'
        '<p class="card__meta"><time datetime="2024-11-04T23:30:00+00:00">4 November 2024</time>'
        ' · <a href="/author/aiko-omori/">Aiko O&#x27;Mori</a>'
        ' · <a class="card__comments" href="/news/talks/#comments">1 comment</a></p>\n'
        "</div>\n"
        "</article>\n"
    )
    article.author_profile = None
    article.comment_count = 1234
    meta = card_html(article).split('<p class="card__meta">')[1]
    assert ' · <a href="/source/afp/">Agence &lt;France&gt; Presse</a>' in meta
    assert ">1234 comments</a></p>" in meta


def test_a_search_result_shows_its_highlighted_snippet_instead_of_the_standfirst():
    article = make_article(headline="Talks", standfirst="The standfirst", published_at=PUBLISHED)
    highlighted = marked_snippet(f"talks on {START}naval{STOP} <cooperation> & more")
    card = card_html(article, variant="compact", snippet=highlighted)
    assert (
        '<p class="card__standfirst card__snippet">'
        "talks on <mark>naval</mark> &lt;cooperation&gt; &amp; more</p>"
    ) in card
    assert "The standfirst" not in card
    # Text not marked safe is escaped, as {{ snippet }} escaped it.
    card = card_html(article, snippet="<mark>raw</mark>")
    assert "&lt;mark&gt;raw&lt;/mark&gt;" in card
    assert "<mark>" not in card
    assert "The standfirst" in card_html(article, snippet="")


def test_the_date_is_the_readers_time_zones():
    article = make_article(published_at=PUBLISHED)
    with timezone.override("Asia/Tokyo"):
        card = card_html(article)
    assert '<time datetime="2024-11-05T08:30:00+09:00">5 November 2024</time>' in card


@pytest.mark.parametrize(
    ("variant", "sizes", "at_the_top"),
    [
        ("lead", "(min-width: 75rem) 46rem, (min-width: 60rem) 62vw, calc(100vw - 2rem)", True),
        ("secondary", "(max-width: 40rem) 5.5rem, 23rem", False),
        ("section", "(max-width: 40rem) 5.5rem, 23rem", False),
        ("compact", "6.5rem", False),
        ("", "(min-width: 60rem) 23rem, calc(100vw - 2rem)", False),
    ],
)
def test_a_card_with_a_lead_image_shows_the_picture_its_slot_needs(variant, sizes, at_the_top):
    image = make_library_image()
    article = make_article(lead_image=image)
    picture = picture_html(
        image,
        sizes=sizes,
        loading="eager" if at_the_top else "lazy",
        fetchpriority="high" if at_the_top else "",
        css_class="card__image",
    )
    assert "<picture>" in picture
    expected_class = f"card card--{variant}" if variant else "card"
    assert card_html(article, variant=variant).startswith(
        f'<article class="{expected_class}">\n{picture}\n<div class="card__text">\n'
    )


def test_a_headline_card_has_neither_picture_nor_standfirst():
    article = make_article(lead_image=make_library_image(), standfirst="The standfirst")
    card = card_html(article, variant="headline", heading_level=3)
    assert "<picture>" not in card
    assert "The standfirst" not in card
    assert '<h3 class="card__headline">' in card


def test_list_pages_and_the_home_page_show_these_cards(client):
    section = make_category(name="Asia", slug="asia")
    article = make_article(primary_category=section, categories=[section], comment_count=2)
    assert card_html(article) in client.get("/category/asia/").content.decode()
    home = client.get("/").content.decode()
    assert card_html(article, variant="lead", heading_level=3) in home
