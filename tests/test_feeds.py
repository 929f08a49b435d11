"""RSS 2.0 and Atom feeds parse cleanly with feedparser and carry what readers' apps show."""

from datetime import timedelta

import feedparser
import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article

from .factories import make_article, make_category

pytestmark = pytest.mark.django_db

FEEDS = [
    ("/feed/", "rss20"),
    ("/feed/atom/", "atom10"),
    ("/category/cyber/feed/", "rss20"),
    ("/category/cyber/feed/atom/", "atom10"),
    ("/tag/japan/feed/", "rss20"),
    ("/tag/japan/feed/atom/", "atom10"),
]


@pytest.fixture
def content():
    cyber = make_category(name="Cyber", slug="cyber")
    published = timezone.now() - timedelta(hours=2)
    make_article(
        headline="Tokyo & Seoul <share> cyber intelligence",
        slug="tokyo-seoul-cyber",
        standfirst="A first pact on “active” cyber defence.",
        byline="Newsdesk staff",
        categories=[cyber],
        tags=["Japan"],
        published_at=published,
        updated_at=published + timedelta(hours=1),
    )
    make_article(
        headline="Draft in feed", categories=[cyber], tags=["Japan"], status=Article.Status.DRAFT
    )
    make_article(
        headline="Future in feed",
        categories=[cyber],
        tags=["Japan"],
        published_at=timezone.now() + timedelta(days=1),
    )


@pytest.mark.parametrize(("url", "version"), FEEDS)
def test_feeds_parse_cleanly_with_absolute_links_dates_categories_and_summary(
    client, content, url, version
):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    assert feed.feed.link.startswith("http://")
    titles = [entry.title for entry in feed.entries]
    assert titles == ["Tokyo & Seoul <share> cyber intelligence"]
    entry = feed.entries[0]
    assert entry.link == "http://example.com/news/tokyo-seoul-cyber/"
    assert entry.summary == "A first pact on “active” cyber defence."
    assert entry.published_parsed is not None
    # Categories, then tags.
    assert [tag.term for tag in entry.tags] == ["Cyber", "Japan"]
    assert entry.author == "Newsdesk staff"


def test_feeds_of_unknown_category_or_tag_are_not_found(client):
    assert client.get("/category/none/feed/").status_code == 404
    assert client.get("/tag/none/feed/atom/").status_code == 404


def test_home_advertises_the_site_feeds(client):
    page = client.get("/").content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Newsdesk (RSS)" href="/feed/">'
        in page
    )
    assert 'type="application/atom+xml" title="Newsdesk (Atom)" href="/feed/atom/"' in page


def test_feed_items_carry_the_lead_image_and_by_setting_the_full_text(client, settings):
    from .factories import make_library_image

    make_article(
        headline="With a picture",
        body="<p>The whole <em>story</em>.</p>",
        lead_image=make_library_image(size=(640, 360), alt_text="A frigate at sea"),
    )
    for url in ("/feed/", "/feed/atom/"):
        entry = feedparser.parse(client.get(url).content).entries[0]
        media = entry.media_content[0]
        # A rendition (never the original), at most 1200 pixels wide: this one is 640.
        assert media["url"].startswith("http://example.com/media/images/renditions/")
        assert media["url"].endswith("-640w.jpg")
        assert (media["medium"], media["width"], media["height"]) == ("image", "640", "360")
        # The image's alt text (media:description), and the standfirst only, by default.
        assert [c.value for c in entry.get("content", [])] in ([], ["A frigate at sea"])
    settings.NEWSDESK = {**settings.NEWSDESK, "FEED_FULL_TEXT": True}
    call_command("refresh_pages")  # as after a deploy that changes a setting
    for url in ("/feed/", "/feed/atom/"):
        entry = feedparser.parse(client.get(url).content).entries[0]
        assert any("<em>story</em>" in content.value for content in entry.content)


def test_sources_have_feeds(client):
    from .factories import make_source

    reuters = make_source(name="Reuters", slug="reuters")
    make_article(headline="Wire story", source=reuters)
    make_article(headline="Our story")
    feed = feedparser.parse(client.get("/source/reuters/feed/").content)
    assert [entry.title for entry in feed.entries] == ["Wire story"]
    assert client.get("/source/reuters/feed/atom/").status_code == 200
    assert 'href="/source/reuters/feed/"' in client.get("/source/reuters/").content.decode()
