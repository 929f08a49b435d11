from django.contrib import admin


class StateListFilter(admin.SimpleListFilter):
    """Draft, in review, scheduled (published, time to come) or live: what an editor asks."""

    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", "Draft"),
            ("review", "In review"),
            ("scheduled", "Scheduled"),
            ("live", "Published (live)"),
        ]

    def queryset(self, request, queryset):
        status = queryset.model.Status
        match self.value():
            case "draft":
                return queryset.filter(status=status.DRAFT)
            case "review":
                return queryset.filter(status=status.IN_REVIEW)
            case "scheduled":
                return queryset.scheduled()
            case "live":
                return queryset.published()
        return queryset
