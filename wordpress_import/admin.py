from django.contrib import admin

from .models import LegacyAddress


@admin.register(LegacyAddress)
class LegacyAddressAdmin(admin.ModelAdmin):
    """The old site's addresses: editors may look them up and delete one, not invent them."""

    list_display = ["old_address", "article", "category", "tag", "feed"]
    search_fields = ["old_address", "article__headline"]
    list_select_related = ["article", "category", "tag"]
    readonly_fields = ["old_address", "article", "category", "tag", "feed", "created_at"]

    def has_add_permission(self, request):
        return False
