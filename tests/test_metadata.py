"""Title, canonical, description, Open Graph and Twitter tags on every page; JSON-LD on articles."""

import json
import re

import pytest
from django.test import Client

from images.renditions import rendition

from .factories import make_article, make_category, make_library_image, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    category = make_category(name="Cyber", slug="cyber", description="Hacks and defences.")
    source = make_source(slug="agency")
    article = make_article(slug="a-story", categories=[category], tags=["Japan"], source=source)
    return [
        "/",
        "/category/cyber/",
        "/tag/japan/",
        "/source/agency/",
        "/search/?q=story",
        article.get_absolute_url(),
    ]


def head(page):
    return page.split("</head>", 1)[0]


def test_every_page_has_title_canonical_description_open_graph_and_twitter(client, pages):
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        page = head(response.content.decode())
        assert re.search(r"<title>[^<]+</title>", page), url
        assert '<link rel="canonical" href="http://example.com/' in page, url
        assert re.search(r'<meta name="description" content="[^"]+">', page), url
        for prop in ["og:title", "og:description", "og:url", "og:type", "og:site_name"]:
            assert f'<meta property="{prop}" content="' in page, (url, prop)
        for name in ["twitter:card", "twitter:title", "twitter:description"]:
            assert f'<meta name="{name}" content="' in page, (url, name)
        assert response.content.decode().count("<h1") == 1, url


def test_canonical_drops_tracking_parameters(client, pages):
    page = client.get("/category/cyber/?utm_source=x&fbclid=y").content.decode()
    assert '<link rel="canonical" href="http://example.com/category/cyber/">' in page


def json_ld_blocks(page):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return [json.loads(block) for block in blocks]


def test_article_has_news_article_and_breadcrumbs(client):
    category = make_category(name="Northeast Asia", slug="northeast-asia")
    article = make_article(
        slug="pact",
        headline="Japan, EU sign defense pact",
        standfirst="A first for the EU.",
        byline="Newsdesk staff",
        categories=[category],
        tags=["Japan", "European Union"],
        source=make_source(name="Voice of America"),
        lead_image=make_library_image(name="map.jpg", size=(1, 1), alt_text="A map"),
    )
    shared = rendition(article.lead_image, 1200)  # never wider than the original: 1 pixel
    assert shared is not None
    assert shared.width == 1 and "/renditions/" in shared.url
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<meta name="description" content="A first for the EU.">' in page
    assert '<meta property="og:type" content="article">' in page
    assert '<meta name="twitter:card" content="summary_large_image">' in page
    assert f'<meta property="og:image" content="http://example.com{shared.url}">' in page
    news, crumbs = json_ld_blocks(page)
    assert news["@type"] == "NewsArticle"
    assert news["headline"] == "Japan, EU sign defense pact"
    assert news["datePublished"] == article.published_at.isoformat()
    assert news["dateModified"]
    assert news["author"] == [{"@type": "Organization", "name": "Newsdesk staff"}]
    assert news["publisher"]["name"] == "Newsdesk"
    assert news["image"] == [f"http://example.com{shared.url}"]
    assert news["articleSection"] == "Northeast Asia"
    assert sorted(news["keywords"]) == ["European Union", "Japan"]
    assert crumbs["@type"] == "BreadcrumbList"
    assert [item["name"] for item in crumbs["itemListElement"]] == [
        "Home",
        "Northeast Asia",
        "Japan, EU sign defense pact",
    ]
    assert crumbs["itemListElement"][-1]["item"] == "http://example.com/news/pact/"


def test_article_open_graph_times_sections_and_tags(client):
    from articles.dates import isoformat

    first = make_category(name='Arms & "Armour"', position=1)
    second = make_category(name="Northeast Asia", position=2)
    article = make_article(categories=[second, first], tags=["<Japan>"])
    page = head(client.get(article.get_absolute_url()).content.decode())
    published = (
        f'<meta property="article:published_time" content="{isoformat(article.published_at)}">'
    )
    assert published in page
    assert "article:modified_time" not in page  # never updated
    sections = re.findall(r'<meta property="article:section" content="([^"]*)">', page)
    assert sections == ["Arms &amp; &quot;Armour&quot;", "Northeast Asia"]
    assert '<meta property="article:tag" content="&lt;Japan&gt;">' in page
    # The JSON-LD follows them in the head.
    assert page.index("article:tag") < page.index("application/ld+json")


def test_a_headline_cannot_break_out_of_the_json_ld_script(client):
    article = make_article(headline='Evil </script><script>alert("x")</script> & co')
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<script>alert("x")</script>' not in page
    news, _ = json_ld_blocks(page)
    assert news["headline"] == 'Evil </script><script>alert("x")</script> & co'


def test_not_found_page_is_styled_and_helpful(client):
    response = client.get("/news/no-such-story/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "We can’t find that page" in page
    assert 'rel="stylesheet" href="/static/' in page
    assert 'role="search"' in page


def test_server_error_page_needs_no_database_or_context_processors(
    settings, django_assert_num_queries
):
    from django.urls import path

    def broken(request):
        raise RuntimeError("boom")

    settings.ROOT_URLCONF = type("urls", (), {"urlpatterns": [path("boom/", broken)]})
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    with django_assert_num_queries(0):
        response = client.get("/boom/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Something went wrong on our side" in page
    assert 'rel="stylesheet" href="/static/css/site.css"' in page


def test_no_reader_page_loads_an_asset_from_another_host(client, pages):
    for url in pages:
        page = client.get(url).content.decode()
        for attribute in ('src="http', 'src="//', 'href="//', "url(http", "url(//"):
            assert attribute not in page, (url, attribute)


def test_the_editors_primary_category_not_the_first_names_the_section(client):
    first, chosen, last = (
        make_category(name=name, slug=name.lower(), position=position)
        for position, name in enumerate(["Land", "Sea", "Air"])
    )
    article = make_article(
        slug="filed-thrice", headline="Filed thrice", categories=[first, chosen, last]
    )
    article.primary_category = chosen
    article.save()
    page = client.get(article.get_absolute_url()).content.decode()
    news, crumbs = json_ld_blocks(page)
    assert news["articleSection"] == "Sea"
    assert [item["name"] for item in crumbs["itemListElement"]] == ["Home", "Sea", "Filed thrice"]
    assert crumbs["itemListElement"][1]["item"] == "http://example.com/category/sea/"
    # The label above the headline is the same section, alone.
    article_head = page.split("<h1", 1)[0].rsplit("<main", 1)[-1]
    assert article_head.count('class="category-label"') == 1
    assert '<a href="/category/sea/">Sea</a>' in article_head
