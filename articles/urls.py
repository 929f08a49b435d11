from django.urls import path

from . import feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("news/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("category/<slug:slug>/", views.CategoryView.as_view(), name="category"),
    path("tag/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("source/<slug:slug>/", views.SourceView.as_view(), name="source"),
    path("source/<slug:slug>/feed/", feeds.SourceRss(), name="source-feed"),
    path("source/<slug:slug>/feed/atom/", feeds.SourceAtom(), name="source-feed-atom"),
    path("authors/", views.AuthorListView.as_view(), name="authors"),
    path("author/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("author/<slug:slug>/feed/", feeds.AuthorRss(), name="author-feed"),
    path("author/<slug:slug>/feed/atom/", feeds.AuthorAtom(), name="author-feed-atom"),
    path("search/", views.SearchView.as_view(), name="search"),
    # Feeds: RSS 2.0 and Atom for the latest articles, each category and each tag.
    path("feed/", feeds.LatestRss(), name="feed"),
    path("feed/atom/", feeds.LatestAtom(), name="feed-atom"),
    path("category/<slug:slug>/feed/", feeds.CategoryRss(), name="category-feed"),
    path("category/<slug:slug>/feed/atom/", feeds.CategoryAtom(), name="category-feed-atom"),
    path("tag/<slug:slug>/feed/", feeds.TagRss(), name="tag-feed"),
    path("tag/<slug:slug>/feed/atom/", feeds.TagAtom(), name="tag-feed-atom"),
]
