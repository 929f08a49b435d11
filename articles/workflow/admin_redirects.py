from django.contrib import admin

from .models import ArticleRedirect


@admin.register(ArticleRedirect)
class ArticleRedirectAdmin(admin.ModelAdmin):
    """Old addresses are recorded by themselves; editors may look them up or remove one."""

    list_display = ["old_slug", "article", "created_at"]
    search_fields = ["old_slug", "article__headline", "article__slug"]
    list_select_related = ["article"]
    readonly_fields = ["old_slug", "article", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
