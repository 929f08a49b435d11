"""Old article addresses answer 301 (see ArticleRedirect for how chains collapse).

Checked only after the article view found nothing, so a live article costs no extra query.
"""

from django.http import Http404
from django.shortcuts import redirect

from ..models import Article
from .models import ArticleRedirect


class OldSlugRedirectMixin:
    """Before answering 404, send a known old address to the article's current one (301)."""

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            target = (
                ArticleRedirect.objects.filter(
                    old_slug=kwargs.get("slug", ""),
                    article__in=Article.objects.published(),
                )
                .select_related("article")
                .first()
            )
            if target is None:
                raise
            return redirect(target.article, permanent=True)
