"""The desk's hot admin pages on a few thousand rows, on PostgreSQL: no sequential scan of the
comments, articles or workflow steps for the moderation queue and the dashboard (EXPLAIN)."""

import json

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bench.busy_desk import fill_busy_desk
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
    fill_busy_desk(django_user_model.objects.create_user("w", is_staff=True))


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
