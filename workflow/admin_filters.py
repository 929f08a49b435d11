from django.contrib import admin

from .dashboard import with_last_change
from .transitions import TRANSITIONS


class LastStepFilter(admin.SimpleListFilter):
    """Articles by the last workflow step taken on them, e.g. the drafts returned to writers."""

    title = "last workflow step"
    parameter_name = "last_step"

    def lookups(self, request, model_admin):
        return [(t.name, t.done) for t in TRANSITIONS.values()]

    def queryset(self, request, queryset):
        if self.value() in TRANSITIONS:
            return with_last_change(queryset).filter(last_action=self.value())
        return queryset
