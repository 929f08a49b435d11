import time

import pytest
from django.urls import reverse

from comments.forms import sign_timestamp
from comments.models import Comment
from tests.factories import make_article


@pytest.fixture
def article(db):
    return make_article(headline="Japan, EU sign defense pact", slug="japan-eu-pact")


def post_url(article):
    return reverse("comments:post", kwargs={"slug": article.slug})


def form_data(**overrides):
    """A valid comment, its form handed out a minute ago."""
    data = {
        "name": "Aiko Tanaka",
        "email": "aiko@example.org",
        "body": "A thoughtful remark about the pact.",
        "parent": "",
        "timestamp": sign_timestamp(time.time() - 60),
        "website": "",
    }
    data.update(overrides)
    return data


def make_comment(article, **fields):
    fields.setdefault("name", "Reader")
    fields.setdefault("email", "reader@example.org")
    fields.setdefault("body", "An approved remark.")
    fields.setdefault("status", Comment.Status.APPROVED)
    parent = fields.get("parent")
    fields.setdefault("depth", parent.depth + 1 if parent else 1)
    return Comment.objects.create(article=article, **fields)
