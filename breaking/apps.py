from django.apps import AppConfig


class BreakingConfig(AppConfig):
    """The breaking-news banner editors set, shown on every reader page until it expires."""

    name = "breaking"
    verbose_name = "Breaking news"

    def ready(self):
        from django.db.models.signals import post_migrate

        from articles import cache_tags, page_parts
        from articles.pagecache import register_time_limit

        from . import banner, roles

        banner.connect()
        register_time_limit(cache_tags.BANNER, banner.seconds_until_change)
        page_parts.register_article_part(page_parts.PAGE_TOP, "breaking/banner_part.html")
        post_migrate.connect(roles.sync_roles, sender=self, dispatch_uid="breaking-roles")
