from django.urls import path

from . import corrections, views

app_name = "workflow"

urlpatterns = [
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path(
        "preview/shared/<str:token>/",
        views.SharedPreviewView.as_view(),
        name="preview_shared",
    ),
    path("corrections/", corrections.CorrectionsView.as_view(), name="corrections"),
    path("corrections/feed/", corrections.CorrectionsRss(), name="corrections-feed"),
    path("corrections/feed/atom/", corrections.CorrectionsAtom(), name="corrections-feed-atom"),
]
