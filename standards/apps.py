from django.apps import AppConfig


class StandardsConfig(AppConfig):
    """About, Contact, Editorial standards, Corrections policy and Privacy: Django flatpages that
    editors edit in the admin, at fixed addresses linked from the footer."""

    name = "standards"
    verbose_name = "Standards pages"

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_migrate

        from articles import page_parts

        from . import roles

        for label, url_name in [
            ("About us", "standards:about"),
            ("Contact", "standards:contact"),
            ("Editorial standards", "standards:editorial-standards"),
            ("Corrections policy", "standards:corrections-policy"),
            ("Privacy", "standards:privacy"),
        ]:
            page_parts.register_footer_link(label, url_name)
        # This app has no models, so Django sends it no post_migrate: sync after flatpages',
        # whose permissions are made just before (auth's handler runs first).
        post_migrate.connect(
            roles.sync_roles,
            sender=apps.get_app_config("flatpages"),
            dispatch_uid="standards-roles",
        )
