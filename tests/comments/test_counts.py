"""The approved-comment count on each article (shown on cards) follows every way a comment's
approval changes: posting, moderation one by one or in bulk, back to the queue, deletion."""

import pytest
from django.urls import reverse

from articles.models import Article
from comments.models import Comment
from comments.services import approve_comment, moderate_comments, reject_comment
from tests.factories import make_category

from .conftest import make_comment

pytestmark = pytest.mark.django_db


def shown_count(article):
    return Article.objects.get(pk=article.pk).comment_count


def test_count_follows_moderation_and_deletion(article, moderator):
    pending = make_comment(article, status=Comment.Status.PENDING)
    other = make_comment(article, status=Comment.Status.PENDING)
    assert shown_count(article) == 0  # pending comments are not counted

    approve_comment(comment=pending, moderator=moderator)
    assert shown_count(article) == 1
    moderate_comments(
        comments=Comment.objects.filter(article=article),
        status=Comment.Status.APPROVED,
        moderator=moderator,
    )
    assert shown_count(article) == 2
    reject_comment(comment=pending, moderator=moderator)
    assert shown_count(article) == 1
    other.delete()
    assert shown_count(article) == 0


def test_sending_a_comment_back_to_the_queue_uncounts_it(client, article, moderator):
    comment = make_comment(article)  # approved
    assert shown_count(article) == 1
    client.force_login(moderator)
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    client.post(url, {"status": Comment.Status.PENDING})
    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.PENDING
    assert shown_count(article) == 0


def test_card_count_is_not_multiplied_by_other_joins(article):
    article.categories.set([make_category(), make_category()])
    make_comment(article)
    make_comment(article)
    counted = Article.objects.for_listing().filter(categories__in=article.categories.all())
    assert [a.comment_count for a in counted] == [2, 2]  # one row per category, each right


def test_a_bulk_decision_over_many_articles_recounts_them_all_in_slices(moderator, monkeypatch):
    # A bulk moderation can touch more articles than one statement may name; a slice of two
    # here, so five articles take three statements.
    from tests.factories import make_article

    monkeypatch.setattr("comments.counts.ID_SLICE", 2)
    articles = [make_article() for _ in range(5)]
    for article in articles:
        make_comment(article, status=Comment.Status.PENDING)
    moderate_comments(
        comments=Comment.objects.all(), status=Comment.Status.APPROVED, moderator=moderator
    )
    assert [shown_count(article) for article in articles] == [1] * 5
