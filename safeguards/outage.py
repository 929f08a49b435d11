"""A database that is down, restarting or read-only gives readers a 503 page, not a 500.

Django turns every uncaught exception into the 500 handler, wherever it was raised (a view, a
template, the session middleware), and the exception is still the one being handled there; so
the handler is the one place that sees them all. Django drops a connection that failed at the
end of the request, so the next request reconnects: the site recovers by itself.
"""

import sys

from django.conf import settings
from django.db import InterfaceError, InternalError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.views import defaults

# PostgreSQL's "cannot execute ... in a read-only transaction" (a hot standby, a failover).
READ_ONLY_SQLSTATE = "25006"


def is_database_outage(error):
    if isinstance(error, OperationalError | InterfaceError):
        return True
    cause = getattr(error, "__cause__", None)
    return isinstance(error, InternalError) and getattr(cause, "sqlstate", "") == READ_ONLY_SQLSTATE


def database_unavailable(request):
    """Styled, without context processors or the database (templates/503.html)."""
    seconds = settings.NEWSDESK["OUTAGE_RETRY_AFTER_SECONDS"]
    response = HttpResponse(
        loader.get_template("503.html").render({"retry_after": seconds}), status=503
    )
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response


def errors_reported():
    return bool(settings.ADMINS) or settings.ERROR_REPORTING == "logging"


def server_error(request):
    """handler500: a 503 for a database outage; otherwise the 500 page, which says the team was
    told only when errors really go somewhere (ADMINS, or ERROR_REPORTING=logging)."""
    if is_database_outage(sys.exc_info()[1]):
        return database_unavailable(request)
    try:
        template = loader.get_template(defaults.ERROR_500_TEMPLATE_NAME)
    except Exception:  # a missing template must not hide the original error behind another
        return defaults.server_error(request)
    return HttpResponseServerError(template.render({"errors_reported": errors_reported()}))
