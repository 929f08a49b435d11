from django.contrib import admin
from django.utils import timezone

from ..models import Article


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
        now = timezone.now()
        match self.value():
            case "draft":
                return queryset.filter(status=Article.Status.DRAFT)
            case "review":
                return queryset.filter(status=Article.Status.IN_REVIEW)
            case "scheduled":
                return queryset.filter(status=Article.Status.PUBLISHED, published_at__gt=now)
            case "live":
                return queryset.published(at=now)
        return queryset
