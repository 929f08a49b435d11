"""A commenter who ticked "tell me when it appears" hears once, alone, and can stop it in a click."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command

from comments.models import Comment
from comments.notifications import unsubscribe_token
from comments.services import approve_comment, reject_comment

from .conftest import form_data, make_comment, post_url

pytestmark = pytest.mark.django_db


def approve(comment, moderator, capture):
    with capture(execute=True):
        approve_comment(comment=comment, moderator=moderator)


def test_the_box_is_on_the_form_and_kept(client, article, django_capture_on_commit_callbacks):
    page = client.get(post_url(article)).content.decode()
    assert "Tell me when it appears" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(post_url(article), form_data(notify_on_approval="on"))
    assert Comment.objects.get().notify_on_approval is True


def test_approval_tells_the_commenter_once_and_no_one_else(
    article, moderator, django_capture_on_commit_callbacks
):
    mine = make_comment(
        article, status=Comment.Status.PENDING, email="aiko@example.org", notify_on_approval=True
    )
    quiet = make_comment(article, status=Comment.Status.PENDING, email="ken@example.org")
    mail.outbox.clear()
    approve(mine, moderator, django_capture_on_commit_callbacks)
    approve(quiet, moderator, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["aiko@example.org"] and not message.cc and not message.bcc
    assert f"#comment-{mine.pk}" in message.body
    assert "ken@example.org" not in message.body and "mod@example.org" not in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    call_command("notify_moderators", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1  # never twice


def test_three_approvals_in_a_row_send_one_email_and_cron_the_rest_later(
    article, moderator, django_capture_on_commit_callbacks
):
    aikos = [
        make_comment(
            article,
            status=Comment.Status.PENDING,
            email="aiko@example.org",
            notify_on_approval=True,
            body=f"Remark {n}",
        )
        for n in range(3)
    ]
    kens = make_comment(
        article, status=Comment.Status.PENDING, email="ken@example.org", notify_on_approval=True
    )
    for comment in [*aikos, kens]:
        approve(comment, moderator, django_capture_on_commit_callbacks)
    # One e-mail each: Aiko's first approval, and Ken's, whom Aiko's interval does not hold up.
    assert sorted(m.to[0] for m in mail.outbox) == ["aiko@example.org", "ken@example.org"]
    call_command("notify_moderators", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 2  # Aiko's interval is not over

    cache.clear()  # the interval is over
    call_command("notify_moderators", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 3
    assert mail.outbox[2].to == ["aiko@example.org"]
    assert "Your 2 comments now appear" in mail.outbox[2].body
    assert not Comment.objects.filter(approval_notified_at__isnull=True, notify_on_approval=True)


def test_a_rejected_comment_sends_nothing(article, moderator, django_capture_on_commit_callbacks):
    comment = make_comment(article, status=Comment.Status.PENDING, notify_on_approval=True)
    with django_capture_on_commit_callbacks(execute=True):
        reject_comment(comment=comment, moderator=moderator)
    assert mail.outbox == []


def test_one_click_unsubscribe_stops_what_is_still_waiting(
    client, article, moderator, django_capture_on_commit_callbacks
):
    first = make_comment(
        article, status=Comment.Status.PENDING, email="aiko@example.org", notify_on_approval=True
    )
    second = make_comment(
        article, status=Comment.Status.PENDING, email="Aiko@example.org", notify_on_approval=True
    )
    approve(first, moderator, django_capture_on_commit_callbacks)
    url = f"/comments/unsubscribe/{unsubscribe_token(first)}/"
    assert url in mail.outbox[0].body
    page = client.get(url)
    assert page.status_code == 200 and "aiko@example.org" not in page.content.decode()
    second.refresh_from_db()
    assert second.notify_on_approval is True  # a GET (a link checker) changes nothing
    assert client.post(url).status_code == 200  # what mail programs send (RFC 8058), no token
    approve(second, moderator, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("token", ["1", "1:forged", "x" * 300, "%00"])
def test_forged_unsubscribe_links_are_not_found(client, token):
    assert client.get(f"/comments/unsubscribe/{token}/").status_code == 404


def test_a_mail_server_down_never_blocks_moderation(
    article, moderator, monkeypatch, django_capture_on_commit_callbacks
):
    comment = make_comment(article, status=Comment.Status.PENDING, notify_on_approval=True)

    def broken(*args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
    approve(comment, moderator, django_capture_on_commit_callbacks)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    assert comment.approval_notified_at is None  # the next run tries again
