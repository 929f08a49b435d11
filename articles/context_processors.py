from django.conf import settings

from .models import Category


def site_navigation(request):
    """The masthead's category links and the site's name, on every page.

    The categories are a lazy queryset: a page that never renders the masthead runs no query.
    """
    return {
        "site_name": settings.NEWSDESK["SITE_NAME"],
        "site_tagline": settings.NEWSDESK["SITE_TAGLINE"],
        "navigation_categories": Category.objects.only("name", "slug"),
    }
