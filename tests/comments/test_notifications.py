"""Moderators hear about waiting comments by email, batched: a flood is not a mail flood."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command

from comments.models import Comment
from comments.services import NOTIFY_LOCK_KEY
from tests.conftest import staff_member

from .conftest import form_data, post_url

pytestmark = pytest.mark.django_db


def test_a_flood_of_comments_sends_one_email(
    client, article, moderator, settings, django_capture_on_commit_callbacks
):
    settings.NEWSDESK_COMMENTS = {**settings.NEWSDESK_COMMENTS, "FLOOD_LIMIT": 100}
    for n in range(10):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                post_url(article),
                form_data(body=f"Comment {n}", email=f"private{n}@example.org"),
            )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["mod@example.org"]
    assert "1 new comment(s) await moderation" in message.body
    assert "/admin/comments/comment/?status__exact=pending" in message.body
    assert "private" not in message.body and "127.0.0.1" not in message.body

    # Cron picks up the rest, once the interval has passed.
    call_command("notify_moderators", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1
    cache.delete(NOTIFY_LOCK_KEY)
    call_command("notify_moderators", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 2
    assert "9 new comment(s) await moderation" in mail.outbox[1].body
    assert "Pending in total: 10." in mail.outbox[1].body
    assert not Comment.objects.filter(notified_at__isnull=True).exists()

    # Nothing new: nothing sent, even forced.
    call_command("notify_moderators", "--force", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 2


def test_extra_recipients_from_settings_and_none_without_recipients(
    client, article, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(post_url(article), form_data())
    assert mail.outbox == []  # nobody to tell: the comment stays un-notified for later
    assert Comment.objects.get().notified_at is None
    settings.NEWSDESK_COMMENTS = {**settings.NEWSDESK_COMMENTS, "NOTIFY_EMAILS": ["desk@x.org"]}
    call_command("notify_moderators", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert mail.outbox[0].to == ["desk@x.org"]


def test_a_failing_mail_server_neither_breaks_posting_nor_loses_the_notification(
    client, article, moderator, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr("comments.services.send_mail", broken)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(post_url(article), form_data())
    assert response.status_code == 303
    assert Comment.objects.get().notified_at is None
    monkeypatch.undo()
    call_command("notify_moderators", "--force", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1


def test_each_moderator_gets_a_message_of_their_own_and_sees_no_other_address(
    client, article, moderator, django_user_model, settings, django_capture_on_commit_callbacks
):
    staff_member(django_user_model, "mona", "Moderators")
    settings.NEWSDESK_COMMENTS = {**settings.NEWSDESK_COMMENTS, "NOTIFY_EMAILS": ["desk@x.org"]}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(post_url(article), form_data())
    assert sorted(m.to[0] for m in mail.outbox) == [
        "desk@x.org",
        "mod@example.org",
        "mona@example.org",
    ]
    for message in mail.outbox:
        assert len(message.to) == 1 and not message.cc and not message.bcc
        assert "1 new comment(s) await moderation" in message.body


def test_one_refused_address_does_not_keep_the_other_moderators_uninformed(
    client, article, moderator, settings, django_capture_on_commit_callbacks, monkeypatch
):
    from django.core.mail import send_mail

    def refusing_desk(**kwargs):
        if kwargs["recipient_list"] == ["desk@x.org"]:
            raise ConnectionRefusedError("mailbox unavailable")
        return send_mail(**kwargs)

    monkeypatch.setattr("comments.services.send_mail", refusing_desk)
    settings.NEWSDESK_COMMENTS = {**settings.NEWSDESK_COMMENTS, "NOTIFY_EMAILS": ["desk@x.org"]}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(post_url(article), form_data())
    assert [m.to for m in mail.outbox] == [["mod@example.org"]]
    assert Comment.objects.get().notified_at is not None


def test_a_long_list_of_waiting_comments_is_reported_and_marked_in_slices(
    article, moderator, monkeypatch
):
    # The ids go to the database a slice at a time (a flood can outgrow one statement's
    # parameters); a slice of two here, so five comments take three.
    monkeypatch.setattr("comments.services.ID_SLICE", 2)
    for n in range(5):
        Comment.objects.create(
            article=article,
            name=f"Reader {n}",
            email=f"r{n}@example.org",
            body="Text",
            is_spam_suspect=n in (1, 4),
        )
    call_command("notify_moderators", "--force", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert "5 new comment(s) await moderation (2 flagged as spam suspects)." in mail.outbox[-1].body
    assert not Comment.objects.filter(notified_at__isnull=True).exists()
