"""The chooser's search on a library of thousands of images, on PostgreSQL: the trigram index
answers "any word in any text" (EXPLAIN: no sequential scan of the images)."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.test_desk_query_plans import scanned_tables

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        "connection.vendor != 'postgresql'", reason="query plans are checked on PostgreSQL"
    ),
]


@pytest.fixture
def big_library():
    """100,000 images (written by the database itself: seconds, not minutes), one with a rare
    word in its credit."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO images_image (file, title, alt_text, caption, credit, width, height,
                                      uploaded_at)
            SELECT 'images/originals/2024/01/photo-' || n || '.jpg',
                   (ARRAY['Harbour', 'Frigate', 'Parliament', 'Radar'])[n % 4 + 1] || ' ' || n,
                   'A ship seen from the coast at dawn', 'Caption ' || n || ' about the island',
                   'Agency ' || (n % 50), 1200, 800, now() - n * interval '1 minute'
            FROM generate_series(1, 100000) AS n
            """
        )
        cursor.execute("UPDATE images_image SET credit = 'Zanzibar Press' WHERE title = 'Radar 7'")
        cursor.execute("ANALYZE images_image")


def plans_of(client, query):
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/admin/images/image/chooser/", {"q": query})
    searches = [q["sql"] for q in captured.captured_queries if "LIKE" in q["sql"]]
    assert searches
    plans = []
    with connection.cursor() as cursor:
        for sql in searches:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
            plan = cursor.fetchone()[0]
            plan = json.loads(plan) if isinstance(plan, str) else plan
            cursor.execute(f"EXPLAIN {sql}")
            text = "\n".join(row[0] for row in cursor.fetchall())
            plans.append((scanned_tables(plan[0]["Plan"]), text))
    return response.json(), plans


def test_searching_100000_images_reads_neither_all_of_them_nor_the_table(
    big_library, editor_client
):
    # A rare word: the trigram index finds its few images.
    found, plans = plans_of(editor_client, "zanzibar")
    assert [r["title"] for r in found["results"]] == ["Radar 7"]
    for scanned, text in plans:
        assert "images_image" not in scanned, text
        assert "image_text_trgm_idx" in text

    # A common word: the newest images, read newest first until a page is full.
    found, plans = plans_of(editor_client, "harbour")
    assert len(found["results"]) == 24 and found["has_next"]
    for scanned, text in plans:
        assert "images_image" not in scanned, text
