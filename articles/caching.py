"""What a whole-page cache must ask before serving or storing a reader page.

Anonymous readers all get the same HTML for a page, with two exceptions that this predicate
knows about: people signed in (editors, previews) and a browser that has just posted a comment
on this article and is shown it while it awaits moderation (see docs/comments.md). The CSRF
cookie does not count: cached pages carry no token; comments.js fetches one when needed.
"""

from django.conf import settings

from .comments.pending import PENDING_COOKIE

CACHEABLE_METHODS = {"GET", "HEAD"}


def is_page_cacheable(request):
    """True when the response to `request` is the same for every anonymous reader."""
    if request.method not in CACHEABLE_METHODS:
        return False
    if PENDING_COOKIE in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    if user is not None:
        return not user.is_authenticated
    # Before authentication has run: any session may belong to someone signed in.
    return settings.SESSION_COOKIE_NAME not in request.COOKIES
