from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .fragments import fragment_timeout, navigation_version
from .models import Category


def site_navigation(request):
    """The masthead's category links and the site's name, on every page.

    The categories are a lazy queryset, only run when the cached navigation fragment is missing;
    the navigation's version is read only by pages that show the masthead.
    """
    return {
        "navigation_version": SimpleLazyObject(navigation_version),
        "fragment_timeout": fragment_timeout(),
        "site_name": settings.NEWSDESK["SITE_NAME"],
        "site_tagline": settings.NEWSDESK["SITE_TAGLINE"],
        "navigation_categories": Category.objects.only("name", "slug"),
    }
