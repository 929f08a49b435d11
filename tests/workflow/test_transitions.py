"""The state machine: each action from the states it starts from, by the roles allowed, recorded."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from tests.factories import make_article
from workflow.models import StatusChange
from workflow.services import take_transition
from workflow.transitions import TRANSITIONS, State, available, state_of

pytestmark = pytest.mark.django_db


def in_review(article):
    article.status = Article.Status.IN_REVIEW
    article.save()
    return article


def names(user, article):
    return [t.name for t in available(user, article)]


def test_each_role_is_offered_only_what_it_may_do(writer, other_writer, desk_editor, writers_draft):
    assert names(writer, writers_draft) == ["submit"]
    assert names(other_writer, writers_draft) == []
    assert names(desk_editor, writers_draft) == ["submit", "publish", "schedule"]
    in_review(writers_draft)
    assert names(writer, writers_draft) == ["withdraw"]
    assert names(desk_editor, writers_draft) == ["return", "publish", "schedule"]
    live = make_article(author=writer)
    assert names(writer, live) == []
    assert names(desk_editor, live) == ["unpublish"]
    scheduled = make_article(published_at=timezone.now() + timedelta(hours=1))
    assert state_of(scheduled) == State.SCHEDULED
    assert names(desk_editor, scheduled) == ["publish", "schedule", "unpublish"]


def test_every_step_is_recorded_with_who_when_from_to_and_note(
    writer, desk_editor, writers_draft, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        take_transition("submit", article=writers_draft, by=writer)
        take_transition("return", article=writers_draft, by=desk_editor, note="Source the quote.")
    steps = list(StatusChange.objects.filter(article=writers_draft))
    assert [(s.action, s.from_state, s.to_state, s.by) for s in steps] == [
        ("submit", "draft", "review", writer),
        ("return", "review", "draft", desk_editor),
    ]
    assert steps[1].note == "Source the quote."
    assert steps[1].at >= steps[0].at
    revision = Version.objects.get_for_object(writers_draft).first().revision
    assert revision.user == desk_editor
    assert "Source the quote." in revision.get_comment()


def test_returning_needs_a_note(desk_editor, writers_draft):
    in_review(writers_draft)
    with pytest.raises(ValidationError, match="note"):
        take_transition("return", article=writers_draft, by=desk_editor, note="   ")
    writers_draft.refresh_from_db()
    assert writers_draft.status == Article.Status.IN_REVIEW
    assert not StatusChange.objects.exists()


def test_scheduling_needs_a_future_time(desk_editor, writers_draft):
    for at in [None, timezone.now() - timedelta(minutes=1)]:
        with pytest.raises(ValidationError):
            take_transition("schedule", article=writers_draft, by=desk_editor, at=at)
    assert not StatusChange.objects.exists()


@pytest.mark.parametrize("name", ["publish", "schedule", "unpublish", "return"])
def test_writer_can_never_publish_schedule_unpublish_or_return(writer, name):
    article = in_review(make_article(author=writer, status=Article.Status.DRAFT))
    if name == "unpublish":
        article = make_article(author=writer)
    with pytest.raises(PermissionDenied):
        take_transition(
            name,
            article=article,
            by=writer,
            note="x",
            at=timezone.now() + timedelta(hours=1),
        )


def test_only_the_author_withdraws(writer, other_writer, writers_draft):
    in_review(writers_draft)
    with pytest.raises(PermissionDenied):
        take_transition("withdraw", article=writers_draft, by=other_writer)
    take_transition("withdraw", article=writers_draft, by=writer)
    assert writers_draft.status == Article.Status.DRAFT


@pytest.mark.parametrize("name", sorted(TRANSITIONS))
def test_an_action_from_the_wrong_state_is_refused(desk_editor, writer, name):
    # A live article: only Unpublish applies.
    article = make_article(author=writer)
    if name == "unpublish":
        article.status = Article.Status.DRAFT
        article.save()
    with pytest.raises((ValidationError, PermissionDenied)):
        take_transition(
            name, article=article, by=desk_editor, note="n", at=timezone.now() + timedelta(days=1)
        )


def test_unknown_action_is_refused(desk_editor, writers_draft):
    with pytest.raises(ValidationError):
        take_transition("delete-everything", article=writers_draft, by=desk_editor)


def test_scheduled_article_appears_by_itself_when_its_time_comes(client, desk_editor, category):
    article = make_article(
        status=Article.Status.DRAFT, published_at=None, categories=[category], tags=["Navy"]
    )
    at = timezone.now() + timedelta(hours=2)
    take_transition("schedule", article=article, by=desk_editor, at=at)
    assert article.is_scheduled()
    pages = [article.get_absolute_url(), "/", category.get_absolute_url(), "/tag/navy/"]
    assert client.get(pages[0]).status_code == 404
    for url in pages[1:]:
        assert article.headline not in client.get(url).content.decode()
    later = at + timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert client.get(pages[0]).status_code == 200
        for url in pages[1:]:
            assert article.headline in client.get(url).content.decode()


def test_publish_now_from_scheduled_and_unpublish_take_it_off_every_page(client, desk_editor):
    article = make_article(
        headline="Soon withdrawn", published_at=timezone.now() + timedelta(days=1)
    )
    take_transition("publish", article=article, by=desk_editor)
    assert article.is_published()
    assert client.get(article.get_absolute_url()).status_code == 200
    take_transition("unpublish", article=article, by=desk_editor, note="Legal asked.")
    assert client.get(article.get_absolute_url()).status_code == 404
    assert "Soon withdrawn" not in client.get("/").content.decode()
    assert StatusChange.objects.get(action="unpublish").note == "Legal asked."


def test_a_mail_server_down_never_blocks_a_step(
    writer, desk_editor, writers_draft, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr("workflow.notifications.send_mail", broken)
    with django_capture_on_commit_callbacks(execute=True):
        take_transition("submit", article=writers_draft, by=writer)
    writers_draft.refresh_from_db()
    assert writers_draft.status == Article.Status.IN_REVIEW
    assert StatusChange.objects.get().notified_at is None  # tried again on the next run
    assert mail.outbox == []
