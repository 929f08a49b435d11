from django.urls import path
from django.views.decorators.http import require_safe

from articles import cache_tags
from articles.pagecache import shared_page

from . import corrections, views

# The corrections page and feeds, cached whole for readers: they change with any correction
# (CORRECTIONS) and with any article readers see (its headline, its leaving the site: FEEDS).
# The feeds answer GET and HEAD only, like every other feed (TRACE, PUT... get 405).
corrections_page = shared_page(
    corrections.CORRECTIONS, cache_tags.FEEDS, cache_tags.NAVIGATION, cache_tags.BANNER
)
corrections_feed = shared_page(corrections.CORRECTIONS, cache_tags.FEEDS)

app_name = "workflow"

urlpatterns = [
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path(
        "preview/shared/<str:token>/",
        views.SharedPreviewView.as_view(),
        name="preview_shared",
    ),
    path(
        "corrections/",
        corrections_page(corrections.CorrectionsView.as_view()),
        name="corrections",
    ),
    path(
        "corrections/feed/",
        require_safe(corrections_feed(corrections.CorrectionsRss())),
        name="corrections-feed",
    ),
    path(
        "corrections/feed/atom/",
        require_safe(corrections_feed(corrections.CorrectionsAtom())),
        name="corrections-feed-atom",
    ),
]
