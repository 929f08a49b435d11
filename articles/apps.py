from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Newsroom"

    def ready(self):
        from django.core.signals import setting_changed
        from django.db.models.signals import pre_save
        from django.urls import register_converter
        from taggit.models import Tag

        from . import invalidation, signals
        from .addresses import forget_on_urlconf_change
        from .slugs import UnicodeSlugConverter, tag_slug_by_policy

        signals.connect()
        invalidation.connect()
        register_converter(UnicodeSlugConverter, "uslug")
        setting_changed.connect(forget_on_urlconf_change, dispatch_uid="articles-address-patterns")
        pre_save.connect(tag_slug_by_policy, sender=Tag, dispatch_uid="newsdesk-tag-slug-policy")
