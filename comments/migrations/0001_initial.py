"""The comments app takes over its models from the articles app (articles/0005), with their
tables as they are: state only, no DDL. Their content types are relabelled, so permissions,
groups, admin history and revisions stay attached.
"""

import django.db.models.deletion
import django.db.models.functions
from django.conf import settings
from django.db import migrations, models

from articles.model_moves import relabel_content_types

relabel_forward, relabel_backward = relabel_content_types(
    models=["comment", "blockedterm"], from_app="articles", to_app="comments"
)


def count_approved_comments(apps, schema_editor):
    """Fill Article.comment_count (added by articles/0005) from the approved comments."""
    Article = apps.get_model("articles", "Article")
    Comment = apps.get_model("comments", "Comment")
    approved = (
        Comment.objects.filter(article=models.OuterRef("pk"), status="approved")
        .order_by()
        .values("article")
        .annotate(count=models.Count("pk"))
        .values("count")
    )
    Article.objects.update(
        comment_count=django.db.models.functions.Coalesce(models.Subquery(approved), 0)
    )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("articles", "0005_comments_and_workflow_apps"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="BlockedTerm",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("word", "Word or phrase (name or text)"),
                                    ("email", "Email address, or @domain"),
                                    ("ip", "IP address or network (CIDR)"),
                                ],
                                max_length=10,
                            ),
                        ),
                        (
                            "value",
                            models.CharField(
                                help_text='Words match whole words, any case. Emails match exactly, or a whole domain written "@example.com". IPs match an address or a network such as 203.0.113.0/24.',
                                max_length=200,
                            ),
                        ),
                        (
                            "note",
                            models.CharField(
                                blank=True, help_text="Why it is blocked.", max_length=200
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        "verbose_name": "blocked term",
                        "db_table": "articles_blockedterm",
                        "ordering": ["kind", "value"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("kind", "value"), name="blocked_term_once"
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Comment",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "depth",
                            models.PositiveSmallIntegerField(
                                default=1,
                                help_text="1 for a comment, 2 for a reply to it, and so on.",
                            ),
                        ),
                        ("name", models.CharField(max_length=80)),
                        (
                            "email",
                            models.EmailField(help_text="Never shown to readers.", max_length=254),
                        ),
                        (
                            "body",
                            models.TextField(
                                help_text="Plain text; shown escaped, links made clickable.",
                                verbose_name="comment",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "Pending"),
                                    ("approved", "Approved"),
                                    ("rejected", "Rejected"),
                                    ("spam", "Spam"),
                                ],
                                db_index=True,
                                default="pending",
                                max_length=10,
                            ),
                        ),
                        (
                            "is_spam_suspect",
                            models.BooleanField(
                                default=False,
                                help_text="Set by the spam policy (too many links, block list); never shown until approved.",
                                verbose_name="spam suspect",
                            ),
                        ),
                        ("spam_reasons", models.CharField(blank=True, max_length=300)),
                        (
                            "ip_address",
                            models.GenericIPAddressField(
                                blank=True,
                                help_text="Purged after the retention period.",
                                null=True,
                                verbose_name="IP address",
                            ),
                        ),
                        ("user_agent", models.CharField(blank=True, max_length=300)),
                        ("created_at", models.DateTimeField(auto_now_add=True, db_index=True)),
                        ("moderated_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "notified_at",
                            models.DateTimeField(
                                blank=True,
                                help_text="When moderators were emailed about this comment.",
                                null=True,
                            ),
                        ),
                        (
                            "article",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="comments",
                                to="articles.article",
                            ),
                        ),
                        (
                            "moderated_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "parent",
                            models.ForeignKey(
                                blank=True,
                                help_text="The approved comment this one replies to.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="replies",
                                to="comments.comment",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "articles_comment",
                        "ordering": ["created_at", "id"],
                        "get_latest_by": "created_at",
                        "indexes": [
                            models.Index(
                                fields=["article", "status", "created_at"],
                                name="comment_article_idx",
                            )
                        ],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(("depth__gte", 1)), name="comment_depth_positive"
                            )
                        ],
                    },
                ),
            ],
        ),
        migrations.RunPython(relabel_forward, relabel_backward),
        migrations.RunPython(count_approved_comments, migrations.RunPython.noop),
    ]
