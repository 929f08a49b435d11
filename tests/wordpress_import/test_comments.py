"""Comments come across with their statuses and threads, and nobody is e-mailed about them."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command

from comments.models import Comment
from comments.services import notify_moderators
from wordpress_import.models import ImportedComment, ImportedPost

from .conftest import CLASSIC, FIRST_COMMENT, SPAM_COMMENT, export_variant, run_import

pytestmark = pytest.mark.django_db


def comment(wp_comment_id):
    return (
        ImportedComment.objects.select_related("comment").get(wp_comment_id=wp_comment_id).comment
    )


def test_statuses_map_and_trash_pingbacks_and_trackbacks_are_skipped(imported):
    assert comment(2).status == Comment.Status.APPROVED
    assert comment(6).status == Comment.Status.PENDING  # held for moderation in WordPress
    assert not ImportedComment.objects.filter(wp_comment_id__in=[7, 9, 10]).exists()
    assert "in the WordPress trash (e.g. comment 7)" in imported
    assert "a pingback (not brought over) (e.g. comment 9)" in imported
    assert "a trackback (not brought over) (e.g. comment 10)" in imported


def test_spam_from_other_tools_stays_spam(tmp_path, db):
    # WordPress leaves spam out of its own exports; other tools write it.
    export = export_variant(tmp_path, (FIRST_COMMENT, SPAM_COMMENT + FIRST_COMMENT))
    run_import(export)
    spam = comment(900)
    assert spam.status == Comment.Status.SPAM
    assert spam not in Comment.objects.approved()


def test_threads_are_kept_and_too_deep_replies_hang_from_the_deepest_level(imported, settings):
    assert settings.NEWSDESK_COMMENTS["MAX_DEPTH"] == 3
    first, reply, third, fourth = comment(2), comment(3), comment(4), comment(5)
    assert (first.parent, first.depth) == (None, 1)
    assert (reply.parent, reply.depth) == (first, 2)
    assert (third.parent, third.depth) == (reply, 3)
    # WordPress had it at level 4: it answers the same conversation, at the deepest level.
    assert (fourth.parent, fourth.depth) == (reply, 3)


def test_name_email_text_and_time_are_kept(imported):
    first = comment(2)
    assert first.name == "Jean Dupont"
    assert first.email == "jean@example.fr"
    assert first.body == "Très bien expliqué.\nMerci !"
    assert first.created_at.isoformat() == "2024-03-12T12:00:00+00:00"
    # HTML in WordPress comments becomes the plain text comments are here; links keep their address.
    assert comment(3).body == "Thanks Jean, see the report (https://example.org/report)."


def test_metadata_older_than_the_retention_period_is_not_brought_over(imported):
    first = comment(2)
    assert first.ip_address is None and first.user_agent == ""


def test_metadata_within_the_retention_period_is_kept(db, settings):
    settings.NEWSDESK_COMMENTS = {**settings.NEWSDESK_COMMENTS, "METADATA_RETENTION_DAYS": 100000}
    run_import()
    first = comment(2)
    assert first.ip_address == "203.0.113.7"
    # WordPress's export leaves user agents out; other tools' <wp:comment_agent> is read.
    assert first.user_agent == ""


def test_imported_comments_are_never_emailed(db, django_user_model, mailoutbox):
    moderator = django_user_model.objects.create_user("mod", "mod@example.org", "pw", is_staff=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    run_import()
    assert Comment.objects.pending().exists()
    assert mail.outbox == []
    assert notify_moderators(force=True) == 0
    call_command("notify_moderators", "--force", stdout=None)
    assert mail.outbox == []


def test_approved_threads_show_on_the_article_page(imported, client):
    article = ImportedPost.objects.get(wp_post_id=CLASSIC).article
    assert article.comment_count == 4  # approved ones only: the held one waits
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Très bien expliqué." in page
    assert "Fourth level, deeper than the new site allows." in page
    assert "Waiting for a moderator." not in page


def test_comments_of_skipped_posts_are_reported(tmp_path, db):
    # Move the classic post to the trash in the export: its comments go with it.
    export = export_variant(
        tmp_path,
        (
            "<wp:post_name><![CDATA[radar-upgrade]]></wp:post_name>\n"
            "\t\t<wp:status><![CDATA[publish]]></wp:status>",
            "<wp:post_name><![CDATA[radar-upgrade]]></wp:post_name>\n"
            "\t\t<wp:status><![CDATA[trash]]></wp:status>",
        ),
    )
    report = run_import(export)
    assert not ImportedComment.objects.filter(wp_comment_id=2).exists()
    assert "8 × post skipped (in the WordPress trash)" in report
