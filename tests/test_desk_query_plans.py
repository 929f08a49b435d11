"""The desk's hot admin pages on a few thousand rows, on PostgreSQL: no sequential scan of the
comments, articles or workflow steps for the moderation queue and the dashboard (EXPLAIN)."""

import json
import random
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from comments.models import Comment
from workflow.models import StatusChange
from workflow.roles import EDITORS

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        "connection.vendor != 'postgresql'", reason="query plans are checked on PostgreSQL"
    ),
]

BIG_TABLES = {"articles_comment", "articles_article", "workflow_statuschange"}


def scanned_tables(plan):
    """Tables read by a sequential scan anywhere in an EXPLAIN (FORMAT JSON) plan."""
    found = set()
    if plan.get("Node Type") == "Seq Scan":
        found.add(plan["Relation Name"])
    for child in plan.get("Plans", []):
        found |= scanned_tables(child)
    return found


# The queue's counts per status (as WordPress shows them) read every comment by nature: one
# GROUP BY per page, the only full read allowed.
ALLOWED = ['SELECT "articles_comment"."status" AS "status", COUNT(']


def seq_scans_of(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    scans: dict[str, list[str]] = {}
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT") or sql.startswith(tuple(ALLOWED)):
                continue
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
            plan = cursor.fetchone()[0]
            plan = json.loads(plan) if isinstance(plan, str) else plan
            for table in scanned_tables(plan[0]["Plan"]) & BIG_TABLES:
                cursor.execute(f"EXPLAIN {sql}")
                text = "\n".join(row[0] for row in cursor.fetchall())
                scans.setdefault(table, []).append(f"{sql}\n{text}")
    return scans


@pytest.fixture
def busy_desk(django_user_model):
    rng = random.Random(14)
    author = django_user_model.objects.create_user("w", is_staff=True)
    now = timezone.now()
    articles = Article.objects.bulk_create(
        Article(
            headline=f"Story {n}",
            slug=f"story-{n}",
            standfirst="S.",
            body="<p>B.</p>",
            author=author,
            # As on a real desk: nearly everything published, a few drafts, fewer in review.
            status="review" if n % 100 == 0 else "draft" if n % 25 == 1 else "published",
            published_at=now - timedelta(hours=n),
        )
        for n in range(8000)
    )
    StatusChange.objects.bulk_create(
        StatusChange(
            article=article,
            action="submit",
            from_state="draft",
            to_state="review",
            at=now - timedelta(minutes=i),
            notified_at=now,
        )
        for i, article in enumerate(articles)
    )
    Comment.objects.bulk_create(
        Comment(
            article=rng.choice(articles),
            name="Reader",
            email=f"reader{rng.randrange(800)}@example.org",
            body="A remark.",
            ip_address=f"203.0.{rng.randrange(4)}.{rng.randrange(250)}",
            status="pending" if n % 100 == 0 else rng.choice(["approved", "rejected", "spam"]),
            notified_at=now,
        )
        for n in range(20000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def test_the_moderation_queue_reads_through_indexes(client, busy_desk, django_user_model):
    editor = django_user_model.objects.create_user("e", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    assert seq_scans_of(client, reverse("admin:comments_comment_changelist")) == {}


def test_the_editors_dashboard_reads_through_indexes(client, busy_desk, django_user_model):
    editor = django_user_model.objects.create_user("e", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    assert seq_scans_of(client, reverse("admin:index")) == {}
