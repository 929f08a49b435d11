import os

from django.http import HttpResponse
from django.urls import path

from newsdesk.urls import urlpatterns as site_urlpatterns

BARE_BODY = b"x" * int(os.environ.get("BENCH_BARE_SIZE", "20000"))


def bare(request):
    """The yardstick: Django's full middleware stack, no database, no template."""
    return HttpResponse(BARE_BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]
