from functools import partial

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView, TemplateView
from taggit.models import Tag

from . import search
from .forms import SearchForm
from .home import home_page
from .models import Article, AuthorProfile, Category, Source
from .related import related_articles


class PublishedArticlesMixin:
    """Everyone sees only published articles here: the same page for all, cacheable.

    Writers and editors preview drafts and scheduled articles at /preview/ (the workflow app).
    """

    def get_queryset(self):
        # The byline's author and the label's category come in the same (single) query.
        return Article.objects.published().select_related("primary_category", "author_profile")


class ArticleListView(ListView):
    context_object_name = "articles"

    def get_paginate_by(self, queryset):
        # Read per request, so a settings override (tests, PAGE_SIZE) applies without a restart.
        return settings.NEWSDESK["PAGE_SIZE"]

    def get_queryset(self):
        return Article.objects.published().for_listing()


class HomeView(TemplateView):
    """Lead story, latest articles and a section per main category (see articles/home.py)."""

    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**home_page(), **kwargs)


class CategoryView(ArticleListView):
    template_name = "articles/category_detail.html"

    def get_queryset(self):
        self.category = get_object_or_404(Category, slug=self.kwargs["slug"])
        return super().get_queryset().filter(categories=self.category)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            category=self.category, current_category_slug=self.category.slug, **kwargs
        )


class TagView(ArticleListView):
    template_name = "articles/tag_detail.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class ArticleDetailView(PublishedArticlesMixin, DetailView):
    """The article alone is fetched here; its source, categories, tags, corrections, related
    articles and comments are read inside the page's cached fragments (articles/fragments.py),
    so they are queried only when a fragment is rebuilt."""

    context_object_name = "article"

    def get_context_data(self, **kwargs):
        # A callable, so that the template computes the related articles only when it rebuilds
        # the fragment that shows them.
        return super().get_context_data(
            related_articles=partial(related_articles, self.object),
            canonical_path=self.object.get_absolute_url(),
            **kwargs,
        )


class SourceView(ArticleListView):
    template_name = "articles/source_detail.html"

    def get_queryset(self):
        self.source = get_object_or_404(Source, slug=self.kwargs["slug"])
        return super().get_queryset().filter(source=self.source)

    def get_context_data(self, **kwargs):
        return super().get_context_data(source=self.source, **kwargs)


class AuthorView(ArticleListView):
    template_name = "articles/author_detail.html"

    def get_queryset(self):
        self.author = get_object_or_404(AuthorProfile, slug=self.kwargs["slug"])
        return super().get_queryset().filter(author_profile=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class AuthorListView(ListView):
    template_name = "articles/author_list.html"
    context_object_name = "authors"

    def get_queryset(self):
        return AuthorProfile.objects.all()


class SearchView(ArticleListView):
    template_name = "articles/search.html"

    def get_queryset(self):
        self.form = SearchForm(self.request.GET)
        self.form.is_valid()  # invalid filters are left out and shown with their error
        if not self.form.query:
            return Article.objects.none()
        return search.search_articles(self.form.query, **self.form.filters())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, query=self.form.query, **kwargs)
        context["results"] = [
            (article, search.snippet_for(article, self.form.query))
            for article in context["articles"]
        ]
        return context


class RobotsView(TemplateView):
    # Machine-read files answer GET and HEAD; anything else is 405 (see feeds and sitemaps).
    http_method_names = ["get", "head"]
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"
