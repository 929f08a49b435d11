"""Per reader page, with fragments off: how many queries, their total time, the slowest one,
and the whole request's time through Django's test client (no HTTP, one process).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsdesk_archive python bench/page_costs.py

Complements bench/pages.py (throughput under load): this one says where a page's time goes.
"""

import os
import statistics
import time

from in_process import reader_pages, setup

REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))


def main():
    setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    pages = reader_pages()
    client = Client(HTTP_HOST="localhost")
    print(f"{'page':<26}{'status':>7}{'queries':>8}{'SQL ms':>9}{'slowest':>9}{'total ms':>10}")
    for label, url in pages.items():
        client.get(url)  # warm: connection, templates
        totals, sqls, slowest, count, status = [], [], [], 0, 0
        for _ in range(REPEAT):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url)
                totals.append((time.perf_counter() - start) * 1000)
            status = response.status_code
            times = [float(q["time"]) * 1000 for q in queries.captured_queries]
            sqls.append(sum(times))
            slowest.append(max(times, default=0))
            count = len(times)
        print(
            f"{label:<26}{status:>7}{count:>8}{statistics.median(sqls):>9.1f}"
            f"{statistics.median(slowest):>9.1f}{statistics.median(totals):>10.1f}"
        )


if __name__ == "__main__":
    main()
