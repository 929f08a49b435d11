from django.apps import AppConfig


class ReadershipConfig(AppConfig):
    """Most read: anonymous read counts per article and hour. No cookie, no IP address, nothing
    about the reader is stored; article pages stay the same for everyone (and cacheable)."""

    name = "readership"
    verbose_name = "Readership"

    def ready(self):
        from articles import page_parts
        from articles.seeding import seeds_loaded

        from .seeding import load_seed_reads

        seeds_loaded.connect(load_seed_reads, dispatch_uid="readership-seed-reads")
        page_parts.register_article_part(page_parts.HOME_ASIDE, "readership/most_read_part.html")
        page_parts.register_article_part(page_parts.ARTICLE_ASIDE, "readership/most_read_part.html")
        # Outside the article's cached fragment, and only for a published article.
        page_parts.register_article_part(page_parts.AFTER_ARTICLE, "readership/beacon_part.html")
