"""Posting a comment through the real view: what the reader sees at each step."""

import time
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from comments.forms import sign_timestamp
from comments.models import Comment
from comments.pending import PENDING_COOKIE
from tests.factories import make_article

from .conftest import form_data, make_comment, post_url

pytestmark = pytest.mark.django_db

NOTICE = "Thank you: your comment awaits moderation."


def test_reader_posts_and_sees_own_pending_comment_nobody_else_does(client, article):
    response = client.post(post_url(article), form_data(body="My first\ncomment"))
    comment = Comment.objects.get()
    assert response.status_code == 303
    assert response["Location"] == f"/news/japan-eu-pact/#comment-{comment.pk}"
    assert comment.status == Comment.Status.PENDING
    assert comment.ip_address == "127.0.0.1"
    cookie = response.cookies[PENDING_COOKIE]
    assert cookie["path"] == "/news/japan-eu-pact/"
    assert cookie["httponly"]

    page = client.get(article.get_absolute_url())
    html = page.content.decode()
    assert NOTICE in html
    assert "My first<br>comment" in html
    assert "Awaiting moderation" in html
    assert "private" in page["Cache-Control"] and "no-store" in page["Cache-Control"]

    stranger = Client().get(article.get_absolute_url()).content.decode()
    assert NOTICE not in stranger
    assert "My first" not in stranger
    assert "No comments yet." in stranger


def test_pending_cookie_is_signed_and_scoped_to_its_article(client, article):
    other = make_article()
    client.post(post_url(article), form_data(body="Only here"))
    assert "Only here" not in client.get(other.get_absolute_url()).content.decode()
    # A forged cookie naming someone else's pending comment shows nothing.
    victim = make_comment(article, status=Comment.Status.PENDING, body="Someone else's")
    forger = Client()
    forger.cookies[PENDING_COOKIE] = str(victim.pk)
    assert "Someone else" not in forger.get(article.get_absolute_url()).content.decode()


def test_approved_comment_appears_for_everyone_and_notice_goes(client, article):
    client.post(post_url(article), form_data(body="Now public"))
    Comment.objects.update(status=Comment.Status.APPROVED)
    html = Client().get(article.get_absolute_url()).content.decode()
    assert "Now public" in html
    assert "1 comment" in html
    response = client.get(article.get_absolute_url())
    assert NOTICE not in response.content.decode()
    # Nothing left pending: the cookie goes, and with it the private rendering.
    assert response.cookies[PENDING_COOKIE].value == ""
    assert response.cookies[PENDING_COOKIE]["path"] == "/news/japan-eu-pact/"
    assert PENDING_COOKIE not in client.cookies or not client.cookies[PENDING_COOKIE].value


def test_name_limit_never_exceeds_the_column(client, article, settings):
    settings.NEWSDESK_COMMENTS = {**settings.NEWSDESK_COMMENTS, "NAME_MAX_LENGTH": 500}
    response = client.post(post_url(article), form_data(name="n" * 200))
    assert response.status_code == 400
    assert "at most 80 characters" in response.content.decode()


