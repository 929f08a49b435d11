"""Spam suspects: too many links or the block list hold a comment for the queue, unseen."""

import pytest
from django.test import Client

from comments.models import BlockedTerm, Comment
from comments.policy import CommentPolicy

from .conftest import form_data, post_url

pytestmark = pytest.mark.django_db


def post(client, article, **overrides):
    response = client.post(post_url(article), form_data(**overrides), **overrides.pop("meta", {}))
    assert response.status_code == 303
    return Comment.objects.latest()


def test_links_up_to_the_threshold_are_fine(client, article):
    comment = post(client, article, body="See https://a.example and www.b.example")
    assert not comment.is_spam_suspect


def test_more_links_than_the_threshold_make_a_suspect(client, article):
    comment = post(
        client, article, body="https://a.example http://b.example www.c.example cheap pills"
    )
    assert comment.is_spam_suspect
    assert comment.status == Comment.Status.PENDING
    assert "3 links (limit 2)" in comment.spam_reasons
    # The poster sees it pending like any other (no hint for spammers); nobody else sees it.
    assert "cheap pills" in client.get(article.get_absolute_url()).content.decode()
    assert "cheap pills" not in Client().get(article.get_absolute_url()).content.decode()


def test_link_threshold_comes_from_settings(client, article, settings):
    settings.NEWSDESK_COMMENTS = {**settings.NEWSDESK_COMMENTS, "MAX_LINKS": 0}
    assert post(client, article, body="One https://a.example").is_spam_suspect


@pytest.mark.parametrize(
    ("kind", "value", "overrides", "suspect"),
    [
        ("word", "Casino", {"body": "Visit the casino today"}, True),
        ("word", "casino", {"name": "CASINO king"}, True),
        ("word", "casino", {"body": "occasional casinos"}, False),  # whole words only
        ("word", "buy now", {"body": "Please BUY   now"}, False),
        ("word", "buy now", {"body": "Please buy now!"}, True),
        ("email", "Troll@Example.org", {"email": "troll@example.org"}, True),
        ("email", "@spam.example", {"email": "anyone@spam.example"}, True),
        ("email", "@spam.example", {"email": "anyone@notspam.example.org"}, False),
        # Disguises: zero-width space, soft hyphen, full-width, Cyrillic and Greek look-alikes,
        # accents, a subdomain of a blocked domain.
        ("word", "casino", {"body": "Visit the cas\u200bino today"}, True),
        ("word", "casino", {"body": "Visit the ca\u00adsino today"}, True),
        ("word", "casino", {"body": "Visit the ｃａｓｉｎｏ today"}, True),
        ("word", "casino", {"body": "Visit the с\u0430sin\u043e today"}, True),
        ("word", "casino", {"body": "Visit the cas\u03b9n\u03bf today"}, True),
        ("word", "casino", {"body": "Visit the càsìnò today"}, True),
        ("word", "casino", {"body": "Visit the casino\u200bs today"}, False),
        # Direction marks and invisible operators pass the form: folded away all the same.
        ("word", "casino", {"body": "Visit the cas\u200eino today"}, True),
        ("word", "casino", {"body": "Visit the cas\u200fino today"}, True),
        ("word", "casino", {"body": "Visit the ca\u2061si\u2063no today"}, True),
        ("word", "casino", {"name": "cas\u3164ino"}, True),  # a Hangul filler draws nothing
        ("word", "casino", {"body": "Visit the \u03f2asino today"}, True),  # Greek lunate sigma
        ("word", "lottery", {"body": "Win the \u04cfottery"}, True),  # Cyrillic palochka
        ("email", "@spam.example", {"email": "anyone@mail.spam.example"}, True),
        ("email", "@spam.example", {"email": "anyone@MAIL.SPAM.EXAMPLE"}, True),
        ("email", "@spam.example", {"email": "anyone@spam.example.org"}, False),
        ("ip", "127.0.0.1", {}, True),
        ("ip", "127.0.0.0/8", {}, True),
        ("ip", "10.0.0.0/8", {}, False),
    ],
)
def test_block_list(client, article, kind, value, overrides, suspect):
    term = BlockedTerm(kind=kind, value=value)
    term.full_clean()
    term.save()
    comment = post(client, article, **overrides)
    assert comment.is_spam_suspect is suspect
    assert comment.status == Comment.Status.PENDING


def test_policy_is_a_declaration_read_from_settings(settings):
    settings.NEWSDESK_COMMENTS = {**settings.NEWSDESK_COMMENTS, "MAX_DEPTH": 7}
    policy = CommentPolicy()
    assert policy.max_depth == 7
    assert policy.enable_field == "comments_open"
    assert policy.auto_close_field == "published_at"
    with pytest.raises(AttributeError):
        policy.no_such_threshold  # noqa: B018


@pytest.mark.parametrize(
    "mark",
    [chr(c) for c in [*range(0x200B, 0x2010), *range(0x202A, 0x202F), 0x2060, 0xFEFF, 0xFFA0]],
)
def test_every_invisible_mark_is_folded_away(mark):
    from comments.folding import fold

    assert fold(f"ca{mark}si{mark}no") == "casino"
