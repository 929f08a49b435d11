from django.conf import settings
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView
from taggit.models import Tag

from .models import Article, Category
from .workflow.redirects import OldSlugRedirectMixin


class PublishedArticlesMixin:
    """Everyone sees only published articles here: the same page for all, cacheable.

    Writers and editors preview drafts and scheduled articles at /preview/ (articles/workflow/).
    """

    def get_queryset(self):
        return Article.objects.published()


class ArticleListView(ListView):
    paginate_by = settings.NEWSDESK["PAGE_SIZE"]
    context_object_name = "articles"

    def get_queryset(self):
        return Article.objects.published().for_listing()


class HomeView(ArticleListView):
    template_name = "articles/home.html"


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


class ArticleDetailView(OldSlugRedirectMixin, PublishedArticlesMixin, DetailView):
    context_object_name = "article"

    def get_queryset(self):
        # The source, categories, tags and related links are read inside the article's cached
        # fragment (articles/fragments.py): they are queried only when that fragment is rebuilt.
        return super().get_queryset()
