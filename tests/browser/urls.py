"""The site's URLs plus uploaded media, for the live server of the browser tests (DEBUG is off
there, so `static()` in newsdesk/urls.py serves nothing; production serves media from the web
server)."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from newsdesk.urls import urlpatterns as site_urlpatterns


def media(request, path):
    # MEDIA_ROOT is a fresh folder per test (tests/conftest.py): read it at request time.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [re_path(r"^media/(?P<path>.*)$", media), *site_urlpatterns]
