"""The admin index is each role's desk: its queues, oldest or soonest first, each item a link."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from comments.models import Comment
from tests.comments.conftest import make_comment
from tests.factories import make_article
from workflow.services import take_transition

pytestmark = pytest.mark.django_db

INDEX = reverse("admin:index")


def panel(page, key):
    """The HTML of one dashboard panel."""
    start = page.index(f'id="panel-{key}"')
    return page[start : page.index("</section>", start)]


def test_editor_sees_review_oldest_first_scheduled_next_first_and_recent(
    desk_editor_client, writer, desk_editor
):
    first = make_article(headline="Submitted first", status=Article.Status.DRAFT, author=writer)
    second = make_article(headline="Submitted second", status=Article.Status.DRAFT, author=writer)
    for article in (first, second):
        take_transition("submit", article=article, by=writer)
    soon = timezone.now() + timedelta(hours=1)
    make_article(headline="Goes live later", published_at=soon + timedelta(hours=5))
    make_article(headline="Goes live soon", published_at=soon)
    make_article(headline="Out this morning")
    page = desk_editor_client.get(INDEX).content.decode()
    review = panel(page, "review")
    assert review.index("Submitted first") < review.index("Submitted second")
    assert reverse("admin:articles_article_change", args=[first.pk]) in review
    scheduled = panel(page, "scheduled")
    assert scheduled.index("Goes live soon") < scheduled.index("Goes live later")
    assert "Out this morning" in panel(page, "published")
    assert "?state=review" in review and "?state=scheduled" in scheduled


def test_writer_sees_drafts_and_what_came_back_with_the_note(writer_client, writer, desk_editor):
    returned = make_article(headline="Needs sourcing", status=Article.Status.DRAFT, author=writer)
    take_transition("submit", article=returned, by=writer)
    take_transition("return", article=returned, by=desk_editor, note="Name the ministry.")
    make_article(headline="Fresh idea", status=Article.Status.DRAFT, author=writer)
    make_article(headline="Someone else's", status=Article.Status.DRAFT)
    page = writer_client.get(INDEX).content.decode()
    back = panel(page, "returned")
    assert "Needs sourcing" in back and "Name the ministry." in back
    drafts = panel(page, "drafts")
    assert "Fresh idea" in drafts and "Someone else" not in page
    assert 'id="panel-review"' not in page  # the editors' queue is not theirs
    assert 'id="panel-comments"' not in page


def test_moderator_sees_the_comment_queue_count_and_oldest_age(client, django_user_model):
    moderator = django_user_model.objects.create_user("mod", is_staff=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    article = make_article()
    old = make_comment(article, status=Comment.Status.PENDING)
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(hours=3))
    make_comment(article, status=Comment.Status.PENDING, is_spam_suspect=True)
    page = client.get(INDEX).content.decode()
    comments = panel(page, "comments")
    assert "<strong>2</strong> comments awaiting moderation" in comments
    assert "1 flagged as spam suspect" in comments
    assert "3\xa0hours" in comments
    assert 'id="panel-review"' not in page and 'id="panel-drafts"' not in page


def test_writer_deletes_their_own_draft_but_nothing_else(writer_client, writer, writers_draft):
    others = make_article(status=Article.Status.DRAFT)
    submitted = make_article(status=Article.Status.DRAFT, author=writer)
    take_transition("submit", article=submitted, by=writer)
    for article, allowed in [(writers_draft, True), (others, False), (submitted, False)]:
        url = reverse("admin:articles_article_delete", args=[article.pk])
        response = writer_client.post(url, {"post": "yes"})
        assert (response.status_code == 302) is allowed, article
        assert Article.objects.filter(pk=article.pk).exists() is not allowed


def test_the_dashboard_costs_a_fixed_number_of_queries(
    desk_editor_client, writer, django_assert_max_num_queries
):
    for _ in range(12):
        article = make_article(status=Article.Status.DRAFT, author=writer)
        take_transition("submit", article=article, by=writer)
    # session, user, groups/permissions (2), one per panel (3 + 2 for the editor's own),
    # counts for the panels that overflow, the app list's permissions.
    with django_assert_max_num_queries(14):
        assert desk_editor_client.get(INDEX).status_code == 200


def test_the_returned_panel_links_to_the_same_list_in_full(writer_client, writer, desk_editor):
    returned = make_article(headline="Needs sourcing", status=Article.Status.DRAFT, author=writer)
    take_transition("submit", article=returned, by=writer)
    take_transition("return", article=returned, by=desk_editor, note="Name the ministry.")
    make_article(headline="Fresh idea", status=Article.Status.DRAFT, author=writer)
    page = writer_client.get(INDEX).content.decode()
    link = re.search(r'<h2><a href="([^"]+)">Returned to me', page)
    assert link is not None
    url = link[1].replace("&amp;", "&")
    listing = writer_client.get(url).content.decode()
    assert "Needs sourcing" in listing and "Fresh idea" not in listing