def test_form_marks_required_fields_and_says_email_is_not_published(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Leave a Reply" in html
    assert "Your email address will not be published." in html
    assert "Required fields are marked" in html
    assert html.count('<span class="required" aria-hidden="true">*</span>') == 3
    assert html.count("Your email address will not be published.") == 1


@pytest.mark.parametrize(
    ("overrides", "field_message"),
    [
        ({"name": ""}, "This field is required."),
        ({"email": "not-an-email"}, "Enter a valid email address."),
        ({"body": "   "}, "This field is required."),
        ({"body": "x" * 5001}, "Ensure this value has at most 5000 characters"),
        ({"name": "n" * 81}, "Ensure this value has at most 80 characters"),
        ({"email": "a" * 250 + "@example.org"}, "Ensure this value has at most 254 characters"),
        ({"email": "a@example.org\r\nBcc: x@example.org"}, "cannot contain line breaks"),
        ({"email": "a@example.org\r\n"}, "cannot contain line breaks"),
        ({"name": "Aiko\nTanaka"}, "Remove the invisible control characters"),
        ({"body": "bell\x07"}, "Remove the invisible control characters"),
        ({"body": "nul\x00byte"}, "Null characters are not allowed."),
        ({"name": "evil\u202eeman"}, "Remove the invisible control characters"),
    ],
)
def test_invalid_post_reshows_form_with_text_and_message(client, article, overrides, field_message):
    data = form_data(**{"body": "Keep this text, please", **overrides})
    response = client.post(post_url(article), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert field_message in html
    assert "Your comment was not posted yet" in html
    # An error summary, focused on load, links each error to its field.
    assert "data-error-summary" in html and "autofocus" in html
    assert not Comment.objects.exists()
    if "body" not in overrides:
        assert "Keep this text, please</textarea>" in html
    assert "private" in response["Cache-Control"]


def test_honeypot_is_refused_and_cleared(client, article):
    response = client.post(post_url(article), form_data(website="http://spam.example"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Your comment looked automated." in html
    assert "http://spam.example" not in html
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    ("timestamp", "message"),
    [
        (lambda: sign_timestamp(), "That was very fast."),
        (lambda: sign_timestamp(time.time() - 3 * 24 * 3600), "The form has expired."),
        (lambda: sign_timestamp(time.time() + 3600), "The form has expired."),
        (lambda: "1700000000", "The form could not be verified."),
        (lambda: sign_timestamp()[:-2] + "xx", "The form could not be verified."),
        (lambda: "", "The form did not load completely."),
    ],
)
def test_timestamp_refusals_say_so_and_keep_text(client, article, timestamp, message):
    response = client.post(
        post_url(article), form_data(timestamp=timestamp(), body="Kept body text")
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "Kept body text</textarea>" in html
    assert not Comment.objects.exists()


def test_after_a_stale_form_the_reshown_form_posts(client, article):
    response = client.post(post_url(article), form_data(timestamp=""))
    fresh = response.context["form"]["timestamp"].value()
    assert fresh
    # Waiting the minimum time is the reader's part; pretend it has passed.
    from comments import forms

    assert forms.timestamp_still_valid(fresh)


def test_timestamp_thresholds_come_from_settings(client, article, settings):
    settings.NEWSDESK_COMMENTS = {**settings.NEWSDESK_COMMENTS, "MIN_SECONDS": 0}
    response = client.post(post_url(article), form_data(timestamp=sign_timestamp()))
    assert response.status_code == 303


def test_flood_limit_gives_429_with_text_kept(client, article, settings):
    settings.NEWSDESK_COMMENTS = {**settings.NEWSDESK_COMMENTS, "FLOOD_LIMIT": 2}
    for n in range(2):
        assert client.post(post_url(article), form_data(body=f"Post {n}")).status_code == 303
    response = client.post(post_url(article), form_data(body="The third one, kept"))
    html = response.content.decode()
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "Too many comments from your connection." in html
    assert "The third one, kept</textarea>" in html
    assert Comment.objects.count() == 2
    # Another address is not affected.
    other = client.post(post_url(article), form_data(), REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 303


def test_flood_limit_counts_the_forwarded_address_behind_a_trusted_proxy(client, article, settings):
    settings.NEWSDESK_COMMENTS = {
        **settings.NEWSDESK_COMMENTS,
        "FLOOD_LIMIT": 1,
        "TRUSTED_PROXY_COUNT": 1,
    }
    first = client.post(post_url(article), form_data(), HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert first.status_code == 303
    assert Comment.objects.get().ip_address == "203.0.113.5"
    second = client.post(post_url(article), form_data(), HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert second.status_code == 303


def test_closed_article_has_no_form_and_refuses_a_forged_post(client):
    article = make_article(comments_open=False)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Comments are closed on this article." in html
    assert "<form" not in html.split('id="comments"')[1]
    assert "No comments yet." not in html
    response = client.post(post_url(article), form_data(body="Forged but kept"))
    assert response.status_code == 403
    assert "Comments are closed on this article." in response.content.decode()
    assert "Forged but kept" in response.content.decode()
    assert "Post comment</button>" not in response.content.decode()
    assert not Comment.objects.exists()


def test_comments_close_automatically_after_the_configured_days(client, settings):
    settings.NEWSDESK_COMMENTS = {**settings.NEWSDESK_COMMENTS, "CLOSE_AFTER_DAYS": 10}
    old = make_article(published_at=timezone.now() - timedelta(days=11))
    recent = make_article(published_at=timezone.now() - timedelta(days=9))
    assert "Comments are closed" in client.get(old.get_absolute_url()).content.decode()
    assert "Leave a Reply" in client.get(recent.get_absolute_url()).content.decode()
    assert client.post(post_url(old), form_data()).status_code == 403
    assert client.post(post_url(recent), form_data()).status_code == 303
    settings.NEWSDESK_COMMENTS = {**settings.NEWSDESK_COMMENTS, "CLOSE_AFTER_DAYS": 0}
    assert "Leave a Reply" in client.get(old.get_absolute_url()).content.decode()


def test_drafts_take_no_comments(client):
    draft = make_article(status="draft")
    assert client.post(post_url(draft), form_data()).status_code == 404
    assert not Comment.objects.exists()


def test_reply_to_an_approved_comment_is_threaded(client, article):
    parent = make_comment(article, name="First reader", body="Parent text")
    response = client.post(post_url(article), form_data(parent=str(parent.pk), body="A reply"))
    assert response.status_code == 303
    reply = Comment.objects.get(body="A reply")
    assert reply.parent == parent and reply.depth == 2
    Comment.objects.filter(pk=reply.pk).update(status=Comment.Status.APPROVED)
    html = Client().get(article.get_absolute_url()).content.decode()
    replies = html.split('class="comment-list comment-list--replies"')[1]
    assert "A reply" in replies
    assert f'data-reply-to="{parent.pk}"' in html


@pytest.mark.parametrize("case", ["pending", "rejected", "other_article", "missing", "too_deep"])
def test_forged_parents_are_refused(client, article, case, settings):
    settings.NEWSDESK_COMMENTS = {**settings.NEWSDESK_COMMENTS, "MAX_DEPTH": 2}
    if case == "pending":
        parent_id = make_comment(article, status=Comment.Status.PENDING).pk
    elif case == "rejected":
        parent_id = make_comment(article, status=Comment.Status.REJECTED).pk
    elif case == "other_article":
        parent_id = make_comment(make_article()).pk
    elif case == "missing":
        parent_id = 999999
    else:
        parent_id = make_comment(article, parent=make_comment(article)).pk
    before = Comment.objects.count()
    response = client.post(post_url(article), form_data(parent=str(parent_id), body="Kept reply"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "post a new comment instead" in html
    assert "Kept reply</textarea>" in html
    assert Comment.objects.count() == before


def test_deepest_comments_offer_no_reply_link(client, article, settings):
    settings.NEWSDESK_COMMENTS = {**settings.NEWSDESK_COMMENTS, "MAX_DEPTH": 2}
    top = make_comment(article)
    deep = make_comment(article, parent=top)
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'data-reply-to="{top.pk}"' in html
    assert f'data-reply-to="{deep.pk}"' not in html


def test_reply_without_javascript_opens_the_form_on_its_own_page(client, article):
    parent = make_comment(article, name="First reader")
    response = client.get(post_url(article), {"reply_to": parent.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Replying to <strong data-replying-name>First reader</strong>" in html
    assert f'name="parent" value="{parent.pk}"' in html
    assert 'name="csrfmiddlewaretoken" value="' in html
    assert "no-store" in response["Cache-Control"]
