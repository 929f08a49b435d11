"""Corrections and updates: added inline by editors, shown at the foot, moving "Updated"."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.admin_forms import article_form_data
from tests.factories import make_article
from workflow.models import ArticleNote
from workflow.services import add_note

pytestmark = pytest.mark.django_db


def test_editor_adds_a_correction_in_the_admin(desk_editor_client, desk_editor, category, client):
    article = make_article(categories=[category], published_at=timezone.now() - timedelta(days=1))
    assert article.updated_at is None
    data = article_form_data(
        article,
        **{
            "notes-TOTAL_FORMS": "1",
            "notes-0-kind": "correction",
            "notes-0-created_at_0": timezone.now().strftime("%Y-%m-%d"),
            "notes-0-created_at_1": timezone.now().strftime("%H:%M:%S"),
            "notes-0-text": "An earlier version gave the wrong <b>tonnage</b>.",
        },
    )
    response = desk_editor_client.post(
        reverse("admin:articles_article_change", args=[article.pk]), data
    )
    assert response.status_code == 302, response.context["errors"]
    note = ArticleNote.objects.get(article=article)
    assert note.by == desk_editor
    article.refresh_from_db()
    assert article.updated_at is not None
    assert article.last_changed_at == article.updated_at  # dateModified follows

    page = client.get(article.get_absolute_url()).content.decode()
    assert f'Correction, <time datetime="{note.created_at:%Y-%m-%d}' in page
    assert "An earlier version gave the wrong &lt;b&gt;tonnage&lt;/b&gt;." in page
    assert "Updated <time" in page
    assert page.index('class="article__body"') < page.index("Correction, ")


def test_note_reads_as_the_desk_writes_it(client, desk_editor):
    article = make_article(published_at=datetime(2026, 11, 1, 9, tzinfo=UTC))
    add_note(
        article=article,
        kind=ArticleNote.Kind.CORRECTION,
        text="The ship is a destroyer, not a frigate.",
        by=desk_editor,
        at=datetime(2026, 11, 27, 10, tzinfo=UTC),
    )
    add_note(
        article=article,
        kind=ArticleNote.Kind.UPDATE,
        text="The ministry has since confirmed the deal.",
        by=desk_editor,
        at=datetime(2026, 11, 28, 10, tzinfo=UTC),
    )
    page = " ".join(client.get(article.get_absolute_url()).content.decode().split())
    assert (
        'Correction, <time datetime="2026-11-27T10:00:00+00:00">27 November 2026</time>:</strong>'
        " The ship is a destroyer, not a frigate." in page
    )
    assert "Update, <time" in page
    article.refresh_from_db()
    assert article.updated_at == datetime(2026, 11, 28, 10, tzinfo=UTC)


def test_a_note_on_an_unpublished_article_does_not_set_updated(desk_editor):
    article = make_article(status=Article.Status.DRAFT, published_at=None)
    add_note(article=article, kind="update", text="Later news.", by=desk_editor)
    article.refresh_from_db()
    assert article.updated_at is None


def test_article_without_notes_shows_no_notes_section(client):
    article = make_article()
    assert "article-notes" not in client.get(article.get_absolute_url()).content.decode()


def test_editing_or_deleting_a_note_shows_at_once(
    desk_editor_client, desk_editor, category, client
):
    article = make_article(categories=[category])
    note = add_note(article=article, kind="correction", text="Wrong date.", by=desk_editor)
    url = reverse("admin:articles_article_change", args=[article.pk])
    article.refresh_from_db()
    base = article_form_data(
        article,
        **{
            "notes-TOTAL_FORMS": "1",
            "notes-INITIAL_FORMS": "1",
            "notes-0-id": note.pk,
            "notes-0-article": article.pk,
            "notes-0-kind": "correction",
            "notes-0-created_at_0": note.created_at.strftime("%Y-%m-%d"),
            "notes-0-created_at_1": note.created_at.strftime("%H:%M:%S"),
        },
    )
    response = desk_editor_client.post(url, {**base, "notes-0-text": "Wrong day of the week."})
    assert response.status_code == 302, response.context["errors"]
    assert "Wrong day of the week." in client.get(article.get_absolute_url()).content.decode()
    response = desk_editor_client.post(
        url, {**base, "notes-0-text": "Wrong day of the week.", "notes-0-DELETE": "on"}
    )
    assert response.status_code == 302, response.context["errors"]
    assert "Wrong day" not in client.get(article.get_absolute_url()).content.decode()
