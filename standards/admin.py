"""The standards pages in the admin: editors change their title and text, never their address.

standards/urls.py serves the five pages at fixed addresses and the footer links them there, so
a page whose `url` changed would leave its footer link a 404 and itself unreachable. For the same
reason no page is added or deleted here: nothing serves other flatpages (no
FlatpageFallbackMiddleware), and a deleted one breaks its footer link. Sites, login and template
stay as migration 0001 set them.
"""

from django.contrib import admin
from django.contrib.flatpages.models import FlatPage

admin.site.unregister(FlatPage)


@admin.register(FlatPage)
class StandardsPageAdmin(admin.ModelAdmin):
    fields = ["url", "title", "content"]
    readonly_fields = ["url"]
    list_display = ["title", "url"]
    search_fields = ["title", "content"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
