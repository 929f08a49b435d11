"""The article page is the same for every anonymous reader, and CSRF still protects the form."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client, RequestFactory

from articles.caching import is_page_cacheable
from comments.models import Comment
from comments.pending import PENDING_COOKIE

from .conftest import form_data, make_comment, post_url

pytestmark = pytest.mark.django_db

TOKEN_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')


def test_article_html_is_identical_for_every_anonymous_reader(article):
    make_comment(article, body="Public remark")
    first, second = Client(), Client()
    second.get("/comments/token/")  # one reader has a CSRF cookie, the other none
    one = first.get(article.get_absolute_url())
    two = second.get(article.get_absolute_url())
    assert one.content == two.content
    field = TOKEN_FIELD.search(one.content.decode())
    assert field and field.group(1) == ""
    assert 'name="timestamp"' in one.content.decode()
    assert 'name="timestamp" value=' not in one.content.decode()
    # Rendering the comments sets no cookie (no CSRF token is generated for the page).
    assert not one.cookies


def test_token_endpoint_is_private_and_never_stored(client):
    response = client.get("/comments/token/")
    data = response.json()
    assert data["csrfToken"] and data["timestamp"]
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert client.post("/comments/token/").status_code == 405


def test_comment_without_csrf_token_is_not_saved_and_text_is_kept(article):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(post_url(article), form_data(body="Typed with care"))
    html = response.content.decode()
    assert response.status_code == 403
    assert "Please confirm your comment." in html
    assert "Typed with care</textarea>" in html
    assert "no-store" in response["Cache-Control"]
    assert not Comment.objects.exists()
    # The confirmation page carries a fresh token (and sets its cookie): posting it again works.
    field = TOKEN_FIELD.search(html)
    assert field
    token = field.group(1)
    assert token
    again = browser.post(
        post_url(article), form_data(body="Typed with care", csrfmiddlewaretoken=token)
    )
    assert again.status_code == 303
    assert Comment.objects.get().body == "Typed with care"


def test_token_from_the_endpoint_lets_the_script_post(article):
    browser = Client(enforce_csrf_checks=True)
    data = browser.get("/comments/token/").json()
    response = browser.post(
        post_url(article),
        form_data(csrfmiddlewaretoken=data["csrfToken"], timestamp=data["timestamp"]),
    )
    # The endpoint's timestamp is fresh, so it is refused as too fast; the token itself passed.
    assert response.status_code == 400
    assert "That was very fast." in response.content.decode()


def test_forged_token_is_refused(article):
    browser = Client(enforce_csrf_checks=True)
    browser.get("/comments/token/")
    response = browser.post(post_url(article), form_data(csrfmiddlewaretoken="x" * 64))
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_other_csrf_failures_get_djangos_own_page():
    response = Client(enforce_csrf_checks=True).post(
        "/admin/login/", {"username": "a", "password": "b"}
    )
    assert response.status_code == 403
    assert "CSRF verification failed" in response.content.decode()


def test_csrf_failure_on_an_unknown_article_gets_djangos_page(db):
    response = Client(enforce_csrf_checks=True).post("/news/no-such-story/comment/", form_data())
    assert response.status_code == 403
    assert "CSRF verification failed" in response.content.decode()


def test_page_cache_predicate():
    factory = RequestFactory()
    anonymous = factory.get("/news/x/")
    anonymous.user = AnonymousUser()
    assert is_page_cacheable(anonymous)

    assert not is_page_cacheable(factory.post("/news/x/"))

    with_csrf_cookie = factory.get("/news/x/", HTTP_COOKIE="csrftoken=abc")
    assert is_page_cacheable(with_csrf_cookie)

    pending = factory.get("/news/x/", HTTP_COOKIE=f"{PENDING_COOKIE}=1:sig")
    pending.user = AnonymousUser()
    assert not is_page_cacheable(pending)

    before_auth = factory.get("/news/x/", HTTP_COOKIE="sessionid=abc")
    assert not is_page_cacheable(before_auth)


def test_page_cache_predicate_knows_signed_in_users(editor):
    request = RequestFactory().get("/news/x/")
    request.user = editor
    assert not is_page_cacheable(request)


def test_only_the_commenting_browser_gets_a_private_article_page(client, article):
    public = Client().get(article.get_absolute_url())
    assert "private" not in public.get("Cache-Control", "")
    client.post(post_url(article), form_data())
    assert "private" in client.get(article.get_absolute_url())["Cache-Control"]


def test_confirmation_keeps_even_an_overlong_text_in_full(article):
    text = "word " * 4000  # 20,000 characters: over the limit, but the reader's own work
    response = Client(enforce_csrf_checks=True).post(post_url(article), form_data(body=text))
    assert response.status_code == 403
    assert text.strip() in response.content.decode()
