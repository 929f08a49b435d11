"""The desk hears of each step by e-mail, batched, each person alone, never blocked by mail."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from tests.factories import make_article
from workflow.models import StatusChange
from workflow.notifications import LOCK_KEY
from workflow.services import take_transition

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_editor(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "eric", email="eric@example.org", password="x", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def step(capture, name, **kwargs):
    with capture(execute=True):
        return take_transition(name, **kwargs)


def test_editors_hear_of_a_submission_each_alone(
    writer, desk_editor, second_editor, writers_draft, django_capture_on_commit_callbacks
):
    step(django_capture_on_commit_callbacks, "submit", article=writers_draft, by=writer)
    assert sorted(m.to[0] for m in mail.outbox) == ["edith@example.org", "eric@example.org"]
    for message in mail.outbox:
        assert len(message.to) == 1 and not message.cc and not message.bcc
        assert "1 article(s) await your review" in message.body
        assert writers_draft.headline in message.body
        assert f"/admin/articles/article/{writers_draft.pk}/change/" in message.body
        # Nobody's address in the text: names only.
        assert "@example.org" not in message.body
    assert StatusChange.objects.get().notified_at is not None


def test_the_writer_hears_that_it_came_back_with_the_note_and_when_it_is_published(
    writer, desk_editor, writers_draft, django_capture_on_commit_callbacks
):
    step(django_capture_on_commit_callbacks, "submit", article=writers_draft, by=writer)
    cache.delete(LOCK_KEY)
    mail.outbox.clear()
    step(
        django_capture_on_commit_callbacks,
        "return",
        article=writers_draft,
        by=desk_editor,
        note="Name the ministry.",
    )
    (message,) = mail.outbox
    assert message.to == ["wendy@example.org"]
    assert "Returned to the writer by edith" in message.body
    assert "Note: Name the ministry." in message.body
    cache.delete(LOCK_KEY)
    mail.outbox.clear()
    at = timezone.now() + timedelta(hours=3)
    step(
        django_capture_on_commit_callbacks, "schedule", article=writers_draft, by=desk_editor, at=at
    )
    (message,) = mail.outbox
    assert message.to == ["wendy@example.org"] and "Scheduled" in message.subject
    assert "to go live" in message.body


def test_the_writer_hears_when_an_editor_publishes_their_article(
    writer, desk_editor, writers_draft, django_capture_on_commit_callbacks
):
    step(django_capture_on_commit_callbacks, "submit", article=writers_draft, by=writer)
    cache.delete(LOCK_KEY)
    mail.outbox.clear()
    step(django_capture_on_commit_callbacks, "publish", article=writers_draft, by=desk_editor)
    (message,) = mail.outbox
    assert message.to == ["wendy@example.org"]
    assert "Published" in message.subject and writers_draft.headline in message.subject
    assert "by edith" in message.body


def test_a_busy_hour_is_one_email_and_cron_sends_the_rest(
    writer, desk_editor, django_capture_on_commit_callbacks
):
    from articles.models import Article

    drafts = [make_article(status=Article.Status.DRAFT, author=writer) for _ in range(5)]
    for draft in drafts:
        step(django_capture_on_commit_callbacks, "submit", article=draft, by=writer)
    assert len(mail.outbox) == 1  # the first; the throttle holds the other four
    call_command("notify_desk", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1
    cache.delete(LOCK_KEY)
    call_command("notify_desk", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 2
    assert "4 article(s) await your review" in mail.outbox[1].body
    assert not StatusChange.objects.filter(notified_at__isnull=True).exists()


def test_nobody_hears_of_their_own_step(
    desk_editor, django_capture_on_commit_callbacks, django_user_model
):
    from articles.models import Article

    own = make_article(status=Article.Status.DRAFT, author=desk_editor)
    step(django_capture_on_commit_callbacks, "publish", article=own, by=desk_editor)
    assert mail.outbox == []


def test_a_failed_send_to_one_editor_is_retried_for_that_editor_alone(
    writer,
    desk_editor,
    second_editor,
    writers_draft,
    django_capture_on_commit_callbacks,
    monkeypatch,
):
    from django.core.mail import send_mail

    def refusing_eric(subject, message, from_email, recipient_list, **kwargs):
        if recipient_list == ["eric@example.org"]:
            raise ConnectionRefusedError("mailbox unavailable")
        return send_mail(subject, message, from_email, recipient_list, **kwargs)

    monkeypatch.setattr("workflow.notifications.send_mail", refusing_eric)
    step(django_capture_on_commit_callbacks, "submit", article=writers_draft, by=writer)
    assert [m.to for m in mail.outbox] == [["edith@example.org"]]
    assert StatusChange.objects.get().notified_at is None  # eric has not heard yet

    monkeypatch.undo()
    mail.outbox.clear()
    call_command("notify_desk", "--force", stdout=open("/dev/null", "w"))  # noqa: SIM115
    (message,) = mail.outbox
    assert message.to == ["eric@example.org"]
    assert writers_draft.headline in message.body
    assert StatusChange.objects.get().notified_at is not None

    mail.outbox.clear()
    call_command("notify_desk", "--force", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert mail.outbox == []


def test_an_address_that_keeps_refusing_is_given_up_after_three_days(
    writer, desk_editor, writers_draft, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    def refusing(subject, message, from_email, recipient_list, **kwargs):
        raise ConnectionRefusedError("mailbox unavailable")

    monkeypatch.setattr("workflow.notifications.send_mail", refusing)
    step(django_capture_on_commit_callbacks, "submit", article=writers_draft, by=writer)
    call_command("notify_desk", "--force", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert StatusChange.objects.get().notified_at is None  # tried again next time

    StatusChange.objects.update(at=timezone.now() - timedelta(days=4))
    call_command("notify_desk", "--force", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert StatusChange.objects.get().notified_at is not None
    assert "Gave up e-mailing the desk" in caplog.text
