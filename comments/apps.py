from django.apps import AppConfig


class CommentsConfig(AppConfig):
    """Readers' comments: posting, moderation, the block list, notifications and privacy."""

    name = "comments"
    verbose_name = "Readers' comments"

    def ready(self):
        from django.db.models.signals import post_migrate

        from articles.archive import archive_articles_written
        from articles.caching import register_personal_cookie
        from articles.page_parts import AFTER_ARTICLE, register_article_part
        from articles.seeding import seeds_loaded

        from . import roles, signals
        from .archive import write_archive_comments
        from .pending import PENDING_COOKIE
        from .seeding import load_seed_comments

        signals.connect()
        seeds_loaded.connect(load_seed_comments, dispatch_uid="comments-seed-comments")
        archive_articles_written.connect(
            write_archive_comments, dispatch_uid="comments-archive-comments"
        )
        # After contenttypes and auth have made this app's permissions (they run first).
        post_migrate.connect(roles.sync_roles, sender=self, dispatch_uid="comments-roles")
        # A browser holding this cookie is shown its own pending comments: never a shared page.
        register_personal_cookie(PENDING_COOKIE)
        register_article_part(AFTER_ARTICLE, "comments/article_comments.html")
