"""A browser's own pending comments, remembered in a signed cookie scoped to one article.

The cookie's path is the article's URL, so the browser sends it only to that article's page and
its comment URL: every other page stays identical for every anonymous reader.
"""

from django.conf import settings
from django.core import signing

PENDING_COOKIE = "newsdesk_pending"
PENDING_SALT = "articles.comments.pending"
MAX_REMEMBERED = 20


def pending_ids(request):
    """IDs of comments this browser posted on the requested article (possibly not pending now)."""
    try:
        value = request.get_signed_cookie(PENDING_COOKIE, salt=PENDING_SALT, default="")
    except signing.BadSignature:  # pragma: no cover - get_signed_cookie returns the default
        return []
    return [int(part) for part in value.split(",") if part.isdigit()][-MAX_REMEMBERED:]


def remember_pending(response, request, *, article, comment):
    ids = [*pending_ids(request), comment.pk][-MAX_REMEMBERED:]
    response.set_signed_cookie(
        PENDING_COOKIE,
        ",".join(map(str, ids)),
        salt=PENDING_SALT,
        max_age=settings.NEWSDESK_COMMENTS["PENDING_COOKIE_DAYS"] * 24 * 3600,
        path=article.get_absolute_url(),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
