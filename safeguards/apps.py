from django.apps import AppConfig


class SafeguardsConfig(AppConfig):
    """Production safety: settings checks, the public domain, outage pages, headers, staff 2FA."""

    name = "safeguards"
    verbose_name = "Safeguards"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import checks  # noqa: F401  (registers the production checks)
        from .sites import apply_site_domain

        post_migrate.connect(apply_site_domain, dispatch_uid="newsdesk-apply-site-domain")
