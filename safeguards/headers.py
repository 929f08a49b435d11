"""Permissions-Policy: a news site needs no camera, microphone, location or payment API, so an
injected script or a framed page cannot ask for them either."""

from django.conf import settings


def permissions_policy(get_response):
    header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DENIED)

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", header)
        return response

    return middleware
