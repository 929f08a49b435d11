"""The moderation queue: everything needed to decide on a row, and deciding with one click."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from articles.models import Article
from comments.models import Comment
from tests.factories import make_article

from .conftest import make_comment

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:comments_comment_changelist")


def decide_url(comment):
    return reverse("admin:comments_comment_decide", args=[comment.pk])


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def test_the_commenters_record_counts_their_address_in_any_case(moderator_client, article):
    make_comment(article, email="Aiko@Example.org", status=Comment.Status.APPROVED)
    make_comment(article, email="AIKO@EXAMPLE.ORG", status=Comment.Status.REJECTED)
    make_comment(article, email="someone.else@example.org", status=Comment.Status.SPAM)
    make_comment(article, email="aiko@example.org", status=Comment.Status.PENDING)
    page = moderator_client.get(QUEUE).content.decode()
    assert "by e-mail 1 approved · 1 rejected · 0 spam" in page


def test_a_row_shows_the_whole_comment_its_context_and_the_commenters_record(
    moderator_client, article
):
    parent = make_comment(article, name="Ken", body="The first word on the pact.")
    long_text = "A long and careful argument about the pact. " * 10
    make_comment(article, email="aiko@example.org", status=Comment.Status.APPROVED)
    make_comment(article, email="aiko@example.org", status=Comment.Status.SPAM)
    make_comment(
        article,
        parent=parent,
        name="Aiko",
        email="aiko@example.org",
        body=long_text,
        status=Comment.Status.PENDING,
        is_spam_suspect=True,
        spam_reasons="3 links (limit 2)",
        ip_address="203.0.113.9",
    )
    page = moderator_client.get(QUEUE).content.decode()
    assert long_text.strip() in page  # never cut
    assert article.headline in page
    assert "In reply to <strong>Ken</strong>" in page and "The first word on the pact." in page
    assert "by e-mail 1 approved · 0 rejected · 1 spam" in page
    assert "by address 0 approved · 0 rejected · 0 spam" in page
    assert "Spam suspect:</span> 3 links (limit 2)" in page
    assert ">Pending</span>" in page
    for label in (">Approve<", ">Reject<", ">Spam<", ">Reply<"):
        assert label in page
    assert "Pending (1)" in page and "Approved (2)" in page and "Spam (1)" in page


def test_bulk_actions_come_in_the_order_of_the_work_delete_last(moderator_client, article):
    make_comment(article, status=Comment.Status.PENDING)
    page = moderator_client.get(QUEUE).content.decode()
    order = [page.index(f'value="{name}"') for name in ("approve", "reject", "mark_spam")]
    assert order == sorted(order)
    assert page.index('value="delete_selected"') > order[-1]


def test_one_click_approves_without_javascript_and_returns_to_the_queue(
    moderator_client, article, moderator
):
    comment = make_comment(article, status=Comment.Status.PENDING, name="Aiko")
    back = QUEUE + "?status__exact=pending&p=1"
    response = moderator_client.post(decide_url(comment), {"decision": "approved", "next": back})
    assert response.status_code == 302 and response["Location"] == back
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED and comment.moderated_by == moderator
    page = moderator_client.get(back).content.decode()
    assert "Comment by Aiko approved." in page


def test_with_javascript_the_answer_is_json(moderator_client, article):
    comment = make_comment(article, status=Comment.Status.PENDING)
    response = moderator_client.post(
        decide_url(comment), {"decision": "spam"}, headers={"accept": "application/json"}
    )
    assert response.json()["status_label"] == "Spam"
    comment.refresh_from_db()
    assert comment.status == Comment.Status.SPAM


def test_approving_a_spam_suspect_asks_first(moderator_client, article):
    suspect = make_comment(
        article, status=Comment.Status.PENDING, is_spam_suspect=True, spam_reasons="blocked email"
    )
    page = moderator_client.post(decide_url(suspect), {"decision": "approved"})
    assert page.status_code == 200
    assert "held because: blocked email" in page.content.decode()
    suspect.refresh_from_db()
    assert suspect.status == Comment.Status.PENDING
    as_json = moderator_client.post(
        decide_url(suspect), {"decision": "approved"}, headers={"accept": "application/json"}
    )
    assert as_json.status_code == 409
    moderator_client.post(decide_url(suspect), {"decision": "approved", "confirm": "1"})
    suspect.refresh_from_db()
    assert suspect.status == Comment.Status.APPROVED


def test_bulk_approval_with_a_suspect_in_all_asks_and_can_leave_it_out(moderator_client, article):
    plain = [make_comment(article, status=Comment.Status.PENDING) for _ in range(2)]
    suspect = make_comment(
        article, status=Comment.Status.PENDING, is_spam_suspect=True, spam_reasons="4 links"
    )
    ids = [c.pk for c in [*plain, suspect]]
    url = QUEUE + "?status__exact=all"
    data = {"action": "approve", "index": "0", "_selected_action": ids}
    page = moderator_client.post(url, data)
    assert page.status_code == 200 and "held because: 4 links" in page.content.decode()
    assert not Comment.objects.approved().exists()  # nothing approved without an answer
    moderator_client.post(url, {**data, "suspects": "skip"})
    assert set(Comment.objects.approved().values_list("pk", flat=True)) == {c.pk for c in plain}
    suspect.refresh_from_db()
    assert suspect.status == Comment.Status.PENDING


@pytest.mark.parametrize("decision", ["", "pending", "deleted", "<script>"])
def test_a_forged_decision_changes_nothing(moderator_client, article, decision):
    comment = make_comment(article, status=Comment.Status.PENDING)
    response = moderator_client.post(decide_url(comment), {"decision": decision})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


@pytest.mark.parametrize("object_id", ["0", "99999999", "x", "9" * 30])
def test_unknown_comment_ids_are_not_found(moderator_client, object_id):
    url = QUEUE + f"{object_id}/decide/"
    assert moderator_client.post(url, {"decision": "approved"}).status_code == 404


def test_decisions_need_a_post_and_the_change_permission(client, article, django_user_model):
    comment = make_comment(article, status=Comment.Status.PENDING)
    assert client.post(decide_url(comment), {"decision": "approved"}).status_code == 302  # login
    viewer = django_user_model.objects.create_user("viewer", is_staff=True)
    client.force_login(viewer)
    assert client.post(decide_url(comment), {"decision": "approved"}).status_code == 403
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def test_editors_may_moderate(client, article, django_user_model):
    editor = django_user_model.objects.create_user("ed", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    comment = make_comment(article, status=Comment.Status.PENDING)
    assert client.get(QUEUE).status_code == 200
    client.post(decide_url(comment), {"decision": "rejected"})
    comment.refresh_from_db()
    assert comment.status == Comment.Status.REJECTED


def article_links(page, comment):
    """The links in the row's "On <article>" line."""
    row = page.split(f'id="queue-comment-{comment.pk}"')[1]
    context = row.split('class="queue-context"')[1].split("</p>")[0]
    return re.findall(r'href="([^"]+)"', context)


