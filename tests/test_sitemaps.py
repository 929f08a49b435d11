"""Sitemaps validate against the sitemaps.org schemas (shipped in tests/schemas, no network)."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from lxml import etree

from articles.models import Article

from .factories import make_article, make_category

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "schemas"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def schema(name, *extra):
    """A schema; for extensions, a wrapper importing the sitemap schema and the extension's."""
    if not extra:
        return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))
    imports = "".join(
        f'<xsd:import namespace="{namespace}" schemaLocation="{(SCHEMAS / file).as_uri()}"/>'
        for namespace, file in [(NS["sm"], name), *extra]
    )
    wrapper = f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">{imports}</xsd:schema>'
    return etree.XMLSchema(etree.fromstring(wrapper.encode()))


def valid(document, xml_schema):
    tree = etree.fromstring(document)
    assert xml_schema.validate(tree), xml_schema.error_log
    return tree


@pytest.fixture
def content():
    category = make_category(slug="cyber")
    make_category(slug="empty-category")
    make_article(
        slug="fresh-story",
        headline="Fresh & new",
        categories=[category],
        tags=["Japan"],
        published_at=timezone.now() - timedelta(hours=3),
    )
    make_article(
        slug="old-story", categories=[category], published_at=timezone.now() - timedelta(days=5)
    )
    make_article(slug="draft-story", status=Article.Status.DRAFT, tags=["Drafty"])
    make_article(slug="future-story", published_at=timezone.now() + timedelta(hours=3))


def locations(tree):
    return [loc.text for loc in tree.iterfind(".//sm:loc", NS)]


def test_index_lists_the_sections_and_validates(client, content):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = valid(response.content, schema("siteindex.xsd"))
    assert sorted(locations(tree)) == [
        f"http://example.com/sitemap-{section}.xml"
        for section in ["articles", "categories", "news", "tags"]
    ]


def test_sections_validate_and_list_only_what_readers_see(client, content):
    sitemap_schema = schema("sitemap.xsd")
    articles = valid(client.get("/sitemap-articles.xml").content, sitemap_schema)
    assert sorted(locations(articles)) == [
        "http://example.com/news/fresh-story/",
        "http://example.com/news/old-story/",
    ]
    categories = valid(client.get("/sitemap-categories.xml").content, sitemap_schema)
    assert locations(categories) == ["http://example.com/category/cyber/"]
    tags = valid(client.get("/sitemap-tags.xml").content, sitemap_schema)
    assert locations(tags) == ["http://example.com/tag/japan/"]


def test_news_sitemap_has_only_the_last_48_hours_with_news_elements(client, content):
    news_schema = schema("sitemap.xsd", (NS["news"], "sitemap-news.xsd"))
    tree = valid(client.get("/sitemap-news.xml").content, news_schema)
    assert locations(tree) == ["http://example.com/news/fresh-story/"]
    assert tree.findtext(".//news:publication/news:name", namespaces=NS) == "Newsdesk"
    assert tree.findtext(".//news:publication/news:language", namespaces=NS) == "en"
    assert tree.findtext(".//news:title", namespaces=NS) == "Fresh & new"
    assert tree.findtext(".//news:publication_date", namespaces=NS)


def test_unknown_section_is_not_found(client):
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_robots_txt_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://example.com/sitemap.xml" in text
    assert "Disallow: /admin/" in text
