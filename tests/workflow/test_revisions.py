"""Revisions: each admin save keeps one; editors see the history, compare two and restore one."""

import pytest
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from tests.admin_forms import article_form_data
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def edited_twice(desk_editor_client, category):
    article = make_article(
        headline="First headline", body="<p>Line one.</p>", categories=[category], tags=["Navy"]
    )
    url = reverse("admin:articles_article_change", args=[article.pk])
    for headline, body, tags in [
        ("Second headline", "<p>Line one.</p>\n<p>Line two.</p>", "Navy, Japan"),
        ("Third headline", "<p>Line two.</p>", "Japan"),
    ]:
        article.refresh_from_db()
        response = desk_editor_client.post(
            url, article_form_data(article, headline=headline, body=body, tags=tags)
        )
        assert response.status_code == 302, response.context["errors"]
    article.refresh_from_db()
    return article


def test_each_save_keeps_a_revision_with_who_and_when(edited_twice, desk_editor):
    versions = Version.objects.get_for_object(edited_twice)
    assert versions.count() == 2
    assert {v.revision.user for v in versions} == {desk_editor}
    assert versions[0].field_dict["headline"] == "Third headline"


def test_editor_sees_history_with_compare_and_restore(desk_editor_client, edited_twice):
    url = reverse("admin:articles_article_history", args=[edited_twice.pk])
    page = desk_editor_client.get(url).content.decode()
    assert "Compare selected revisions" in page
    assert page.count("Restore this revision") == 2
    assert "edith" in page
    changelist = desk_editor_client.get(reverse("admin:articles_article_changelist"))
    assert "Recover deleted articles" in changelist.content.decode()


def test_compare_shows_what_changed_field_by_field(desk_editor_client, edited_twice):
    older, newer = Version.objects.get_for_object(edited_twice).order_by("pk")
    url = reverse("admin:articles_article_compare", args=[edited_twice.pk])
    response = desk_editor_client.get(url, {"a": newer.pk, "b": older.pk})  # either order
    page = response.content.decode()
    assert response.status_code == 200
    assert "<del>Second </del><ins>Third </ins>headline" in page
    assert "<del>Line one.\n\n</del>Line two." in page  # the text readers read, not the HTML
    assert "<del>Japan, Navy</del><ins>Japan</ins>" in page  # tags
    assert "Standfirst" not in page  # unchanged fields are left out


@pytest.mark.parametrize("query", [{}, {"a": "x", "b": "1"}, {"a": "999999", "b": "999998"}])
def test_compare_with_bad_revision_ids_is_not_found(desk_editor_client, edited_twice, query):
    url = reverse("admin:articles_article_compare", args=[edited_twice.pk])
    assert desk_editor_client.get(url, query).status_code == 404


def test_editor_restores_an_older_revision(desk_editor_client, edited_twice, client):
    older = Version.objects.get_for_object(edited_twice).order_by("pk").first()
    url = reverse("admin:articles_article_revision", args=[edited_twice.pk, older.pk])
    form = desk_editor_client.get(url)
    assert form.status_code == 200
    assert "Second headline" in form.content.decode()
    # Reversion's restore page is the change form filled with the old revision: save it.
    response = desk_editor_client.post(
        url,
        article_form_data(
            Article.objects.get(pk=edited_twice.pk),
            headline="Second headline",
            body="<p>Line one.</p>\n<p>Line two.</p>",
            tags="Navy, Japan",
        ),
    )
    assert response.status_code == 302
    edited_twice.refresh_from_db()
    assert edited_twice.headline == "Second headline"
    assert sorted(edited_twice.tags.names()) == ["Japan", "Navy"]
    assert "Second headline" in client.get(edited_twice.get_absolute_url()).content.decode()


def test_writer_cannot_compare_or_restore(client, writer, edited_twice):
    client.force_login(writer)  # the fixture signed the shared client in as the editor
    older, newer = Version.objects.get_for_object(edited_twice).order_by("pk")
    url = reverse("admin:articles_article_compare", args=[edited_twice.pk])
    assert client.get(url, {"a": older.pk, "b": newer.pk}).status_code == 403
    restore = reverse("admin:articles_article_revision", args=[edited_twice.pk, older.pk])
    assert client.get(restore).status_code == 403
