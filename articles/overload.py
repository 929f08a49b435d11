"""No request holds a worker for long.

- Every SQL statement has a time limit (settings: DATABASE_STATEMENT_TIMEOUT_MS, below the
  worker timeout); expensive pages (search, sitemaps) get a shorter one.
- A statement cut by its limit answers 503 with Retry-After (StatementTimeoutMiddleware), not a
  500 after the worker is killed.
- Expensive pages run at most NEWSDESK["EXPENSIVE_PAGES_AT_ONCE"] at a time across the site
  (a counter in the shared cache); beyond that they answer 503 at once, so a burst of them
  leaves workers for the rest of the site.
"""

import contextlib
import functools

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, OperationalError, connection
from django.http import HttpResponse

QUERY_CANCELED = "57014"
SLOT_SECONDS = 120


def retry_later(reason: str) -> HttpResponse:
    response = HttpResponse(
        f"{reason} Please try again in a few seconds.\n",
        status=503,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(settings.NEWSDESK["RETRY_AFTER_SECONDS"])
    response["Cache-Control"] = "no-store"
    return response


def was_cancelled_for_time(error: BaseException) -> bool:
    cause = error.__cause__ or error
    return getattr(cause, "sqlstate", None) == QUERY_CANCELED


class StatementTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError) and was_cancelled_for_time(exception):
            return retry_later("This page is taking too long to build right now.")
        return None


@contextlib.contextmanager
def expensive_statements(milliseconds: int):
    """For the statements inside (PostgreSQL; elsewhere nothing): a shorter time limit (none
    set with 0), and a plan made for each statement's own values. A reused (generic) plan suits
    the other pages' queries, but not a search's: how many articles hold a word decides the
    plan, and with the generic one a common word's search took PostgreSQL three times as long
    (archive, 100,000 articles). Both settings are put back as they were."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        # The settings as they were are read (in the materialised CTE) before they are set.
        cursor.execute(
            "WITH was AS MATERIALIZED (SELECT current_setting('statement_timeout') AS timeout,"
            " current_setting('plan_cache_mode') AS plans)"
            " SELECT was.timeout, was.plans,"
            " set_config('statement_timeout', COALESCE(%s, was.timeout), false),"
            " set_config('plan_cache_mode', 'force_custom_plan', false) FROM was",
            [str(milliseconds) if milliseconds else None],
        )
        timeout, plans = cursor.fetchone()[:2]
    try:
        yield
    finally:
        # After a cancelled statement inside a transaction nothing more runs until rollback,
        # which resets the settings anyway; the original error is the one to report.
        with contextlib.suppress(DatabaseError), connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('statement_timeout', %s, false),"
                " set_config('plan_cache_mode', %s, false)",
                [timeout, plans],
            )


@contextlib.contextmanager
def slot(name: str):
    """Yield True if one of the site-wide slots for `name` was free (and hold it), else False."""
    limit = settings.NEWSDESK["EXPENSIVE_PAGES_AT_ONCE"]
    if not limit:
        yield True
        return
    key = f"newsdesk:slots:{name}"
    cache.add(key, 0, SLOT_SECONDS)
    try:
        taken = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, SLOT_SECONDS)
        taken = 1
    try:
        yield taken <= limit
    finally:
        try:
            cache.decr(key)
        except ValueError:
            pass


def expensive_page(name: str):
    """Bound a view: at most N at once site-wide, and a shorter statement time limit."""

    def decorate(view):
        @functools.wraps(view)
        def bounded(request, *args, **kwargs):
            with slot(name) as free:
                if not free:
                    return retry_later("Too many of these pages are being built at once.")
                with expensive_statements(settings.NEWSDESK["EXPENSIVE_STATEMENT_TIMEOUT_MS"]):
                    response = view(request, *args, **kwargs)
                    # Render inside the limits: lazy querysets run while rendering.
                    if hasattr(response, "render") and not response.is_rendered:
                        response.render()
                    return response

        return bounded

    return decorate
