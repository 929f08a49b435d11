from django.apps import AppConfig


class StandardsConfig(AppConfig):
    """About, Contact, Editorial standards, Corrections policy and Privacy: Django flatpages that
    editors edit in the admin, at fixed addresses linked from the footer."""

    name = "standards"
    verbose_name = "Standards pages"

    def ready(self):
        from django.db.models.signals import post_migrate

        from articles import page_parts

        from . import roles

        page_parts.register_article_part(page_parts.FOOTER_LINKS, "standards/footer_links.html")
        post_migrate.connect(roles.sync_roles, sender=self, dispatch_uid="standards-roles")
