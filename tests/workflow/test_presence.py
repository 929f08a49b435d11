"""Who else has an article open: the heartbeat endpoint and its expiry (workflow/presence.py)."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import staff_member
from tests.factories import make_article
from workflow import presence

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def heartbeats(settings):
    settings.PRESENCE_HEARTBEAT_SECONDS = 15  # the tests' settings turn presence off


def presence_url(article):
    return reverse("admin:articles_article_presence", args=[article.pk])


def test_each_sees_the_others_until_they_leave(
    desk_editor_client, django_user_model, django_assert_max_num_queries
):
    article = make_article()
    erik = staff_member(django_user_model, "erik", "Editors")
    other = Client()
    other.force_login(erik)
    # Session, user, groups' permissions, the article: nothing per person present.
    with django_assert_max_num_queries(6):
        assert desk_editor_client.post(presence_url(article)).json() == {"others": []}
    assert other.post(presence_url(article)).json() == {"others": ["edith"]}
    assert desk_editor_client.post(presence_url(article)).json() == {"others": ["erik"]}
    other.post(presence_url(article), {"leaving": "1"})
    assert desk_editor_client.post(presence_url(article)).json() == {"others": []}


def test_a_name_goes_after_three_missed_beats(desk_editor, writer, monkeypatch):
    article = make_article()
    clock = [1000.0]
    monkeypatch.setattr(presence.time, "time", lambda: clock[0])
    presence.here(article_id=article.pk, user=writer)
    clock[0] += presence.expiry_seconds() - 1
    assert presence.here(article_id=article.pk, user=desk_editor) == ["wendy"]
    clock[0] += 2
    assert presence.here(article_id=article.pk, user=desk_editor) == []


def test_the_form_shows_presence_only_when_it_is_on(desk_editor_client, settings):
    article = make_article()
    url = reverse("admin:articles_article_change", args=[article.pk])
    assert 'id="article-presence"' in desk_editor_client.get(url).content.decode()
    settings.PRESENCE_HEARTBEAT_SECONDS = 0
    assert 'id="article-presence"' not in desk_editor_client.get(url).content.decode()


def test_presence_needs_the_admin_and_a_post(desk_editor_client, moderator):
    article = make_article()
    assert Client().post(presence_url(article)).status_code == 302  # to the sign-in page
    assert desk_editor_client.get(presence_url(article)).status_code == 405
    outsider = Client()
    outsider.force_login(moderator)  # staff, but articles are not theirs to open
    assert outsider.post(presence_url(article)).status_code == 403
