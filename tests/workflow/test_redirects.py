"""Changing a published article's slug leaves the old address answering 301 to the new one."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.admin_forms import article_form_data
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def rename(article, slug):
    article.slug = slug
    article.save()


def test_old_slug_answers_301_to_the_new_one(client):
    article = make_article(slug="first-slug")
    rename(article, "second-slug")
    response = client.get("/news/first-slug/")
    assert response.status_code == 301
    assert response["Location"] == "/news/second-slug/"
    assert client.get("/news/second-slug/").status_code == 200


def test_chains_collapse_to_the_current_address(client):
    article = make_article(slug="a-slug")
    rename(article, "b-slug")
    rename(article, "c-slug")
    for old in ("a-slug", "b-slug"):
        response = client.get(f"/news/{old}/")
        assert (response.status_code, response["Location"]) == (301, "/news/c-slug/")


def test_changing_back_to_an_old_slug_does_not_loop(client):
    article = make_article(slug="one")
    rename(article, "two")
    rename(article, "one")
    assert client.get("/news/one/").status_code == 200
    assert client.get("/news/two/")["Location"] == "/news/one/"


def test_a_draft_renamed_leaves_nothing_and_an_unpublished_target_is_not_revealed(client):
    draft = make_article(slug="draft-one", status=Article.Status.DRAFT)
    rename(draft, "draft-two")
    assert client.get("/news/draft-one/").status_code == 404
    live = make_article(slug="live-one")
    rename(live, "live-two")
    live.status = Article.Status.DRAFT
    live.save()
    assert client.get("/news/live-one/").status_code == 404


def test_slug_change_in_the_admin_redirects(desk_editor_client, category, client):
    article = make_article(slug="pact-signed", categories=[category])
    response = desk_editor_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form_data(article, slug="japan-eu-pact-signed"),
    )
    assert response.status_code == 302, response.context["errors"]
    response = client.get("/news/pact-signed/")
    assert (response.status_code, response["Location"]) == (301, "/news/japan-eu-pact-signed/")


def test_a_live_article_costs_no_redirect_lookup(site_cache, client, django_assert_max_num_queries):
    article = make_article(slug="plain")
    rename(article, "plain-two")
    # article, categories, tags, related links, notes, masthead, comments, breaking-news
    # banner, most read: no redirect query.
    with django_assert_max_num_queries(9):
        assert client.get("/news/plain-two/").status_code == 200


def test_editors_can_list_old_addresses(desk_editor_client):
    article = make_article(slug="listed-one")
    rename(article, "listed-two")
    page = desk_editor_client.get(reverse("admin:workflow_articleredirect_changelist"))
    assert "listed-one" in page.content.decode()
