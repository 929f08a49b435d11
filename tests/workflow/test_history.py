"""History that reads: only what changed, the body's words compared, restore keeps the page honest."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from tests.admin_forms import article_form_data
from tests.factories import make_article
from workflow.services import add_note
from workflow.textdiff import html_to_text, word_diff

pytestmark = pytest.mark.django_db


def change(client, article, **overrides):
    article.refresh_from_db()
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = client.post(url, article_form_data(article, **overrides))
    assert response.status_code == 302, response.context["errors"]
    article.refresh_from_db()


def test_a_save_from_a_browser_names_only_the_fields_that_changed(desk_editor_client, category):
    article = make_article(body="<p>One.</p>\n<p>Two &amp; “three”.</p>", categories=[category])
    # Browsers send a textarea's line breaks as CRLF: that is not a change of the body.
    change(desk_editor_client, article, body=article.body.replace("\n", "\r\n"), headline="New")
    comment = Version.objects.get_for_object(article).first().revision.get_comment()
    assert "Headline" in comment and "Body" not in comment
    change(desk_editor_client, article)
    assert Version.objects.get_for_object(article).first().revision.get_comment() == (
        "No fields changed."
    )


def test_tags_sent_back_in_another_order_are_no_change(desk_editor_client, category):
    article = make_article(tags=["Japan", "Navy"], categories=[category])
    # The chips send JSON in the order they show, which after adding and removing a tag in the
    # browser need not be the sorted order taggit compares with.
    change(desk_editor_client, article, tags='["Navy", "Japan"]', headline="New")
    comment = Version.objects.get_for_object(article).first().revision.get_comment()
    assert "Headline" in comment and "Tags" not in comment
    change(desk_editor_client, article, tags='["Navy", "Japan", "Pacific"]')
    assert "Tags" in Version.objects.get_for_object(article).first().revision.get_comment()
    assert sorted(article.tags.names()) == ["Japan", "Navy", "Pacific"]


def test_the_editors_way_of_writing_a_body_is_no_change(desk_editor_client, category):
    """The rich-text editor writes no line breaks between blocks and its own attribute order;
    readers see the same body, so the history records no change of it."""
    article = make_article(
        body='<p>One.</p>\n\n<p><img alt="Ship" src="/media/a.jpg"></p>\n', categories=[category]
    )
    change(
        desk_editor_client, article, body='<p>One.</p><p><img src="/media/a.jpg" alt="Ship"></p>'
    )
    assert "Body" not in Version.objects.get_for_object(article).first().revision.get_comment()
    change(desk_editor_client, article, body="<p>One!</p>")
    assert "Body" in Version.objects.get_for_object(article).first().revision.get_comment()


def test_body_text_of_html():
    html = "<h2>Title</h2><p>One <b>bold</b> word.<br>Next line.</p><ul><li>A</li><li>B</li></ul>"
    assert html_to_text(html) == "Title\n\nOne bold word.\nNext line.\n\nA\n\nB"


def test_word_diff_marks_words_not_lines():
    runs = word_diff("The frigate sailed north today.", "The frigate sailed south today.")
    assert [(r.kind, r.text) for r in runs] == [
        ("same", "The frigate sailed "),
        ("removed", "north "),
        ("added", "south "),
        ("same", "today."),
    ]


def test_compare_shows_the_bodys_changed_words_highlighted(desk_editor_client, category):
    body = "<p>" + "Calm words about the sea. " * 40 + "</p><p>The frigate sailed north.</p>"
    article = make_article(headline="Old", body=body, categories=[category])
    change(desk_editor_client, article, headline="New")
    change(desk_editor_client, article, body=body.replace("north", "<em>south</em>"))
    older, newer = Version.objects.get_for_object(article).order_by("pk")
    url = reverse("admin:articles_article_compare", args=[article.pk])
    page = desk_editor_client.get(url, {"a": older.pk, "b": newer.pk}).content.decode()
    assert "<del>north.</del><ins>south.</ins>" in page
    assert "&lt;p&gt;" not in page and "<em>" not in page  # the text, not the HTML
    assert "characters unchanged" in page  # long unchanged stretches are cut to fit
    assert "Standfirst" not in page and "Headline" not in page


def test_restore_keeps_status_and_the_updated_stamp_of_a_correction(
    desk_editor_client, desk_editor, category, client
):
    article = make_article(
        headline="First",
        categories=[category],
        published_at=timezone.now() - timedelta(days=1),
    )
    change(desk_editor_client, article, headline="Second")
    note = add_note(article=article, kind="correction", text="The date was wrong.", by=desk_editor)
    change(desk_editor_client, article, headline="Third")
    older = Version.objects.get_for_object(article).order_by("pk").first()
    url = reverse("admin:articles_article_revision", args=[article.pk, older.pk])
    response = desk_editor_client.post(url, article_form_data(article, headline="Second"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "Second"
    assert article.status == Article.Status.PUBLISHED
    assert article.updated_at >= note.created_at
    page = client.get(article.get_absolute_url()).content.decode()
    assert "The date was wrong." in page and "Updated" in page


def test_restore_never_changes_the_state(desk_editor_client, category):
    article = make_article(headline="Live", categories=[category])
    change(desk_editor_client, article, headline="Live, edited")
    older = Version.objects.get_for_object(article).order_by("pk").first()
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
    article.refresh_from_db()
    url = reverse("admin:articles_article_revision", args=[article.pk, older.pk])
    assert desk_editor_client.post(url, article_form_data(article)).status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT  # restoring content never publishes
