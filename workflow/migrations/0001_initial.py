"""The workflow app takes over its models from the articles app (articles/0005), with their
tables as they are: state only, no DDL. Their content types are relabelled, so permissions,
groups, admin history and revisions stay attached.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

from articles.model_moves import relabel_content_types

relabel_forward, relabel_backward = relabel_content_types(
    models=["articlenote", "articleredirect"], from_app="articles", to_app="workflow"
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
                    name="ArticleNote",
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
                                choices=[("correction", "Correction"), ("update", "Update")],
                                default="correction",
                                max_length=10,
                            ),
                        ),
                        (
                            "text",
                            models.TextField(
                                help_text="Plain text, shown to readers as written: say what was wrong and what is right.",
                                max_length=2000,
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="date"
                            ),
                        ),
                        (
                            "article",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="notes",
                                to="articles.article",
                            ),
                        ),
                        (
                            "by",
                            models.ForeignKey(
                                blank=True,
                                editable=False,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "correction or update",
                        "verbose_name_plural": "corrections and updates",
                        "db_table": "articles_articlenote",
                        "ordering": ["created_at", "id"],
                        "get_latest_by": "created_at",
                    },
                ),
                migrations.CreateModel(
                    name="ArticleRedirect",
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
                        ("old_slug", models.SlugField(max_length=200, unique=True)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "article",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="old_slugs",
                                to="articles.article",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "articles_articleredirect",
                        "ordering": ["-created_at"],
                    },
                ),
            ],
        ),
        migrations.RunPython(relabel_forward, relabel_backward),
    ]
