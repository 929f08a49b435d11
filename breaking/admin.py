from datetime import timedelta

from django.contrib import admin
from django.utils import timezone

from .models import BreakingNews


@admin.register(BreakingNews)
class BreakingNewsAdmin(admin.ModelAdmin):
    list_display = ["text", "starts_at", "expires_at", "live", "created_by"]
    fields = ["text", "link", "starts_at", "expires_at"]
    date_hierarchy = "starts_at"

    @admin.display(boolean=True, description="Live now")
    def live(self, banner):
        return banner.is_live()

    def get_changeform_initial_data(self, request):
        # Most banners are short-lived: two hours unless the editor says otherwise.
        now = timezone.now().replace(second=0, microsecond=0)
        return {"starts_at": now, "expires_at": now + timedelta(hours=2)}

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
