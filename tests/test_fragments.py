"""The cached fragments of reader pages follow every change readers should see, and only those."""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.sites.models import Site
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles import cache_tags
from articles.fragments import article_fragment_tags
from articles.models import Article
from comments.models import Comment

from .factories import make_article

pytestmark = pytest.mark.django_db


def test_a_pending_comment_leaves_every_fragment_in_place():
    article = make_article()
    before = cache_tags.fingerprint(article_fragment_tags(article))
    Comment.objects.create(
        article=article, name="Reader", email="r@example.org", body="Held for moderation"
    )
    assert cache_tags.fingerprint(article_fragment_tags(article)) == before


def test_an_approved_comment_edited_in_place_shows_at_once(client):
    article = make_article()
    comment = Comment.objects.create(
        article=article, name="Reader", email="r@example.org", body="First wording",
        status=Comment.Status.APPROVED,
    )  # fmt: skip
    assert "First wording" in client.get(article.get_absolute_url()).content.decode()
    comment.body = "Second wording"
    comment.save()
    assert "Second wording" in client.get(article.get_absolute_url()).content.decode()


def test_a_new_site_domain_reaches_the_cached_head_tags(client, site_cache):
    article = make_article()
    client.get(article.get_absolute_url())
    site = Site.objects.get_current()
    site.domain = "news.example.org"
    site.save()
    page = client.get(article.get_absolute_url()).content.decode()
    assert (
        f'<meta property="og:url" content="http://news.example.org{article.get_absolute_url()}">'
        in page
    )
    assert "example.com" not in page


def test_a_preview_before_publication_leaves_readers_an_open_comment_form(editor_client):
    publication = timezone.now() + timedelta(hours=1)
    article = make_article(published_at=publication)
    preview = editor_client.get(reverse("workflow:preview", args=[article.pk]))
    assert "Comments are closed on this article." in preview.content.decode()
    later = publication + timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        page = Client().get(article.get_absolute_url()).content.decode()
    assert 'id="comment-form"' in page
    assert "Comments are closed" not in page


def test_a_preview_never_lends_its_address_to_the_readers_page(editor_client):
    article = make_article()
    editor_client.get(reverse("workflow:preview", args=[article.pk]))
    page = Client().get(article.get_absolute_url()).content.decode()
    assert "/preview/" not in page


def test_unpublishing_takes_the_page_down_at_once_though_fragments_remain(client, settings):
    # Without the whole-page cache, which an UPDATE that sends no signal cannot reach.
    settings.NEWSDESK = {**settings.NEWSDESK, "PAGE_CACHE_SECONDS": 0}
    article = make_article()
    client.get(article.get_absolute_url())
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)  # no signal
    assert client.get(article.get_absolute_url()).status_code == 404
