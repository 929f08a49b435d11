"""Old article addresses answer 301 (see ArticleRedirect for how chains collapse).

A middleware in the manner of django.contrib.redirects' RedirectFallbackMiddleware: it looks at
responses the site answered 404, so a live article costs no extra query, and the article view in
the core needs to know nothing of old addresses.
"""

from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve

from articles.models import Article

from .models import ArticleRedirect

ARTICLE_VIEW_NAME = "articles:detail"


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
        return HttpResponsePermanentRedirect(target.article.get_absolute_url())

    return middleware


def _article_slug(path):
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.kwargs.get("slug") if match.view_name == ARTICLE_VIEW_NAME else None
