"""The old WordPress site's addresses answer 301 to their new homes.

Consulted only when the site had nothing to show (a 404), or for the home page called with
WordPress's query keys (`/?p=7`), so every other request costs nothing. Targets readers may not
see (a draft, a scheduled article) leave the 404 as it was.
"""

from django.http import HttpResponsePermanentRedirect

from .models import LegacyAddress
from .querysets import QUERY_KEYS


class LegacyAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reading = request.method in ("GET", "HEAD")
        if reading and request.path == "/" and any(key in request.GET for key in QUERY_KEYS):
            redirect = _redirect(LegacyAddress.objects.for_query(request.GET))
            if redirect:
                return redirect
        response = self.get_response(request)
        if reading and response.status_code == 404:
            return _redirect(LegacyAddress.objects.for_path(request.path)) or response
        return response


def _redirect(address):
    target = address.target_url() if address else None
    return HttpResponsePermanentRedirect(target) if target else None
