from django.apps import AppConfig


class WordpressImportConfig(AppConfig):
    """Moving in from WordPress: `manage.py import_wordpress`, and the old addresses it keeps."""

    name = "wordpress_import"
    verbose_name = "WordPress import"
