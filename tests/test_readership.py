"""Most read: anonymous counts through a beacon, cached pages stay the same for everyone."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from articles.models import Article
from readership.counting import current_hour, most_read, most_read_ids, record_read
from readership.models import HourlyReads

from .factories import make_article

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="query plans on PostgreSQL"
)


def test_the_beacon_counts_a_read_without_cookies_or_personal_data(client):
    article = make_article()
    response = client.post(f"/reads/{article.pk}/", REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 204
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    client.post(f"/reads/{article.pk}/")
    row = HourlyReads.objects.get()
    assert (row.article_id, row.count) == (article.pk, 2)
    # Only the article, the hour and the count are stored.
    assert {f.name for f in HourlyReads._meta.fields} == {"id", "article", "hour", "count"}


@pytest.mark.parametrize("status", [Article.Status.DRAFT, Article.Status.IN_REVIEW])
def test_unpublished_or_unknown_articles_are_not_counted(client, status):
    article = make_article(status=status)
    assert client.post(f"/reads/{article.pk}/").status_code == 204
    assert client.post("/reads/999999/").status_code == 204
    # Beyond the largest primary key: the database cannot even compare it (was a 500).
    assert client.post(f"/reads/{2**64}/").status_code == 204
    assert not HourlyReads.objects.exists()


def test_the_beacon_answers_only_posts(client):
    article = make_article()
    assert client.get(f"/reads/{article.pk}/").status_code == 405
    assert not HourlyReads.objects.exists()


def test_most_read_ranks_the_last_day_and_week(client):
    popular_today = make_article(headline="Popular today")
    popular_week = make_article(headline="Popular this week")
    now = timezone.now()
    for _ in range(5):
        record_read(popular_today.pk, at=now)
    for _ in range(9):
        record_read(popular_week.pk, at=now - timedelta(days=3))
    record_read(popular_week.pk, at=now - timedelta(days=9))  # outside both windows
    ranked = most_read()
    assert [a.headline for a in ranked["day"]] == ["Popular today"]
    assert [a.headline for a in ranked["week"]] == ["Popular this week", "Popular today"]
    page = client.get("/").content.decode()
    most = page.split('class="most-read"', 1)[1].split("</section>", 1)[0]
    assert "Last 24 hours" in most and "Last 7 days" in most
    assert most.index("Popular this week") < most.rindex("Popular today")


def test_most_read_stands_beside_an_article_too(client):
    popular = make_article(headline="Read by many")
    for _ in range(3):
        record_read(popular.pk)
    article = make_article(headline="The one being read")
    page = client.get(article.get_absolute_url()).content.decode()
    assert page.count('class="most-read"') == 1
    most = page.split('class="most-read"', 1)[1].split("</section>", 1)[0]
    assert "Last 24 hours" in most and "Last 7 days" in most
    assert f'<a href="{popular.get_absolute_url()}">Read by many</a>' in most


def test_an_unpublished_article_leaves_most_read_at_once(client):
    article = make_article(headline="Soon withdrawn")
    record_read(article.pk)
    assert "Soon withdrawn" in client.get("/").content.decode()
    article.status = Article.Status.DRAFT
    article.save()
    assert "Soon withdrawn" not in client.get("/").content.decode()


def test_article_page_loads_the_beacon_and_stays_identical_for_everyone(client):
    article = make_article()
    first = client.get(article.get_absolute_url())
    assert f'data-read-url="/reads/{article.pk}/"' in first.content.decode()
    client.post(f"/reads/{article.pk}/")
    # A read never changes the page: the ranking is cached for minutes, not per read.
    assert client.get(article.get_absolute_url()).content == first.content


@postgresql_only
def test_the_ranking_and_the_beacon_use_indexes():
    from django.test.utils import CaptureQueriesContext

    from readership.counting import most_read_ids

    articles = [make_article() for _ in range(20)]
    start = timezone.now() - timedelta(days=60)
    HourlyReads.objects.bulk_create(
        HourlyReads(article=articles[n % 20], hour=start + timedelta(hours=n), count=n % 7 + 1)
        for n in range(60 * 24)
    )
    with CaptureQueriesContext(connection) as captured:
        most_read_ids()
        record_read(articles[0].pk)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE readership_hourlyreads")
        for query in captured.captured_queries:
            if "readership_hourlyreads" not in query["sql"]:
                continue
            cursor.execute("EXPLAIN (FORMAT JSON) " + query["sql"])
            plan = str(cursor.fetchone()[0])
            assert (
                "'Relation Name': 'readership_hourlyreads'" not in plan or "Seq Scan" not in plan
            ), (
                query["sql"],
                plan,
            )


def test_prune_reads_deletes_counts_older_than_the_days_kept_and_keeps_the_ranking(client):
    article = make_article(headline="Read all month")
    now = timezone.now()
    for age in [timedelta(0), timedelta(days=6), timedelta(days=8, hours=2), timedelta(days=30)]:
        record_read(article.pk, at=now - age)
    ranking_before = most_read_ids()

    out = StringIO()
    call_command("prune_reads", "--days", "8", stdout=out)

    assert "Deleted 2 hourly read count(s)" in out.getvalue()
    assert sorted(row.hour for row in HourlyReads.objects.all()) == [
        current_hour(now - timedelta(days=6)),
        current_hour(now),
    ]
    assert most_read_ids() == ranking_before


def test_prune_reads_refuses_to_cut_into_the_week_most_read_ranks():
    article = make_article()
    record_read(article.pk, at=timezone.now() - timedelta(days=6))
    with pytest.raises(CommandError, match="at least 7 days"):
        call_command("prune_reads", "--days", "6")
    assert HourlyReads.objects.count() == 1
