"""Privacy commands: purge old IPs and user agents; export or delete one person's comments."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from comments.models import Comment

from .conftest import make_comment

pytestmark = pytest.mark.django_db


def test_purge_erases_ip_and_user_agent_older_than_retention(article, settings):
    old = make_comment(article, ip_address="192.0.2.1", user_agent="Old/1.0")
    new = make_comment(article, ip_address="192.0.2.2", user_agent="New/1.0")
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=91))
    out = StringIO()
    call_command("purge_comment_metadata", stdout=out)
    assert "1 comment(s)" in out.getvalue()
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.ip_address is None and old.user_agent == ""
    assert old.body  # the comment itself stays
    assert new.ip_address == "192.0.2.2" and new.user_agent == "New/1.0"
    call_command("purge_comment_metadata", "--days", "0", stdout=out)
    new.refresh_from_db()
    assert new.ip_address is None


def test_export_and_delete_every_comment_of_an_email(article):
    mine = make_comment(article, email="Person@Example.org", body="Mine")
    reply = make_comment(article, parent=mine, email="other@example.org", body="Not mine")
    make_comment(article, email="person@example.org", body="Mine too", status="pending")
    out = StringIO()
    call_command("comments_for_email", "person@example.org", stdout=out)
    exported = json.loads(out.getvalue())
    assert [c["comment"] for c in exported["comments"]] == ["Mine", "Mine too"]
    assert exported["comments"][0]["article"] == "Japan, EU sign defense pact"
    assert Comment.objects.count() == 3

    out, err = StringIO(), StringIO()
    call_command("comments_for_email", "PERSON@example.org", "--delete", stdout=out, stderr=err)
    assert len(json.loads(out.getvalue())["comments"]) == 2
    assert "Deleted 2 comment(s)" in err.getvalue()
    reply.refresh_from_db()
    assert reply.parent is None  # other people's replies stay
    assert list(Comment.objects.values_list("body", flat=True)) == ["Not mine"]


def test_export_refuses_a_non_address():
    with pytest.raises(CommandError):
        call_command("comments_for_email", "nobody")
