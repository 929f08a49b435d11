"""generate_archive: a realistic archive, and never mixed with real content unasked."""

import random

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from articles.archive import archive_articles_written
from articles.models import Article, TaggedArticle
from comments.archive import comment_counts, write_archive_comments
from comments.models import Comment

from ..factories import make_article

pytestmark = pytest.mark.django_db


def test_generates_articles_tags_and_skewed_threaded_comments():
    call_command("generate_archive", articles=300, comments=3000, seed=2, verbosity=0)
    assert Article.objects.count() == 300
    assert Article.objects.published().count() > 270
    assert TaggedArticle.objects.values("tag").distinct().count() > 100
    per_article = list(
        Comment.objects.values("article")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("n", flat=True)
    )
    assert sum(per_article) == 3000
    busiest = Article.objects.order_by("-comment_count")[0]
    assert busiest.comment_count == Comment.objects.approved().filter(article=busiest).count()
    assert busiest.comment_count > 200
    assert per_article[0] >= 300  # the busiest has a tenth or more (10,000 of a million)
    assert per_article[len(per_article) // 2] < 20  # most have a few
    assert Comment.objects.filter(depth=2, parent__isnull=False).exists()
    assert not Comment.objects.filter(parent__status="pending").exists()
    years = {year.year for year in Article.objects.dates("published_at", "year")}
    assert len(years) >= 5


def test_the_core_generates_its_articles_without_the_comments_app():
    """The comments are the comments app's answer to the generator's signal: unheard, the
    archive has its articles and no comment, and nothing in the core breaks."""
    uid = "comments-archive-comments"
    assert archive_articles_written.disconnect(dispatch_uid=uid)
    try:
        call_command("generate_archive", articles=20, comments=200, seed=3, verbosity=0)
    finally:
        archive_articles_written.connect(write_archive_comments, dispatch_uid=uid)
    assert Article.objects.count() == 20
    assert not Comment.objects.exists()
    assert not Article.objects.filter(comment_count__gt=0).exists()


def test_refuses_a_database_with_real_articles_unless_forced():
    make_article(slug="a-real-story")
    with pytest.raises(CommandError, match="did not write"):
        call_command("generate_archive", articles=5, verbosity=0)
    call_command("generate_archive", articles=5, force=True, verbosity=0)
    assert Article.objects.count() == 6


def test_runs_again_beside_its_own_articles():
    call_command("generate_archive", articles=5, seed=1, verbosity=0)
    call_command("generate_archive", articles=5, seed=1, verbosity=0)
    assert Article.objects.count() == 10


def test_comment_skew_at_full_size_one_article_has_exactly_ten_thousand():
    counts = sorted(
        comment_counts(list(range(1, 97_001)), 1_000_000, random.Random(1)).values(),
        reverse=True,
    )
    assert sum(counts) == 1_000_000
    assert counts[0] == 10_000
    assert 1000 <= counts[1] < 10_000  # a few thousands each
    assert counts[30] < 1000  # the rest a long tail
    assert counts[len(counts) // 2] < 15  # most articles have a few
