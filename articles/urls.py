from django.urls import path
from django.views.decorators.http import require_safe

from . import feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("news/<uslug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("category/<uslug:slug>/", views.CategoryView.as_view(), name="category"),
    path("tag/<uslug:slug>/", views.TagView.as_view(), name="tag"),
    path("source/<uslug:slug>/", views.SourceView.as_view(), name="source"),
    path("source/<uslug:slug>/feed/", require_safe(feeds.SourceRss()), name="source-feed"),
    path(
        "source/<uslug:slug>/feed/atom/", require_safe(feeds.SourceAtom()), name="source-feed-atom"
    ),
    path("authors/", views.AuthorListView.as_view(), name="authors"),
    path("author/<uslug:slug>/", views.AuthorView.as_view(), name="author"),
    path("author/<uslug:slug>/feed/", require_safe(feeds.AuthorRss()), name="author-feed"),
    path(
        "author/<uslug:slug>/feed/atom/", require_safe(feeds.AuthorAtom()), name="author-feed-atom"
    ),
    path("search/", views.SearchView.as_view(), name="search"),
    # Feeds: RSS 2.0 and Atom for the latest articles, each category and each tag. Every feed
    # answers GET and HEAD only, like the sitemaps and robots.txt (TRACE, PUT... get 405).
    path("feed/", require_safe(feeds.LatestRss()), name="feed"),
    path("feed/atom/", require_safe(feeds.LatestAtom()), name="feed-atom"),
    path("category/<uslug:slug>/feed/", require_safe(feeds.CategoryRss()), name="category-feed"),
    path(
        "category/<uslug:slug>/feed/atom/",
        require_safe(feeds.CategoryAtom()),
        name="category-feed-atom",
    ),
    path("tag/<uslug:slug>/feed/", require_safe(feeds.TagRss()), name="tag-feed"),
    path("tag/<uslug:slug>/feed/atom/", require_safe(feeds.TagAtom()), name="tag-feed-atom"),
]
