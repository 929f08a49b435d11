"""Cost, not only counts: on PostgreSQL, every query of the hot pages can be served from an
index. A generated archive of a few thousand rows is loaded, each page is requested, and every
SELECT it ran is EXPLAINed with sequential scans priced out of reach (enable_seqscan off): a
query that still scans the article, link or comment tables has no index to use, and would
cost as much as the archive is large."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from articles.archive import ArchiveGenerator, Plan
from articles.models import Article, Category, Source
from articles.sitemaps import ArticleSitemap

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="EXPLAIN plans: PostgreSQL"),
]

BIG_TABLES = {
    "articles_article",
    "articles_taggedarticle",
    "articles_article_categories",
    "articles_relatedlink",
    Article._meta.get_field("comments").related_model._meta.db_table,
}


@pytest.fixture
def archive(settings, monkeypatch):
    settings.NEWSDESK = {**settings.NEWSDESK, "FRAGMENT_CACHE_SECONDS": 0}
    monkeypatch.setattr(ArticleSitemap, "limit", 500)  # several sitemap pages
    ArchiveGenerator(Plan(articles=1500, comments=8000, seed=5), report=lambda _: None).run()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")


def sequential_scans(sql):
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    return [table for table in re.findall(r"Seq Scan on (\w+)", plan) if table in BIG_TABLES]


def scans_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    selects = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    return {sql: scans for sql in selects if (scans := sequential_scans(sql))}


def hot_pages():
    busiest = (
        Article.objects.published().order_by("-published_at").filter(comments__isnull=False)[0]
    )
    category = Category.objects.get(slug="northeast-asia")
    tag = Tag.objects.get(name="Japan")
    source = Source.objects.filter(articles__isnull=False)[0]
    # Deep pages (as far down as page 500 of a 100,000-article archive) by cursor.
    deep_in_category = category.articles.published().order_by("-published_at", "-id")[60]
    deep_in_tag = Article.objects.published().filter(tags=tag).order_by("-published_at")[40]
    return [
        "/",
        busiest.get_absolute_url(),
        Article.objects.published().order_by("published_at")[0].get_absolute_url(),
        category.get_absolute_url(),
        category.get_absolute_url() + "?page=last",
        f"/tag/{tag.slug}/",
        f"/tag/{tag.slug}/?page=last",
        f"{category.get_absolute_url()}?before={deep_in_category.pk}",
        f"{category.get_absolute_url()}?after={deep_in_category.pk}",
        f"/tag/{tag.slug}/?before={deep_in_tag.pk}",
        f"{source.get_absolute_url()}?before={source.articles.published()[20].pk}",
        source.get_absolute_url(),
        "/search/?q=military",
        '/search/?q="japan+defense"',
        "/search/?q=zebrafish",
        "/feed/",
        f"{category.get_absolute_url()}feed/",
        f"/tag/{tag.slug}/feed/atom/",
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/sitemap-articles.xml?p=2",
        "/sitemap-categories.xml",
        "/sitemap-tags.xml",
        "/sitemap-news.xml",
        "/robots.txt",
    ]


EDITOR_PAGES = [
    "/admin/articles/article/",
    "/admin/articles/article/?q=japa+defen",
    "/admin/articles/article/?p=5",
    "/admin/articles/article/?published_at__year=2024",
    "/admin/articles/article/?published_at__year=2024&published_at__month=3",
    "/admin/articles/article/?category=1&state=live",
    "/admin/comments/comment/?created_at__year=2024",
    "/admin/comments/comment/",
    "/admin/comments/comment/?status__exact=all",
    "/admin/comments/comment/?status__exact=all&q=navy",
    "/admin/comments/comment/?q=navy",
]


# One test for all pages: generating the archive is the expensive part.
def test_hot_pages_never_scan_the_big_tables(client, admin_user, archive):
    assert Article.objects.count() >= 1500
    # The detector itself: a query no index can serve is reported.
    assert sequential_scans("SELECT id FROM articles_article WHERE body LIKE '%navy%'")
    failures = {url: scans for url in hot_pages() if (scans := scans_of(client, url))}
    client.force_login(admin_user)
    failures |= {url: scans for url in EDITOR_PAGES if (scans := scans_of(client, url))}
    assert not failures, failures
