from django.urls import path

from . import views

app_name = "readership"

urlpatterns = [path("reads/<int:article_id>/", views.read_beacon, name="beacon")]
