from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from articles.sitemap_views import sitemap_index, sitemap_section
from articles.views import RobotsView

admin.site.site_header = "Newsdesk editors"
admin.site.site_title = "Newsdesk admin"
admin.site.index_title = "Desk"


# A database outage is a 503 with Retry-After; other errors the 500 page (safeguards/outage.py).
handler500 = "safeguards.outage.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap_index, name="sitemap-index"),
    path("sitemap-<section>.xml", sitemap_section, name="sitemap-section"),
    path("robots.txt", RobotsView.as_view(), name="robots"),
    path("", include("readership.urls")),
    path("", include("standards.urls")),
    path("", include("articles.urls")),
    path("", include("comments.urls")),
    path("", include("workflow.urls")),
]

# Uploaded images under `make run`; in production the web server or a CDN serves MEDIA_ROOT.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