def test_a_moderator_can_follow_the_rows_article_link(moderator_client, article):
    comment = make_comment(article, status=Comment.Status.PENDING)
    draft = make_article(headline="Unpublished story", status=Article.Status.DRAFT)
    on_draft = make_comment(draft, status=Comment.Status.PENDING)
    page = moderator_client.get(QUEUE).content.decode()
    # Moderators hold no article permission: the public page, never the admin's (a 403).
    (link,) = article_links(page, comment)
    assert link == article.get_absolute_url()
    assert moderator_client.get(link).status_code == 200
    assert article_links(page, on_draft) == []
    assert "Unpublished story (not published)" in page


def test_an_editor_also_gets_the_articles_admin_page(client, article, desk_editor):
    comment = make_comment(article, status=Comment.Status.PENDING)
    client.force_login(desk_editor)
    links = article_links(client.get(QUEUE).content.decode(), comment)
    admin_page = reverse("admin:articles_article_change", args=[article.pk])
    assert links == [article.get_absolute_url(), admin_page]
    assert client.get(admin_page).status_code == 200


def test_reply_from_the_queue_approves_and_answers(moderator_client, article, moderator, client):
    moderator.first_name, moderator.last_name = "Mo", "Derator"
    moderator.save()
    comment = make_comment(article, status=Comment.Status.PENDING, name="Aiko")
    url = reverse("admin:comments_comment_reply", args=[comment.pk])
    assert "Replying approves this comment too" in moderator_client.get(url).content.decode()
    assert moderator_client.post(url, {"body": "   "}).status_code == 200  # nothing lost, asked
    response = moderator_client.post(url, {"body": "Thank you, corrected.", "next": QUEUE})
    assert response.status_code == 302
    comment.refresh_from_db()
    reply = comment.replies.get()
    assert comment.status == reply.status == Comment.Status.APPROVED
    assert reply.name == "Mo Derator" and reply.depth == 2
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Thank you, corrected." in page
    assert mail.outbox == []


def test_queue_costs_a_fixed_number_of_queries(
    moderator_client, article, django_assert_max_num_queries
):
    for n in range(20):
        make_comment(article, status=Comment.Status.PENDING, email=f"r{n}@example.org")
    other = make_article()
    make_comment(other, status=Comment.Status.PENDING)
    # session, user, permissions (2), a capped count per status (4), the capped pending count
    # for the title, the page's rows with their history (one query), paginator count, date
    # hierarchy (PostgreSQL: first and last date, one UNION of probes per period).
    with django_assert_max_num_queries(16):
        assert moderator_client.get(QUEUE).status_code == 200
