from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    """The desk's workflow: roles, review, scheduling, previews, revisions, corrections and
    old addresses."""

    name = "workflow"
    verbose_name = "Editorial workflow"

    def ready(self):
        from django.db.models.signals import post_migrate

        from articles.page_parts import AFTER_BODY, register_article_part, register_footer_link
        from articles.seeding import seeds_loaded

        from . import revisions, roles, signals
        from .seeding import load_seed_notes

        revisions.register()
        signals.connect()
        seeds_loaded.connect(load_seed_notes, dispatch_uid="workflow-seed-notes")
        # After contenttypes and auth have made the permissions (their handlers run first).
        post_migrate.connect(roles.sync_roles, sender=self, dispatch_uid="workflow-roles")
        # Corrections and updates, at the foot of the article for every reader.
        register_article_part(AFTER_BODY, "workflow/article_notes.html")
        register_footer_link("Corrections", "workflow:corrections")
