"""The moderation queue in the admin, and moderation that changes nothing twice."""

import threading
import time

import pytest
from django.contrib.auth.models import Group
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from comments.models import BlockedTerm, Comment
from comments.services import approve_comment, moderate_comments, reject_comment
from tests.factories import make_article

from .conftest import make_comment

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:comments_comment_changelist")


def test_moderators_group_has_only_comment_permissions():
    codenames = set(
        Group.objects.get(name="Moderators").permissions.values_list("codename", flat=True)
    )
    assert codenames == {
        "view_comment",
        "change_comment",
        "delete_comment",
        "view_blockedterm",
        "add_blockedterm",
        "change_blockedterm",
        "delete_blockedterm",
    }


def test_approving_twice_changes_nothing_twice(article, moderator, editor):
    comment = make_comment(article, status=Comment.Status.PENDING)
    assert approve_comment(comment=comment, moderator=moderator) is True
    first_time = comment.moderated_at
    assert comment.status == Comment.Status.APPROVED and comment.moderated_by == moderator
    assert approve_comment(comment=comment, moderator=editor) is False
    comment.refresh_from_db()
    assert comment.moderated_by == moderator and comment.moderated_at == first_time


def test_moderate_comments_reports_only_real_changes(article, moderator):
    comments = [make_comment(article, status=Comment.Status.PENDING) for _ in range(3)]
    approve_comment(comment=comments[0], moderator=moderator)
    changed = moderate_comments(
        comments=Comment.objects.all(), status=Comment.Status.APPROVED, moderator=moderator
    )
    assert changed == 2
    with pytest.raises(ValueError):
        moderate_comments(comments=Comment.objects.all(), status="bogus", moderator=moderator)


@pytest.mark.django_db(transaction=True)
def test_two_moderators_at_once_change_a_comment_once(django_user_model):
    article = make_article()
    comment = make_comment(article, status=Comment.Status.PENDING)
    one = django_user_model.objects.create_user("one")
    two = django_user_model.objects.create_user("two")
    results = {}
    barrier = threading.Barrier(2)

    def act(user):
        barrier.wait()
        try:
            # A writer that still finds the lock taken after the busy timeout retries, as a
            # moderator clicking again would.
            for _ in range(200):
                try:
                    results[user.username] = approve_comment(
                        comment=Comment(pk=comment.pk), moderator=user
                    )
                    break
                except OperationalError:
                    time.sleep(0.01)
        finally:
            connection.close()

    threads = [threading.Thread(target=act, args=(user,)) for user in (one, two)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results.values()) == [False, True]
    comment.refresh_from_db()
    winner = one if results["one"] else two
    assert comment.status == Comment.Status.APPROVED and comment.moderated_by == winner


def test_reject_then_approve_is_recorded(article, moderator):
    comment = make_comment(article, status=Comment.Status.PENDING)
    assert reject_comment(comment=comment, moderator=moderator)
    assert approve_comment(comment=comment, moderator=moderator)
    assert comment.status == Comment.Status.APPROVED


def test_queue_shows_pending_with_article_and_parent(client, moderator, article):
    parent = make_comment(article, name="Parent Author", body="The parent remark")
    make_comment(
        article, parent=parent, status=Comment.Status.PENDING, body="Waiting reply <b>x</b>"
    )
    make_comment(article, body="Already approved elsewhere")
    client.force_login(moderator)
    html = client.get(QUEUE).content.decode()
    assert "Waiting reply &lt;b&gt;x&lt;/b&gt;" in html
    assert "Japan, EU sign defense pact" in html
    assert "In reply to <strong>Parent Author</strong>" in html and "The parent remark" in html
    assert "Already approved elsewhere" not in html  # the queue shows pending ones by default
    assert "Moderation queue: 1 comment pending" in html
    everything = client.get(QUEUE, {"status__exact": "all"}).content.decode()
    assert "Already approved elsewhere" in everything


def test_admin_index_shows_the_pending_count(client, moderator, article):
    for _ in range(3):
        make_comment(article, status=Comment.Status.PENDING)
    client.force_login(moderator)
    html = client.get(reverse("admin:index")).content.decode()
    assert "<strong>3</strong> comments awaiting moderation" in html


def test_admin_index_hides_the_count_from_staff_without_comment_rights(client, django_user_model):
    user = django_user_model.objects.create_user("writer", password="x", is_staff=True)
    client.force_login(user)
    assert "awaiting moderation" not in client.get(reverse("admin:index")).content.decode()


