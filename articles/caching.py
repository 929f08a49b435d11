"""What a whole-page cache must ask before serving or storing a reader page.

Anonymous readers all get the same HTML for a page, with two exceptions that this predicate
knows about: people signed in (editors, previews) and a browser that has just posted a comment
on this article and is shown it while it awaits moderation (see docs/comments.md). The CSRF
cookie does not count: cached pages carry no token; comments.js fetches one when needed.

The core does not know the comments app: an app whose cookie makes a page personal registers
the cookie's name here from its AppConfig.ready() (the comments app does, for pending comments).
"""

from django.conf import settings

CACHEABLE_METHODS = {"GET", "HEAD"}

_personal_cookies: set[str] = set()


def register_personal_cookie(name: str) -> None:
    """A browser sending this cookie gets a page of its own: never store or serve it shared."""
    _personal_cookies.add(name)


def personal_cookies() -> frozenset[str]:
    return frozenset(_personal_cookies)


def is_page_cacheable(request):
    """True when the response to `request` is the same for every anonymous reader."""
    if request.method not in CACHEABLE_METHODS:
        return False
    if not _personal_cookies.isdisjoint(request.COOKIES):
        return False
    user = getattr(request, "user", None)
    if user is not None:
        return not user.is_authenticated
    # Before authentication has run: any session may belong to someone signed in.
    return settings.SESSION_COOKIE_NAME not in request.COOKIES
