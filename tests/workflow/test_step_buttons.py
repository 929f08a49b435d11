"""The steps as buttons on the change form: what each role sees, and what a forged POST gets."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.admin_forms import article_form_data
from tests.factories import make_article
from workflow.models import StatusChange
from workflow.services import take_transition

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_the_timeline_shows_who_when_from_to_and_the_note(
    writer_client, writer, desk_editor, writers_draft
):
    take_transition("submit", article=writers_draft, by=writer)
    take_transition("return", article=writers_draft, by=desk_editor, note="Cite <the> ministry.")
    page = writer_client.get(change_url(writers_draft)).content.decode()
    assert "<strong>Submitted for review</strong>" in page
    assert "by wendy" in page and "by edith" in page
    assert "(In review → Draft)" in page
    assert "Cite &lt;the&gt; ministry." in page  # escaped


def test_writer_withdraws_from_the_read_only_form(writer_client, writer, writers_draft):
    take_transition("submit", article=writers_draft, by=writer)
    page = writer_client.get(change_url(writers_draft)).content.decode()
    transition_url = reverse("admin:articles_article_transition", args=[writers_draft.pk])
    assert f'formaction="{transition_url}"' in page  # the form itself is read-only for her
    response = writer_client.post(transition_url, {"_transition": "withdraw"}, follow=True)
    assert "naval drills”: withdrawn from review." in response.content.decode()
    writers_draft.refresh_from_db()
    assert writers_draft.status == Article.Status.DRAFT


def test_return_without_a_note_keeps_everything_typed(desk_editor_client, writer, writers_draft):
    take_transition("submit", article=writers_draft, by=writer)
    response = desk_editor_client.post(
        change_url(writers_draft),
        article_form_data(writers_draft, headline="Edited while reviewing", _transition="return"),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Write a note for the writer" in page
    assert 'value="Edited while reviewing"' in page
    writers_draft.refresh_from_db()
    assert writers_draft.status == Article.Status.IN_REVIEW
    assert writers_draft.headline == "Writer's draft on naval drills"  # nothing half-saved


@pytest.mark.parametrize(
    ("name", "when"),
    [
        ("schedule", "not a time"),
        ("schedule", "2020-01-01T10:00"),
        ("schedule", "9999-99-99T99:99"),
        ("schedule", "\x00"),
        ("delete", ""),
        ("publish\x00", ""),
    ],
)
def test_forged_steps_are_form_errors_never_500s(desk_editor_client, writers_draft, name, when):
    data = article_form_data(writers_draft, _transition=name, _schedule_at=when)
    assert desk_editor_client.post(change_url(writers_draft), data).status_code == 200
    url = reverse("admin:articles_article_transition", args=[writers_draft.pk])
    assert (
        desk_editor_client.post(url, {"_transition": name, "_schedule_at": when}).status_code == 302
    )
    writers_draft.refresh_from_db()
    assert writers_draft.status == Article.Status.DRAFT
    assert not StatusChange.objects.exists()


def test_someone_elses_steps_are_refused(client, other_writer, writer, writers_draft):
    client.force_login(other_writer)
    url = reverse("admin:articles_article_transition", args=[writers_draft.pk])
    assert client.post(url, {"_transition": "submit"}).status_code == 403
    take_transition("submit", article=writers_draft, by=writer)
    assert client.post(url, {"_transition": "withdraw"}).status_code == 403
    assert client.get(url).status_code == 405
    writers_draft.refresh_from_db()
    assert writers_draft.status == Article.Status.IN_REVIEW


def test_bulk_actions_apply_where_allowed_and_count_the_rest(desk_editor_client, writer):
    draft = make_article(status=Article.Status.DRAFT, author=writer)
    live = make_article()
    response = desk_editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [draft.pk, live.pk]},
        follow=True,
    )
    assert "Published 1 article(s). 1 could not be" in response.content.decode()
    draft.refresh_from_db()
    assert draft.is_published()


def test_a_writer_submits_in_bulk_only_their_own_drafts(
    writer_client, writer, other_writer, writers_draft
):
    others_draft = make_article(status=Article.Status.DRAFT, author=other_writer)
    mine_in_review = make_article(status=Article.Status.DRAFT, author=writer)
    take_transition("submit", article=mine_in_review, by=writer)
    response = writer_client.post(
        reverse("admin:articles_article_changelist"),
        {
            "action": "submit_selected",
            "_selected_action": [writers_draft.pk, others_draft.pk, mine_in_review.pk],
        },
        follow=True,
    )
    assert "Submitted 1 article(s). 2 could not be" in response.content.decode()
    statuses = {
        article.pk: article.status
        for article in Article.objects.filter(
            pk__in=[writers_draft.pk, others_draft.pk, mine_in_review.pk]
        )
    }
    assert statuses == {
        writers_draft.pk: Article.Status.IN_REVIEW,
        others_draft.pk: Article.Status.DRAFT,
        mine_in_review.pk: Article.Status.IN_REVIEW,
    }
    assert StatusChange.objects.filter(action="submit", by=writer).count() == 2


def test_writer_cannot_bulk_delete_someone_elses_article(writer_client, writers_draft):
    others = make_article(status=Article.Status.DRAFT)
    writer_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "delete_selected", "_selected_action": [others.pk], "post": "yes"},
    )
    assert Article.objects.filter(pk=others.pk).exists()
