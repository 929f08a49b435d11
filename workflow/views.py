"""Previews of drafts, articles in review and scheduled articles.

Previews render the readers' template (articles/article_detail.html), plus a banner and noindex.
The response is private, no-store, so no page cache keeps it; the fragments inside it are the
readers' own, keyed so that nothing about a preview (its path, the time) leaks into them.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.cache import add_never_cache_headers

from articles.models import Article
from articles.views import ArticleDetailView, PublishedArticlesMixin

from . import policy
from .previews import article_pk_from_token


class AnyStateMixin(PublishedArticlesMixin):
    """Drafts, articles in review and scheduled ones too (instead of published() only).

    Placed after ArticleDetailView in the bases, it comes before PublishedArticlesMixin in the
    MRO, so the detail view's queryset becomes every article whatever its state.
    """

    def get_queryset(self):
        return Article.objects.select_related("primary_category", "author_profile", "lead_image")


class ArticlePreviewView(ArticleDetailView, AnyStateMixin):
    """/preview/<pk>/: writers and editors signed in to the admin see any article as readers will."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), "admin:login")
        if not policy.can_preview(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=True, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        add_never_cache_headers(
            response
        )  # Cache-Control: max-age=0, no-cache, no-store, ... private
        return response


class SharedPreviewView(ArticlePreviewView):
    """/preview/shared/<token>/: the same page for anyone holding a valid, unexpired link."""

    def dispatch(self, request, *args, **kwargs):
        pk = article_pk_from_token(kwargs["token"])
        if pk is None:
            raise Http404("This preview link is invalid or has expired.")
        self.kwargs["pk"] = pk
        return super(ArticlePreviewView, self).dispatch(request, *args, **kwargs)
