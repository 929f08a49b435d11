from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.decorators.http import require_safe

from articles import cache_tags
from articles.overload import expensive_page
from articles.pagecache import shared_page
from articles.sitemaps import sitemaps
from articles.views import RobotsView

admin.site.site_header = "Newsdesk editors"
admin.site.site_title = "Newsdesk admin"
admin.site.index_title = "Desk"


@require_safe
@shared_page(cache_tags.SITEMAPS, lists_articles=True)
@expensive_page("sitemaps")
def sitemap_section(request, section):
    """One section of the sitemap index; the Google News one adds its news: elements."""
    # sitemaps/urlset.xml: Django's sitemap.xml, written in Python (a page holds 1,000 URLs).
    template = "sitemaps/news.xml" if section == "news" else "sitemaps/urlset.xml"
    return sitemap_views.sitemap(request, sitemaps, section=section, template_name=template)


# A database outage is a 503 with Retry-After; other errors the 500 page (safeguards/outage.py).
handler500 = "safeguards.outage.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path(
        "sitemap.xml",
        require_safe(
            shared_page(cache_tags.SITEMAPS, lists_articles=True)(
                expensive_page("sitemaps")(sitemap_views.index)
            )
        ),
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"},
        name="sitemap-index",
    ),
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
