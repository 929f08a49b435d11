"""/corrections/: every correction and update on a published article, newest first, with feeds."""

from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article
from workflow.models import ArticleNote

pytestmark = pytest.mark.django_db


def test_corrections_page_lists_notes_newest_first_linked_to_their_article(client):
    now = timezone.now()
    old = make_article(headline="Old story")
    new = make_article(headline="New story")
    hidden = make_article(headline="Withdrawn story", status=Article.Status.DRAFT)
    ArticleNote.objects.create(article=old, text="Wrong year.", created_at=now - timedelta(days=3))
    ArticleNote.objects.create(
        article=new, kind="update", text="Adds the reply.", created_at=now - timedelta(days=1)
    )
    ArticleNote.objects.create(article=hidden, text="Never shown.")
    page = client.get("/corrections/").content.decode()
    assert page.index("New story") < page.index("Old story")
    assert f'<a href="{old.get_absolute_url()}">Old story</a>' in page
    assert "Update" in page and "Correction" in page
    assert "Withdrawn story" not in page and "Never shown." not in page
    assert 'href="/corrections/feed/"' in page


def test_corrections_feeds(client):
    article = make_article(headline="A story")
    ArticleNote.objects.create(article=article, text="Wrong name.")
    for url, version in (("/corrections/feed/", "rss20"), ("/corrections/feed/atom/", "atom10")):
        feed = feedparser.parse(client.get(url).content)
        assert not feed.bozo and feed.version == version
        assert feed.entries[0].title == "Correction: A story"
        assert feed.entries[0].link.startswith(f"http://example.com{article.get_absolute_url()}")


def test_corrections_feeds_strip_what_slipped_past_the_form(client):
    article = make_article(headline="A story")
    ArticleNote.objects.create(article=article, text="Wrong\x0c name.")
    Article.objects.filter(pk=article.pk).update(headline="Alarm\x07 sounded")
    for url in ("/corrections/feed/", "/corrections/feed/atom/"):
        response = client.get(url)
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert not feed.bozo
        assert feed.entries[0].title == "Correction: Alarm sounded"
