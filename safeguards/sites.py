"""The public domain comes from SITE_DOMAIN, not from a hand edit of the Sites admin."""

from django.conf import settings


def apply_site_domain(sender, using="default", **kwargs):
    """post_migrate: every deploy writes SITE_DOMAIN and SITE_NAME to the current Site."""
    if not settings.SITE_DOMAIN or sender.name != "django.contrib.sites":
        return
    from django.contrib.sites.models import Site

    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": settings.SITE_DOMAIN, "name": settings.NEWSDESK["SITE_NAME"]},
    )
    Site.objects.clear_cache()
