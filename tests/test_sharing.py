"""Sharing without trackers: plain share links, an Open Graph card on every page, site icons."""

import json
import re
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from django.contrib.staticfiles import finders
from PIL import Image

from .factories import make_article, make_category, make_source

pytestmark = pytest.mark.django_db


class Links(HTMLParser):
    """The share block's links (text and href) and every <link> and <script src> of a page."""

    def __init__(self):
        super().__init__()
        self.share_links: dict[str, str] = {}
        self.head_links: list[dict[str, str | None]] = []
        self.script_sources: list[str] = []
        self._in_share = False
        self._href: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "nav" and "share" in (attributes.get("class") or "").split():
            self._in_share = True
        elif tag == "a" and self._in_share:
            self._href, self._text = attributes.get("href"), ""
        elif tag == "link":
            self.head_links.append(attributes)
        elif tag == "script" and attributes.get("src"):
            self.script_sources.append(attributes["src"] or "")

    def handle_data(self, data):
        if self._href is not None and not self._text:
            self._text = data.strip()

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.share_links[self._text] = self._href
            self._href = None
        elif tag == "nav":
            self._in_share = False


def parse(page: str) -> Links:
    links = Links()
    links.feed(page)
    return links


def test_an_article_offers_six_plain_share_links_with_its_address_encoded(client):
    article = make_article(slug="a-story", headline="Japan & EU: a pact?")
    page = client.get(article.get_absolute_url()).content.decode()
    links = parse(page).share_links
    address = quote("http://example.com/news/a-story/", safe="")
    title = quote("Japan & EU: a pact?", safe="")
    assert address == "http%3A%2F%2Fexample.com%2Fnews%2Fa-story%2F"
    assert links == {
        "Email": f"mailto:?subject={title}&body={address}",
        "X": f"https://x.com/intent/post?url={address}&text={title}",
        "Facebook": f"https://www.facebook.com/sharer/sharer.php?u={address}",
        "LinkedIn": f"https://www.linkedin.com/sharing/share-offsite/?url={address}",
        "WhatsApp": f"https://wa.me/?text={title}%20{address}",
        "Copy link": "http://example.com/news/a-story/",
    }
    assert "data-copy-link" in page


def test_sharing_loads_no_script_from_another_host(client):
    article = make_article()
    page = client.get(article.get_absolute_url()).content.decode()
    sources = parse(page).script_sources
    assert "/static/js/share.js" in sources
    assert all(source.startswith("/static/") for source in sources), sources
    for tracker in ("connect.facebook.net", "platform.twitter.com", "platform.linkedin.com"):
        assert tracker not in page


def test_list_pages_carry_the_default_open_graph_card(client):
    category = make_category(name="Cyber", slug="cyber")
    make_article(categories=[category], tags=["Japan"], source=make_source(slug="agency"))
    for url in ["/", "/category/cyber/", "/tag/japan/", "/source/agency/", "/search/?q=story"]:
        head = client.get(url).content.decode().split("</head>", 1)[0]
        image = re.search(r'<meta property="og:image" content="([^"]+)">', head)
        assert image and image.group(1) == "http://example.com/static/img/og-default.png", url
        assert '<meta property="og:image:width" content="1200">' in head, url
        assert '<meta property="og:image:height" content="630">' in head, url


def test_the_default_card_is_the_size_it_claims():
    path = finders.find("img/og-default.png")
    assert path, "static/img/og-default.png is missing"
    with Image.open(path) as card:
        assert card.size == (1200, 630)


def test_every_page_links_the_icons_and_manifest_and_the_files_exist(client):
    links = parse(client.get("/").content.decode()).head_links
    icons = {(link["rel"], link.get("sizes")): link["href"] for link in links if link.get("rel")}
    expected = {
        ("icon", None): "/static/icons/favicon.svg",
        ("icon", "32x32"): "/static/icons/favicon-32.png",
        ("apple-touch-icon", None): "/static/icons/apple-touch-icon.png",
        ("manifest", None): "/static/icons/site.webmanifest",
    }
    for key, href in expected.items():
        assert icons.get(key) == href, key
        assert finders.find(href.removeprefix("/static/")), href
    manifest_path = finders.find("icons/site.webmanifest")
    assert manifest_path
    with open(manifest_path) as manifest_file:
        manifest = json.load(manifest_file)
    for icon in manifest["icons"]:
        path = finders.find(f"icons/{icon['src']}")
        assert path, icon["src"]
        with Image.open(path) as picture:
            assert "x".join(map(str, picture.size)) == icon["sizes"]
