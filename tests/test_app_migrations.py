"""Moving comments and workflow out of the articles app loses nothing, forward and backward.

A database is built at the schema before the move (articles 0004, when comments and corrections
were models of the articles app), filled with a row in every table, then migrated to today's
schema: the rows, the groups' permissions, admin history and revisions must all still be there
and attached to the moved models. Then back again, and forward once more.
"""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from comments.models import BlockedTerm, Comment
from tests.migrating import latest, migrate
from workflow.models import ArticleNote, ArticleRedirect

pytestmark = pytest.mark.django_db(transaction=True)

MOVED_TO = ("comments", "workflow")


# Apps whose first migration depends on articles after the move (issues 12 and 15).
LATER_APPS = ("readership", "breaking", "wordpress_import")


def before_the_move():
    """Every other app as it is now; articles at 0004; comments and workflow not yet there, nor
    the apps that came after the move and build on its schema."""
    absent = (*MOVED_TO, *LATER_APPS)
    others = [node for node in latest() if node[0] not in ("articles", *absent)]
    return [*others, ("articles", "0004_reader_site"), *((app, None) for app in absent)]


def fill_the_old_schema(old):
    """One row in every table of the articles app as it was, with historical models."""
    ContentTypeOld = old.get_model("contenttypes", "ContentType")
    Group = old.get_model("auth", "Group")
    User = old.get_model("auth", "User")
    category = old.get_model("articles", "Category").objects.create(
        name="Northeast Asia", slug="northeast-asia"
    )
    source = old.get_model("articles", "Source").objects.create(name="Voice of America", slug="voa")
    Article_ = old.get_model("articles", "Article")
    article = Article_.objects.create(
        headline="Japan, EU sign defense pact",
        slug="japan-eu-pact",
        standfirst="A pact.",
        body="<p>Body.</p>",
        status="published",
        published_at=timezone.now(),
        source=source,
    )
    other = Article_.objects.create(
        headline="Other", slug="other", standfirst="s", body="<p>b</p>", status="draft"
    )
    article.categories.add(category)
    tag = old.get_model("taggit", "Tag").objects.create(name="Japan", slug="japan")
    old.get_model("articles", "TaggedArticle").objects.create(tag=tag, content_object=article)
    old.get_model("articles", "RelatedLink").objects.create(
        from_article=article, to_article=other, position=1
    )
    Comment_ = old.get_model("articles", "Comment")
    approved = Comment_.objects.create(
        article=article, name="Aiko", email="aiko@example.org", body="First.", status="approved"
    )
    Comment_.objects.create(
        article=article,
        parent=approved,
        depth=2,
        name="Ben",
        email="ben@example.org",
        body="A reply.",
        status="approved",
    )
    Comment_.objects.create(
        article=article, name="Cy", email="cy@example.org", body="Held.", status="pending"
    )
    old.get_model("articles", "BlockedTerm").objects.create(kind="word", value="casino")
    old.get_model("articles", "ArticleNote").objects.create(
        article=article, kind="correction", text="An earlier version misnamed the minister."
    )
    old.get_model("articles", "ArticleRedirect").objects.create(
        old_slug="old-pact", article=article
    )

    users = {}
    for group in ("Writers", "Editors", "Moderators"):
        user = User.objects.create(username=group.lower(), is_staff=True)
        user.groups.add(Group.objects.get(name=group))
        users[group] = user
    comment_type = ContentTypeOld.objects.get(app_label="articles", model="comment")
    old.get_model("admin", "LogEntry").objects.create(
        user=users["Moderators"],
        content_type=comment_type,
        object_id=str(approved.pk),
        object_repr="Aiko: First.",
        action_flag=CHANGE,
        change_message="Approved",
    )
    revision = old.get_model("reversion", "Revision").objects.create(
        date_created=timezone.now(), comment="Published.", user=users["Editors"]
    )
    old.get_model("reversion", "Version").objects.create(
        revision=revision,
        object_id=str(article.pk),
        content_type=ContentTypeOld.objects.get(app_label="articles", model="article"),
        db="default",
        format="json",
        serialized_data="[]",
        object_repr="Japan, EU sign defense pact",
    )
    return article.pk, approved.pk


def assert_everything_survived(article_pk, comment_pk):
    article = Article.objects.get(pk=article_pk)
    assert list(Comment.objects.filter(article=article).values_list("body", "status")) == [
        ("First.", "approved"),
        ("A reply.", "approved"),
        ("Held.", "pending"),
    ]
    assert Comment.objects.get(body="A reply.").parent_id == comment_pk
    assert article.comment_count == 2  # filled from the approved comments
    assert BlockedTerm.objects.get().value == "casino"
    assert ArticleNote.objects.get().article == article
    assert ArticleRedirect.objects.get(old_slug="old-pact").article == article
    assert article.tags.get().name == "Japan"

    User = get_user_model()
    assert User.objects.get(username="moderators").has_perm("comments.change_comment")
    assert User.objects.get(username="editors").has_perm("workflow.add_articlenote")
    assert User.objects.get(username="writers").has_perm("workflow.view_articlenote")
    assert not User.objects.get(username="writers").has_perm("workflow.add_articlenote")
    # One content type per model, under its new app, with history and revisions attached.
    assert not ContentType.objects.filter(app_label="articles", model="comment").exists()
    entry = LogEntry.objects.get(change_message="Approved")
    assert entry.get_edited_object() == Comment.objects.get(pk=comment_pk)
    assert Version.objects.get_for_object(article).get().revision.comment == "Published."


def test_the_move_keeps_every_row_permission_and_revision_forward_and_back():
    old = migrate(before_the_move())
    article_pk, comment_pk = fill_the_old_schema(old)

    migrate(latest())
    ContentType.objects.clear_cache()
    assert_everything_survived(article_pk, comment_pk)

    # Backward: the articles app holds the models (and their content types) again.
    old = migrate(before_the_move())
    ContentType.objects.clear_cache()
    assert old.get_model("articles", "Comment").objects.count() == 3
    assert old.get_model("articles", "ArticleNote").objects.count() == 1
    assert (
        old.get_model("contenttypes", "ContentType")
        .objects.filter(app_label="articles", model__in=["comment", "articlenote"])
        .count()
        == 2
    )

    migrate(latest())
    ContentType.objects.clear_cache()
    assert_everything_survived(article_pk, comment_pk)
