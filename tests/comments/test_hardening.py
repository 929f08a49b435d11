"""One-use form timestamps, double posts, the token endpoint's limits, and a comment posted
while the database is unavailable."""

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import reverse

from comments.models import Comment

from .conftest import form_data, post_url

pytestmark = pytest.mark.django_db


def test_the_same_form_posted_twice_stores_one_comment_and_shows_it(client, article):
    data = form_data(body="Posted with a double click")
    first = client.post(post_url(article), data)
    second = client.post(post_url(article), data)
    assert first.status_code == second.status_code == 303
    comment = Comment.objects.get()
    assert (
        first["Location"]
        == second["Location"]
        == f"{article.get_absolute_url()}#comment-{comment.pk}"
    )
    assert "Posted with a double click" in client.get(second["Location"]).content.decode()


def test_a_used_timestamp_cannot_post_another_comment(client, article):
    data = form_data(body="The first")
    assert client.post(post_url(article), data).status_code == 303
    replay = Client().post(post_url(article), {**data, "body": "A replayed timestamp"})
    html = replay.content.decode()
    assert replay.status_code == 400
    assert "This form was already used to post a comment." in html
    assert "A replayed timestamp</textarea>" in html  # nothing typed is lost
    assert data["timestamp"] not in html  # a fresh timestamp to post it with
    assert Comment.objects.count() == 1


def test_a_twin_submission_while_the_first_is_saving_stores_nothing(client, article, monkeypatch):
    from comments import used_once

    data = form_data()
    monkeypatch.setattr("comments.views.claim", lambda *args, **kwargs: False)
    monkeypatch.setattr("comments.views.claimed_by", lambda timestamp: used_once.CLAIMED)
    response = client.post(post_url(article), data)
    assert response.status_code == 303
    assert response["Location"].endswith("#comments")
    assert not Comment.objects.exists()


def test_token_endpoint_answers_head_and_get_only(client):
    url = reverse("comments:token")
    assert client.get(url).status_code == 200
    head = client.head(url)
    assert head.status_code == 200 and head.content == b""
    for method in ("post", "put", "delete"):
        assert getattr(client, method)(url).status_code == 405


def test_token_endpoint_is_rate_limited_per_address(client, settings):
    settings.NEWSDESK_COMMENTS = {**settings.NEWSDESK_COMMENTS, "TOKEN_LIMIT": 3}
    url = reverse("comments:token")
    for _ in range(3):
        assert client.get(url).status_code == 200
    limited = client.get(url)
    assert limited.status_code == 429 and limited["Retry-After"] == "60"
    assert client.get(url, REMOTE_ADDR="198.51.100.9").status_code == 200


def test_a_comment_posted_during_an_outage_comes_back_with_its_text(client, article, monkeypatch):
    def database_down(**kwargs):
        raise OperationalError("could not connect to server")

    data = form_data(body="Written while the database restarts")
    monkeypatch.setattr("comments.views.post_comment", database_down)
    response = client.post(post_url(article), data)
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "try again shortly" in html
    assert "Written while the database restarts</textarea>" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert f'action="{post_url(article)}"' in html
    monkeypatch.undo()
    # The database is back: the same form (its timestamp released) stores the comment.
    assert client.post(post_url(article), data).status_code == 303
    assert Comment.objects.get().body == "Written while the database restarts"


def test_a_comment_posted_with_the_whole_database_down_keeps_its_text(client, article, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def no_database(*args, **kwargs):
        raise OperationalError("connection refused")

    client.raise_request_exception = False
    data = form_data(body="Nothing typed is lost")
    with monkeypatch.context() as patched:
        patched.setattr(CursorWrapper, "_execute", no_database)
        response = client.post(post_url(article), data)
    assert response.status_code == 503
    assert "Nothing typed is lost</textarea>" in response.content.decode()
