from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    # Under the article's own path, so the pending-comments cookie (scoped to it) reaches it.
    path("news/<uslug:slug>/comment/", views.post, name="post"),
    path("comments/token/", views.token, name="token"),
    path("comments/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
