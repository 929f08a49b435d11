"""Every query of every reader page, EXPLAIN ANALYZEd on a generated archive: the slow ones and
those that read far more rows than they keep.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsdesk_archive python bench/query_plans.py

tests/scale/test_query_plans.py proves in CI that no hot query scans a big table sequentially,
on a few thousand rows. At that size PostgreSQL may rightly prefer plans that discard rows, so
a plan that reads a whole index and filters it cannot be told apart there from a sound one;
here, at the archive's size, it can: the home page's lead query once read the whole
publication-time index (50 ms at 100,000 articles) with no sequential scan in its plan.
Prints each query slower than BENCH_SLOW_MS (default 10) or with a node on a big table that
discards more than BENCH_DISCARDED rows (default 1,000). Counts kept by the list pages
(CachedCountPaginator) show here too: they run once per cache lifetime, not per request.
"""

import os

from in_process import reader_pages, setup

SLOW_MS = float(os.environ.get("BENCH_SLOW_MS", "10"))
DISCARDED = int(os.environ.get("BENCH_DISCARDED", "1000"))
BIG_TABLES = {
    "articles_article",
    "articles_taggedarticle",
    "articles_article_categories",
    "articles_relatedlink",
    "articles_comment",
}


def wasteful_nodes(plan) -> list[str]:
    found = []

    def visit(node):
        discarded = node.get("Rows Removed by Filter", 0) * node.get("Actual Loops", 1)
        if node.get("Relation Name") in BIG_TABLES and discarded > DISCARDED:
            found.append(f"{node['Node Type']} on {node['Relation Name']}: {discarded} discarded")
        for child in node.get("Plans", []):
            visit(child)

    visit(plan["Plan"])
    return found


def main():
    setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "postgresql":
        raise SystemExit("EXPLAIN plans: point DATABASE_URL at a PostgreSQL archive")
    pages = reader_pages()
    client = Client(HTTP_HOST="localhost")
    flagged = 0
    for label, url in pages.items():
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        for query in queries.captured_queries:
            if not query["sql"].startswith("SELECT"):
                continue
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + query["sql"])
                plan = cursor.fetchone()[0][0]
            waste = wasteful_nodes(plan)
            if waste or plan["Execution Time"] > SLOW_MS:
                flagged += 1
                print(f"{label}: {plan['Execution Time']:.1f} ms {'; '.join(waste)}")
                print(f"    {query['sql'][:300]}")
    print(f"{len(pages)} pages, {flagged} queries flagged")


if __name__ == "__main__":
    main()
