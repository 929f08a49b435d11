import functools
from functools import partial

from django.conf import settings
from django.db import connection
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, ListView, TemplateView
from taggit.models import Tag

from . import cache_tags, keyset, search
from .forms import SearchForm
from .fragments import article_fragment_tags
from .home import home_page
from .models import Article, AuthorProfile, Category, Source
from .overload import expensive_page
from .pagecache import shared_page, tag_page
from .pagination import CachedCountPaginator
from .related import related_articles

# Every reader page is the same for all anonymous readers and cached whole (articles/pagecache.py):
# each names what it shows, so that a change outdates exactly the pages showing it.
html_page = functools.partial(shared_page, cache_tags.NAVIGATION, cache_tags.BANNER)


class PublishedArticlesMixin:
    """Everyone sees only published articles here: the same page for all, cacheable.

    Writers and editors preview drafts and scheduled articles at /preview/ (the workflow app).
    """

    def get_queryset(self):
        # The byline's author and source and the label's category come in the same (single) query.
        return (
            Article.objects.published()
            .select_related("primary_category", "author_profile", "source", "lead_image")
            .defer("search_vector")  # the page never shows it: a few KB a row to decode
        )


class ArticleListView(ListView):
    context_object_name = "articles"
    paginator_class = CachedCountPaginator
    # Pages past the first few by "older than" cursor (articles/keyset.py); not for search,
    # whose order is relevance.
    keyset = True

    def get_paginate_by(self, queryset):
        # Read per request, so a settings override (tests, PAGE_SIZE) applies without a restart.
        return settings.NEWSDESK["PAGE_SIZE"]

    def get(self, request, *args, **kwargs):
        self.object_list = self.get_queryset()
        number = request.GET.get("page")
        if self.keyset and number is not None and keyset.is_deep(number):
            # Past the numbered pages: existing ones lead to the last numbered page.
            paginator = self.get_paginator(self.object_list, self.get_paginate_by(None))
            if int(number) > paginator.num_pages:
                raise Http404("No such page.")
            query = request.GET.copy()
            query["page"] = str(keyset.NUMBERED_PAGES)
            return redirect(f"{request.path}?{query.urlencode()}")
        return self.render_to_response(self.get_context_data())

    def paginate_queryset(self, queryset, page_size):
        if not self.keyset:
            return super().paginate_queryset(queryset, page_size)
        cursor = keyset.requested_cursor(self.request.GET)
        if cursor is not None:
            by_cursor = keyset.cursor_page(queryset, page_size, *cursor)
            return None, by_cursor, by_cursor.object_list, True
        paginator = self.get_paginator(queryset, page_size)
        if self.request.GET.get("page") == "last" and paginator.num_pages > keyset.NUMBERED_PAGES:
            oldest = keyset.oldest_page(queryset, page_size)
            return None, oldest, oldest.object_list, True
        paginator, page, rows, is_paginated = super().paginate_queryset(queryset, page_size)
        if page.number == keyset.NUMBERED_PAGES and page.has_next():
            # The numbers stop here; older pages by cursor.
            page.older_cursor = list(rows)[-1].pk  # type: ignore[attr-defined]
        return paginator, page, rows, is_paginated

    def get_queryset(self):
        return Article.objects.published().for_listing()


@method_decorator(html_page(cache_tags.HOME, lists_articles=True), name="dispatch")
class HomeView(TemplateView):
    """Lead story, latest articles and a section per main category (see articles/home.py)."""

    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**home_page(), **kwargs)


@method_decorator(html_page(lists_articles=True), name="dispatch")
class CategoryView(ArticleListView):
    template_name = "articles/category_detail.html"

    def get_queryset(self):
        self.category = get_object_or_404(Category, slug=self.kwargs["slug"])
        tag_page(self.request, cache_tags.category(self.category.pk))
        return super().get_queryset().filter(categories=self.category)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            category=self.category, current_category_slug=self.category.slug, **kwargs
        )


@method_decorator(html_page(lists_articles=True), name="dispatch")
class TagView(ArticleListView):
    template_name = "articles/tag_detail.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        tag_page(self.request, cache_tags.tag(self.tag.pk))
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


@method_decorator(html_page(), name="dispatch")
class ArticleDetailView(PublishedArticlesMixin, DetailView):
    """The article alone is fetched here; its source, categories, tags, corrections, related
    articles and comments are read inside the page's cached fragments (articles/fragments.py),
    so they are queried only when a fragment is rebuilt."""

    context_object_name = "article"

    def get_object(self, queryset=None):
        article = super().get_object(queryset)
        tag_page(self.request, *article_fragment_tags(article))
        return article

    def get_context_data(self, **kwargs):
        # A callable, so that the template computes the related articles only when it rebuilds
        # the fragment that shows them.
        return super().get_context_data(
            related_articles=partial(related_articles, self.object),
            canonical_path=self.object.get_absolute_url(),
            **kwargs,
        )


@method_decorator(html_page(lists_articles=True), name="dispatch")
class SourceView(ArticleListView):
    template_name = "articles/source_detail.html"

    def get_queryset(self):
        self.source = get_object_or_404(Source, slug=self.kwargs["slug"])
        tag_page(self.request, cache_tags.source(self.source.pk))
        return super().get_queryset().filter(source=self.source)

    def get_context_data(self, **kwargs):
        return super().get_context_data(source=self.source, **kwargs)


@method_decorator(html_page(lists_articles=True), name="dispatch")
class AuthorView(ArticleListView):
    template_name = "articles/author_detail.html"

    def get_queryset(self):
        self.author = get_object_or_404(AuthorProfile, slug=self.kwargs["slug"])
        tag_page(self.request, cache_tags.author(self.author.pk))
        return super().get_queryset().filter(author_profile=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


@method_decorator(html_page(cache_tags.AUTHORS), name="dispatch")
class AuthorListView(ListView):
    template_name = "articles/author_list.html"
    context_object_name = "authors"

    def get_queryset(self):
        return AuthorProfile.objects.all()


# Cached whole first: a hit never takes one of the few places for expensive pages.
@method_decorator(html_page(cache_tags.SEARCH, lists_articles=True), name="dispatch")
@method_decorator(expensive_page("search"), name="dispatch")
class SearchView(ArticleListView):
    template_name = "articles/search.html"
    keyset = False

    def get_queryset(self):
        self.form = SearchForm(self.request.GET)
        self.form.is_valid()  # invalid filters are left out and shown with their error
        if not self.form.query:
            return Article.objects.none()
        return search.search_articles(self.form.query, **self.form.filters())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, query=self.form.query, **kwargs)
        paginator = context["paginator"]
        # Only the most recent matches are ranked (articles/search.py): say so when that bites.
        context["phrase_among_recent"] = getattr(self.object_list, "phrase_among_recent", None)
        context["more_than"] = (
            search.MAX_CANDIDATES
            if paginator
            and connection.vendor == "postgresql"
            and self.form.cleaned_data.get("sort", "relevance") != "date"
            and paginator.count >= search.MAX_CANDIDATES
            else None
        )
        context["results"] = [
            (article, search.snippet_for(article, self.form.query))
            for article in context["articles"]
        ]
        return context


@method_decorator(shared_page(), name="dispatch")
class RobotsView(TemplateView):
    # Machine-read files answer GET and HEAD; anything else is 405 (see feeds and sitemaps).
    http_method_names = ["get", "head"]
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"
