from django.contrib.flatpages import views as flatpage_views
from django.urls import path

app_name = "standards"

# The footer links these by name; each is the flatpage stored at the same URL (migration 0001).
PAGES = {
    "about": "/about/",
    "contact": "/contact/",
    "editorial-standards": "/editorial-standards/",
    "corrections-policy": "/corrections-policy/",
    "privacy": "/privacy/",
}

urlpatterns = [
    path(url.strip("/") + "/", flatpage_views.flatpage, {"url": url}, name=name)
    for name, url in PAGES.items()
]