@pytest.mark.parametrize(
    ("action", "status"),
    [("approve", "approved"), ("reject", "rejected"), ("mark_spam", "spam")],
)
def test_bulk_actions_record_moderator_and_time(client, moderator, article, action, status):
    comments = [make_comment(article, status=Comment.Status.PENDING) for _ in range(3)]
    client.force_login(moderator)
    response = client.post(
        QUEUE,
        {"action": action, "_selected_action": [c.pk for c in comments[:2]]},
        follow=True,
    )
    assert "2 comment(s)" in response.content.decode()
    moderated = Comment.objects.filter(status=status)
    assert moderated.count() == 2
    assert all(c.moderated_by == moderator and c.moderated_at for c in moderated)
    assert Comment.objects.get(pk=comments[2].pk).status == Comment.Status.PENDING
    listing = client.get(QUEUE, {"status__exact": status}).content.decode()
    assert "<small>mod, " in listing  # who decided, and when, under the status


def test_bulk_approve_of_already_approved_says_so(client, moderator, article):
    comment = make_comment(article)
    client.force_login(moderator)
    response = client.post(
        QUEUE + "?status__exact=all",
        {"action": "approve", "_selected_action": [comment.pk]},
        follow=True,
    )
    assert "0 comment(s) approved. 1 already were." in response.content.decode()


def test_search_and_filters(client, moderator, article):
    make_comment(article, status=Comment.Status.PENDING, body="About submarines")
    make_comment(article, status=Comment.Status.PENDING, body="About tanks", is_spam_suspect=True)
    client.force_login(moderator)
    html = client.get(QUEUE, {"q": "submarines"}).content.decode()
    assert "About submarines" in html and "About tanks" not in html
    html = client.get(QUEUE, {"suspect": "yes"}).content.decode()
    assert "About tanks" in html and "About submarines" not in html


def test_an_approved_comment_sent_back_to_the_queue_leaves_the_page(client, moderator, article):
    comment = make_comment(article, status=Comment.Status.APPROVED, body="Shown for now")
    assert "Shown for now" in Client().get(article.get_absolute_url()).content.decode()
    client.force_login(moderator)
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    assert client.post(url, {"status": "pending"}).status_code == 302
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by, comment.moderated_at) == ("pending", None, None)
    assert "Shown for now" not in Client().get(article.get_absolute_url()).content.decode()


def test_status_change_in_the_form_records_the_moderator(client, moderator, article):
    comment = make_comment(article, status=Comment.Status.PENDING)
    client.force_login(moderator)
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"status": "approved"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    assert comment.moderated_by == moderator


def test_the_change_form_asks_before_approving_a_spam_suspect(client, moderator, article):
    comment = make_comment(
        article, status=Comment.Status.PENDING, is_spam_suspect=True, spam_reasons="3 links"
    )
    client.force_login(moderator)
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    assert "Approve this spam suspect anyway" in client.get(url).content.decode()
    response = client.post(url, {"status": "approved"})
    assert response.status_code == 200
    assert "This comment is a spam suspect" in response.content.decode()
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    assert "An approved remark." not in Client().get(article.get_absolute_url()).content.decode()

    assert client.post(url, {"status": "approved", "confirm_approval": "on"}).status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED and comment.moderated_by == moderator


def test_the_change_form_marks_a_suspect_as_spam_without_asking(client, moderator, article):
    comment = make_comment(article, status=Comment.Status.PENDING, is_spam_suspect=True)
    client.force_login(moderator)
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    assert client.post(url, {"status": "spam"}).status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.SPAM


def test_moderators_cannot_add_comments_or_edit_articles(client, moderator):
    client.force_login(moderator)
    assert client.get(reverse("admin:comments_comment_add")).status_code == 403
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 403


def test_block_list_is_editable_in_the_admin(client, moderator):
    client.force_login(moderator)
    response = client.post(
        reverse("admin:comments_blockedterm_add"),
        {"kind": "ip", "value": "203.0.113.0/24", "note": "flood"},
    )
    assert response.status_code == 302
    assert BlockedTerm.objects.get().value == "203.0.113.0/24"
    bad = client.post(reverse("admin:comments_blockedterm_add"), {"kind": "ip", "value": "nope"})
    assert "Enter an IP address or a network." in bad.content.decode()


def test_approved_comment_appears_on_the_article(client, moderator, article):
    comment = make_comment(article, status=Comment.Status.PENDING, body="Awaiting approval")
    assert "Awaiting approval" not in Client().get(article.get_absolute_url()).content.decode()
    client.force_login(moderator)
    client.post(QUEUE, {"action": "approve", "_selected_action": [comment.pk]})
    assert "Awaiting approval" in Client().get(article.get_absolute_url()).content.decode()
