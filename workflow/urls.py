from django.urls import path

from . import views

app_name = "workflow"

urlpatterns = [
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path(
        "preview/shared/<str:token>/",
        views.SharedPreviewView.as_view(),
        name="preview_shared",
    ),
]
