"""Two people editing one article: the later save from an older form is refused with what changed
meanwhile, who and when; nothing either typed is lost (workflow/collisions.py)."""

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Article
from tests.admin_forms import article_form_data
from tests.factories import make_article
from workflow import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_editors(desk_editor, django_user_model):
    from tests.conftest import staff_member

    other = staff_member(django_user_model, "erik", "Editors")
    other.first_name, other.last_name = "Erik", "Larsen"
    other.save()
    first, second = Client(), Client()
    first.force_login(desk_editor)
    second.force_login(other)
    return first, second


def url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def errors_of(response):
    return " ".join(str(e) for e in response.context["adminform"].form.non_field_errors())


def resubmitted(response):
    """The refused form's data as the browser shows it again (what a second save sends)."""
    form = response.context["adminform"].form
    return {key: form.data.getlist(key) for key in form.data}


def test_every_save_raises_the_edit_version(desk_editor_client, desk_editor, category):
    article = make_article(headline="One", categories=[category], status=Article.Status.DRAFT)
    start = Article.objects.get(pk=article.pk).edit_version
    response = desk_editor_client.post(url(article), article_form_data(article, headline="Two"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.edit_version == start + 1
    services.submit_for_review(article=article, by=desk_editor)
    article.refresh_from_db()
    assert article.edit_version == start + 2
    assert f'name="opened_version" value="{article.edit_version}"' in (
        desk_editor_client.get(url(article)).content.decode()
    )


def test_a_stale_save_is_refused_and_both_changes_survive(two_editors, category):
    edith, erik = two_editors
    article = make_article(
        headline="Frigates ordered",
        body="<p>The navy ordered five frigates.</p>",
        categories=[category],
    )
    edith.post(url(article), article_form_data(article))  # a first revision, as forms make
    article.refresh_from_db()
    opened_by_erik = article_form_data(article)  # both have the form open now
    response = edith.post(url(article), article_form_data(article, headline="Six frigates"))
    assert response.status_code == 302

    response = erik.post(
        url(article), {**opened_by_erik, "body": "<p>The navy ordered six frigates.</p>"}
    )
    assert response.status_code == 200  # refused, nothing saved
    article.refresh_from_db()
    assert article.headline == "Six frigates"
    assert article.body == "<p>The navy ordered five frigates.</p>"
    message = errors_of(response)
    assert "edith saved this article at" in message
    assert "Headline: they changed it to “Six frigates”. Taken into your form." in message
    page = response.content.decode()
    assert 'value="Six frigates"' in page  # their headline, in the form
    assert "The navy ordered six frigates." in page  # his own body, kept

    response = erik.post(url(article), resubmitted(response))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "Six frigates"
    assert article.body == "<p>The navy ordered six frigates.</p>"


def test_both_changing_one_field_keeps_mine_and_shows_theirs(two_editors, category):
    edith, erik = two_editors
    article = make_article(body="<p>The navy ordered five frigates.</p>", categories=[category])
    edith.post(url(article), article_form_data(article))
    article.refresh_from_db()
    opened_by_erik = article_form_data(article)
    edith.post(url(article), article_form_data(article, body="<p>Seven frigates.</p>"))
    response = erik.post(url(article), {**opened_by_erik, "body": "<p>Six frigates.</p>"})
    message = errors_of(response)
    assert "Body: they removed “The navy ordered five”; added “Seven”" in message
    assert "you changed it too" in message
    assert "Six frigates." in response.content.decode()
    assert Article.objects.get(pk=article.pk).body == "<p>Seven frigates.</p>"


def test_a_workflow_step_in_between_is_a_change_too(two_editors, writer, category):
    edith, erik = two_editors
    article = make_article(
        status=Article.Status.DRAFT, published_at=None, author=writer, categories=[category]
    )
    edith.post(url(article), article_form_data(article))
    article.refresh_from_db()
    opened = article_form_data(article, headline="Edited while it moved on")
    services.submit_for_review(article=article, by=writer)
    response = erik.post(url(article), opened)
    # The step changed no field of the form: the save goes through, at the new version.
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "Edited while it moved on"
    assert article.status == Article.Status.IN_REVIEW
