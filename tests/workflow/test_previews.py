"""Previews: staff see drafts and scheduled articles as readers will; signed links expire."""

import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_category, make_source, relate
from workflow.previews import preview_link

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheduled(category):
    return make_article(
        headline="Scheduled exclusive",
        published_at=timezone.now() + timedelta(days=1),
        categories=[category],
    )


def preview_url(article):
    return reverse("workflow:preview", args=[article.pk])


@pytest.mark.parametrize("who", ["writer_client", "desk_editor_client"])
def test_writers_and_editors_preview_a_draft_as_readers_will(request, who, writers_draft):
    response = request.getfixturevalue(who).get(preview_url(writers_draft))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Writer&#x27;s draft on naval drills" in page
    assert 'class="article__headline"' in page  # the readers' template
    assert "Preview: readers cannot see this article yet (draft)" in page
    assert '<meta name="robots" content="noindex">' in page
    assert response["X-Robots-Tag"].startswith("noindex")
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control


def test_scheduled_article_preview_shows_its_publication_time(writer_client, scheduled):
    page = writer_client.get(preview_url(scheduled)).content.decode()
    assert "Scheduled exclusive" in page
    assert "Preview: readers cannot see this article yet (published, publication" in page


def test_preview_needs_an_account_with_permission(client, django_user_model, writers_draft):
    response = client.get(preview_url(writers_draft))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    client.force_login(django_user_model.objects.create_user("reader", password="x"))
    assert client.get(preview_url(writers_draft)).status_code == 403


def test_shared_link_works_without_an_account(client, writers_draft):
    response = client.get(preview_link(writers_draft.pk))
    assert response.status_code == 200
    assert "Preview: readers cannot see this article yet" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_shared_link_expires(client, settings, writers_draft):
    settings.NEWSDESK = {**settings.NEWSDESK, "PREVIEW_LINK_MAX_AGE": 3600}
    url = preview_link(writers_draft.pk)
    assert client.get(url).status_code == 200
    # An hour and a second later (TimestampSigner reads time.time()).
    later = time.time() + 3601
    from unittest import mock

    with mock.patch("django.core.signing.time.time", return_value=later):
        response = client.get(url)
    assert response.status_code == 404
    assert "Writer" not in response.content.decode()


@pytest.mark.parametrize("mangle", ["tampered", "x", "%00", "1:abc:def", ""])
def test_forged_or_mangled_links_are_not_found(client, writers_draft, mangle):
    good = preview_link(writers_draft.pk)
    if mangle == "tampered":
        token = good.rstrip("/").rsplit("/", 1)[1]
        other = make_article(status=Article.Status.DRAFT)
        url = reverse("workflow:preview_shared", args=[f"{other.pk}{token[token.index(':') :]}"])
    elif mangle:
        url = f"/preview/shared/{mangle}/"
    else:
        url = "/preview/shared/"
    assert client.get(url).status_code == 404


def test_change_form_offers_preview_and_a_shareable_link(writer_client, writers_draft):
    page = writer_client.get(
        reverse("admin:articles_article_change", args=[writers_draft.pk])
    ).content.decode()
    assert f'href="{preview_url(writers_draft)}"' in page
    assert 'href="http://testserver/preview/shared/' in page


@pytest.mark.parametrize("count", [1, 10])
def test_preview_query_budget_does_not_grow(
    site_cache, client, writer, django_assert_max_num_queries, count
):

    categories = [make_category() for _ in range(count)]
    article = make_article(
        status=Article.Status.DRAFT,
        source=make_source(),
        categories=categories,
        tags=[f"tag {n}" for n in range(count)],
    )
    relate(article, *[make_article() for _ in range(count)])
    client.force_login(writer)
    # session, user, user's own and group permissions (2), article, source, categories,
    # tags, related links with their articles, the related articles' fill, masthead
    # categories, corrections and updates, approved comments, the breaking-news banner and
    # the most-read ranking.
    with django_assert_max_num_queries(15):
        response = client.get(preview_url(article))
    assert response.status_code == 200
    assert response.content.decode().count('<li><a href="/tag/') == count
