"""Each post is imported in its own transaction, really committed (these tests are not wrapped
in one): a broken post is undone alone, and an interrupted import keeps what it finished."""

from unittest import mock

import pytest
from django.db import connection

from articles.models import Article
from comments.models import Comment
from wordpress_import import importer, posts, threads
from wordpress_import.models import ImportedComment, ImportedPost, LegacyAddress

from .conftest import BLOCKS, CLASSIC, FRENCH, RUSSIAN, run_import

pytestmark = pytest.mark.django_db(transaction=True)


def imported_ids():
    return set(ImportedPost.objects.values_list("wp_post_id", flat=True))


def test_the_default_is_one_transaction_per_post():
    assert importer.BATCH_SIZE == 1


def test_a_post_broken_after_its_article_was_written_leaves_nothing_behind():
    real = threads.CommentMapper.import_for

    def broken(self, article, post, **kwargs):
        if post.post_id == BLOCKS:
            # The article, its links and its addresses are written by now.
            assert Article.objects.filter(pk=article.pk).exists()
            raise RuntimeError("comment table on fire")
        return real(self, article, post, **kwargs)

    with mock.patch.object(threads.CommentMapper, "import_for", broken):
        report = run_import()
    # The posts before and after it are imported...
    assert {CLASSIC, RUSSIAN, FRENCH} <= imported_ids()
    assert Comment.objects.filter(article__wordpress_origin__wp_post_id=CLASSIC).exists()
    # ...the broken one is reported, and not half-written.
    assert BLOCKS not in imported_ids()
    assert not Article.objects.filter(headline__startswith="Navy orders").exists()
    assert not LegacyAddress.objects.filter(old_address=f"?p={BLOCKS}").exists()
    assert Article.objects.count() == 8
    assert f"post {BLOCKS}" in report and "RuntimeError: comment table on fire" in report

    report = run_import()
    assert BLOCKS in imported_ids()
    assert Article.objects.count() == 9
    assert LegacyAddress.objects.filter(old_address=f"?p={BLOCKS}").exists()


def test_an_interrupted_import_keeps_the_posts_it_finished_and_a_rerun_completes_it():
    real = posts.ArticleMapper.import_post

    def interrupted(self, post, **kwargs):
        if post.post_id == RUSSIAN:
            raise KeyboardInterrupt  # Ctrl-C (or a crash) halfway through a post
        return real(self, post, **kwargs)

    with mock.patch.object(posts.ArticleMapper, "import_post", interrupted):
        with pytest.raises(KeyboardInterrupt):
            run_import()
    # Committed one by one: what came before the interruption stays, whole.
    assert imported_ids() == {CLASSIC, BLOCKS}
    comments_before = set(ImportedComment.objects.values_list("wp_comment_id", flat=True))
    assert comments_before

    run_import()
    assert {CLASSIC, BLOCKS, RUSSIAN, FRENCH} <= imported_ids()
    assert Article.objects.count() == 9
    # Nothing twice.
    assert ImportedComment.objects.count() == Comment.objects.count()
    assert comments_before <= set(ImportedComment.objects.values_list("wp_comment_id", flat=True))


def test_imported_articles_are_found_by_search_even_after_an_interruption(client):
    real = posts.ArticleMapper.import_post

    def interrupted(self, post, **kwargs):
        if post.post_id == RUSSIAN:
            raise KeyboardInterrupt
        return real(self, post, **kwargs)

    with mock.patch.object(posts.ArticleMapper, "import_post", interrupted):
        with pytest.raises(KeyboardInterrupt):
            run_import()
    run_import()
    # The stored search vector (PostgreSQL) is what save() would have written, for every article.
    if connection.vendor == "postgresql":
        stored = dict(Article.objects.values_list("pk", "search_vector"))
        Article.objects.refresh_search_vectors()
        assert stored == dict(Article.objects.values_list("pk", "search_vector"))
    page = client.get("/search/", {"q": "radar"}).content.decode()
    assert "Radar upgrade" in page
    page = client.get("/search/", {"q": "programme"}).content.decode()
    assert "Frigate programme passes review" in page
