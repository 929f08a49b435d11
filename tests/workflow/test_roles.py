"""Roles: the groups exist, the admin shows each role what it may do, the server refuses the rest."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.admin_forms import article_form_data
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_migration_creates_writers_and_editors_with_their_permissions():
    writers = set(Group.objects.get(name="Writers").permissions.values_list("codename", flat=True))
    editors = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    # delete_article: narrowed to their own drafts by policy.can_delete.
    assert {"add_article", "change_article", "view_article", "delete_article"} <= writers
    assert not {"publish_article", "edit_any_article"} & writers
    assert {"publish_article", "edit_any_article", "add_articlenote", "delete_article"} <= editors


def test_writer_creates_a_draft_that_is_theirs(writer_client, writer, category):
    response = writer_client.post(
        reverse("admin:articles_article_add"),
        article_form_data(
            headline="Drones over the strait",
            slug="drones-over-the-strait",
            standfirst="A first look.",
            body="<p>Text.</p>",
            categories=[category.pk],
            status="draft",
        ),
    )
    assert response.status_code == 302, response.context["errors"]
    article = Article.objects.get(slug="drones-over-the-strait")
    assert article.author == writer
    assert article.status == Article.Status.DRAFT


def buttons(page):
    return re.findall(r'name="_transition" value="([a-z]+)"', page)


def test_writer_form_offers_only_submit_and_no_status_field(writer_client, writers_draft):
    page = writer_client.get(change_url(writers_draft)).content.decode()
    assert buttons(page) == ["submit"]
    assert 'name="status"' not in page  # the state is words and buttons, never a drop-down
    assert 'name="_schedule_at"' not in page and 'name="published_at_0"' not in page
    assert (
        "Publish selected articles now"
        not in writer_client.get(reverse("admin:articles_article_changelist")).content.decode()
    )


def test_editor_form_offers_publication(desk_editor_client, writers_draft):
    page = desk_editor_client.get(change_url(writers_draft)).content.decode()
    assert buttons(page) == ["submit", "publish", "schedule"]
    assert 'name="_schedule_at"' in page
    assert 'name="status"' not in page and 'name="published_at_0"' not in page


def test_forged_publish_by_a_writer_is_refused(writer_client, writers_draft, client):
    response = writer_client.post(
        change_url(writers_draft),
        article_form_data(writers_draft, status="published", _transition="publish"),
    )
    assert response.status_code == 200  # the form says no, and keeps what was typed
    assert "You may not use “Publish now” on this article." in response.content.decode()
    writers_draft.refresh_from_db()
    assert writers_draft.status == Article.Status.DRAFT
    client.logout()
    assert client.get(writers_draft.get_absolute_url()).status_code == 404


def test_forged_change_to_someone_elses_article_is_refused(client, other_writer, writers_draft):
    client.force_login(other_writer)
    page = client.get(change_url(writers_draft)).content.decode()
    assert 'name="headline"' not in page  # read-only for them
    response = client.post(
        change_url(writers_draft), article_form_data(writers_draft, headline="Hijacked")
    )
    assert response.status_code == 403
    writers_draft.refresh_from_db()
    assert writers_draft.headline == "Writer's draft on naval drills"


def test_writer_cannot_edit_their_article_once_submitted_or_published(writer_client, writers_draft):
    writers_draft.status = Article.Status.IN_REVIEW
    writers_draft.save()
    response = writer_client.post(
        change_url(writers_draft), article_form_data(writers_draft, headline="Sneaky edit")
    )
    assert response.status_code == 403
    writers_draft.refresh_from_db()
    assert writers_draft.headline == "Writer's draft on naval drills"


def test_forged_bulk_publish_by_a_writer_does_nothing(writer_client, writers_draft):
    response = writer_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [writers_draft.pk]},
        follow=True,
    )
    assert response.status_code == 200
    writers_draft.refresh_from_db()
    assert writers_draft.status == Article.Status.DRAFT


def test_writer_cannot_open_history_or_restore(writer_client, writers_draft):
    assert writer_client.get(change_url(writers_draft) + "../history/").status_code == 403
    page = writer_client.get(change_url(writers_draft)).content.decode()
    assert 'class="historylink"' not in page
    changelist = writer_client.get(reverse("admin:articles_article_changelist"))
    assert "Recover deleted articles" not in changelist.content.decode()
    recover = reverse("admin:articles_article_recoverlist")
    assert writer_client.get(recover).status_code == 403


def test_writer_cannot_add_corrections_but_reads_existing_ones(writer_client, writers_draft):
    page = writer_client.get(change_url(writers_draft)).content.decode()
    assert "Add another correction or update" not in page
    assert "Corrections and updates" not in page  # nothing to read, no empty section
    writers_draft.notes.create(kind="update", text="Ministry confirmed.")
    page = writer_client.get(change_url(writers_draft)).content.decode()
    assert "Ministry confirmed." in page
    assert "Add another correction or update" not in page


def test_writer_submits_for_review_and_editor_publishes(client, writer, desk_editor, writers_draft):
    client.force_login(writer)
    response = client.post(
        change_url(writers_draft),
        article_form_data(writers_draft, headline="Naval drills", _transition="submit"),
        follow=True,
    )
    # Her edit is saved with the step; she lands on her desk, not on a form she cannot edit.
    assert response.redirect_chain[-1][0] == reverse("admin:index")
    page = response.content.decode()
    assert "“Naval drills”: submitted for review." in page
    assert "edit it again" not in page
    writers_draft.refresh_from_db()
    assert writers_draft.status == Article.Status.IN_REVIEW
    assert writers_draft.headline == "Naval drills"

    client.force_login(desk_editor)
    response = client.post(
        change_url(writers_draft), article_form_data(writers_draft, _transition="publish")
    )
    assert response.status_code == 302
    writers_draft.refresh_from_db()
    assert writers_draft.is_published()
    client.logout()
    assert client.get(writers_draft.get_absolute_url()).status_code == 200


def test_editor_can_edit_anyones_published_article(desk_editor_client, writer, category):
    article = make_article(author=writer, headline="Live story", categories=[category])
    response = desk_editor_client.post(
        change_url(article), article_form_data(article, headline="Live story, corrected")
    )
    assert response.status_code == 302, response.context["errors"]
    article.refresh_from_db()
    assert article.headline == "Live story, corrected"
    assert article.is_published()


def test_forged_add_as_published_by_a_writer_publishes_nothing(writer_client, category, client):
    response = writer_client.post(
        reverse("admin:articles_article_add"),
        article_form_data(
            headline="Straight to print",
            slug="straight-to-print",
            standfirst="No.",
            body="<p>No.</p>",
            categories=[category.pk],
            status="published",
            published_at_0="2020-01-01",
            published_at_1="00:00:00",
            _transition="publish",
        ),
    )
    assert response.status_code == 200  # refused by the form, everything typed kept
    assert "You may not use “Publish now” on this article." in response.content.decode()
    assert not Article.objects.filter(slug="straight-to-print").exists()
    # Without the button, the status and time sent are ignored: a draft, not published.
    data = article_form_data(
        headline="Straight to print",
        slug="straight-to-print",
        standfirst="No.",
        body="<p>No.</p>",
        categories=[category.pk],
        status="published",
        published_at_0="2020-01-01",
        published_at_1="00:00:00",
    )
    assert writer_client.post(reverse("admin:articles_article_add"), data).status_code == 302
    article = Article.objects.get(slug="straight-to-print")
    assert (article.status, article.published_at) == (Article.Status.DRAFT, None)
    assert client.get("/news/straight-to-print/").status_code == 404


def test_forged_read_only_fields_and_notes_from_a_writer_are_ignored(
    writer_client, writer, other_writer, writers_draft
):
    data = article_form_data(
        writers_draft,
        author=other_writer.pk,
        published_at_0="2020-01-01",
        published_at_1="00:00:00",
        **{"notes-TOTAL_FORMS": "1", "notes-0-kind": "correction", "notes-0-text": "Forged"},
    )
    response = writer_client.post(change_url(writers_draft), data)
    assert response.status_code == 302
    writers_draft.refresh_from_db()
    assert writers_draft.author == writer
    assert writers_draft.published_at is None
    assert not writers_draft.notes.exists()


def test_editor_schedules_in_the_admin(desk_editor_client, writers_draft, client):
    at = timezone.now() + timedelta(days=2)
    response = desk_editor_client.post(
        change_url(writers_draft),
        article_form_data(
            writers_draft,
            _transition="schedule",
            _schedule_at=timezone.localtime(at).strftime("%Y-%m-%dT%H:%M"),
        ),
    )
    assert response.status_code == 302, response.context["errors"]
    writers_draft.refresh_from_db()
    assert writers_draft.is_scheduled()
    listing = desk_editor_client.get(reverse("admin:articles_article_changelist"))
    assert '<td class="field-state">Scheduled</td>' in listing.content.decode()
    client.logout()
    assert client.get(writers_draft.get_absolute_url()).status_code == 404


def test_only_editors_may_pin_the_lead_story(writer_client, writers_draft, desk_editor):
    url = reverse("admin:articles_article_change", args=[writers_draft.pk])
    assert 'name="is_lead"' not in writer_client.get(url).content.decode()
    forged = article_form_data(writers_draft, is_lead="on")
    assert writer_client.post(url, forged).status_code == 302
    writers_draft.refresh_from_db()
    assert not writers_draft.is_lead
    writer_client.force_login(desk_editor)
    assert 'name="is_lead"' in writer_client.get(url).content.decode()
