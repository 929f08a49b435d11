from django.utils.cache import patch_cache_control

from .pending import PENDING_COOKIE


def private_for_pending_commenters(get_response):
    """A page rendered for a browser with pending comments is for that browser alone.

    The cookie is scoped to one article's path, so only that article's responses are affected;
    shared caches (a CDN, the page cache) must neither store nor serve them.
    """

    def middleware(request):
        response = get_response(request)
        if PENDING_COOKIE in request.COOKIES:
            patch_cache_control(response, private=True, no_store=True)
            done_path = getattr(request, "comments_pending_done_path", None)
            if done_path:
                response.delete_cookie(PENDING_COOKIE, path=done_path, samesite="Lax")
        return response

    return middleware
