"""State transitions: who may make them, and scheduled publication appearing by itself."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from tests.factories import make_article, make_category
from workflow.services import (
    publish_article,
    return_to_draft,
    submit_for_review,
    unpublish_article,
)

pytestmark = pytest.mark.django_db


def test_writer_submits_own_draft_for_review(writer, writers_draft):
    submit_for_review(article=writers_draft, by=writer)
    writers_draft.refresh_from_db()
    assert writers_draft.status == Article.Status.IN_REVIEW
    # ...and the revision says who did what.
    revision = Version.objects.get_for_object(writers_draft).first().revision
    assert revision.user == writer
    assert revision.get_comment() == "Submitted for review."


def test_writer_cannot_submit_someone_elses_draft(other_writer, writers_draft):
    with pytest.raises(PermissionDenied):
        submit_for_review(article=writers_draft, by=other_writer)


@pytest.mark.parametrize("service", [publish_article, unpublish_article])
def test_writer_can_never_publish_or_unpublish(writer, service):
    article = make_article(author=writer)
    with pytest.raises(PermissionDenied):
        service(article=article, by=writer)


def test_editor_returns_an_article_in_review_to_draft(desk_editor, writers_draft):
    writers_draft.status = Article.Status.IN_REVIEW
    writers_draft.save()
    return_to_draft(article=writers_draft, by=desk_editor)
    assert writers_draft.status == Article.Status.DRAFT
    with pytest.raises(ValidationError):
        return_to_draft(article=writers_draft, by=desk_editor)


def test_scheduled_article_appears_by_itself_when_its_time_comes(client, desk_editor, category):
    article = make_article(
        status=Article.Status.DRAFT, published_at=None, categories=[category], tags=["Navy"]
    )
    at = timezone.now() + timedelta(hours=2)
    publish_article(article=article, by=desk_editor, at=at)
    assert article.is_scheduled()

    pages = [article.get_absolute_url(), "/", category.get_absolute_url(), "/tag/navy/"]
    assert client.get(pages[0]).status_code == 404
    for url in pages[1:]:
        assert article.headline not in client.get(url).content.decode()

    # Two hours and a minute later, with no job run in between.
    later = at + timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert client.get(pages[0]).status_code == 200
        for url in pages[1:]:
            assert article.headline in client.get(url).content.decode()


def test_publish_without_a_time_means_now_and_keeps_a_live_time(desk_editor):
    article = make_article(status=Article.Status.DRAFT, published_at=None)
    publish_article(article=article, by=desk_editor)
    first = article.published_at
    assert article.is_published()
    publish_article(article=article, by=desk_editor)
    assert article.published_at == first


def test_unpublishing_takes_it_off_every_reader_page(client, desk_editor):
    category = make_category(name="Air", slug="air")
    article = make_article(headline="Soon withdrawn", categories=[category], tags=["Air power"])
    pages = ["/", category.get_absolute_url(), "/tag/air-power/"]
    for url in pages:
        assert "Soon withdrawn" in client.get(url).content.decode()
    unpublish_article(article=article, by=desk_editor)
    assert client.get(article.get_absolute_url()).status_code == 404
    for url in pages:
        assert "Soon withdrawn" not in client.get(url).content.decode()
    assert not Article.objects.published().filter(pk=article.pk).exists()
