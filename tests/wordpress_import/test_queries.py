"""What a post costs in round trips to the database: pinned, since it is what makes 10,000 posts
take minutes rather than half an hour (README, "Speed")."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from bench.wordpress_export import build

from .conftest import run_import

pytestmark = pytest.mark.django_db

# A new post with a five-comment thread, two tags and a category (bench/wordpress_export.py):
# its transaction (2: BEGIN/COMMIT, here a savepoint and its release), the article (1), its
# category and tag links (2), its WordPress ID (1), its old addresses (1), its comments (1),
# the replies linked to their parents (1), their WordPress IDs (1).
QUERIES_PER_POST = 10


class _Undo(Exception):
    pass


def queries_to_import(tmp_path, posts):
    export = tmp_path / f"export-{posts}.xml"
    build(export, posts, comments_per_post=5, tags=4)
    with CaptureQueriesContext(connection) as queries:
        try:
            with transaction.atomic():
                report = run_import(export)
                raise _Undo  # the next measure starts from the same empty database
        except _Undo:
            pass
    assert report.splitlines()[4].split()[:2] == ["articles", str(posts)]
    return len(queries)


def test_queries_grow_by_a_fixed_number_per_post(tmp_path):
    ten, twenty = queries_to_import(tmp_path, 10), queries_to_import(tmp_path, 20)
    assert twenty - ten == 10 * QUERIES_PER_POST, (ten, twenty)
