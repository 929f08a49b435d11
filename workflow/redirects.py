"""Old article addresses answer 301 (see ArticleRedirect for how chains collapse).

A middleware in the manner of django.contrib.redirects' RedirectFallbackMiddleware: it looks at
responses the site answered 404, so a live article costs no extra query, and the article view in
the core needs to know nothing of old addresses.

A slug changed back and forth (one -> two -> one, e.g. by restoring a revision) must never loop.
On the server it cannot: /news/two/ sends to the article's current address. But a browser keeps
a 301 (for good, unless told otherwise), so one that followed /news/one/ -> /news/two/ before
would go to two, be sent to one, and take its cached one -> two again: a loop the server never
sees. So when the article's current address was once an old address of its own, the old address
serves the article itself (200, its canonical link naming the current address) instead of a
redirect; and browsers keep each 301 for a day only, so such cached detours fade.
"""

from urllib.parse import unquote

from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve

from articles.models import Article

from .models import ArticleRedirect

ARTICLE_VIEW_NAME = "articles:detail"
REDIRECT_MAX_AGE = 24 * 3600


def old_slug_redirects(get_response):
    """Before answering 404 on /news/<slug>/, send a known old address to the article's
    current one, if readers may see it."""

    def middleware(request):
        response = get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        slug = _article_slug(request.path_info)
        if slug is None:
            return response
        target = (
            ArticleRedirect.objects.filter(old_slug=slug, article__in=Article.objects.published())
            .select_related("article")
            .first()
        )
        if target is None:
            return response
        article = target.article
        if ArticleRedirect.objects.filter(old_slug=article.slug, article=article).exists():
            # resolve() takes a path as decoded (request.path_info), the address is quoted.
            current = resolve(unquote(article.get_absolute_url()))
            page = current.func(request, *current.args, **current.kwargs)
            # Past the view layer here: a TemplateResponse must be rendered by hand.
            return page.render() if hasattr(page, "render") else page
        redirect = HttpResponsePermanentRedirect(article.get_absolute_url())
        redirect["Cache-Control"] = f"max-age={REDIRECT_MAX_AGE}"
        return redirect

    return middleware


def _article_slug(path):
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.kwargs.get("slug") if match.view_name == ARTICLE_VIEW_NAME else None
