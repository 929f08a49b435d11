from django.contrib import admin

from articles.xml_text import EditorTextForm

from . import policy
from .models import ArticleNote


class ArticleNoteInline(admin.StackedInline):
    """Corrections and updates; editors only (Writers have just the view permission)."""

    model = ArticleNote
    form = EditorTextForm
    extra = 0
    fields = ["kind", "created_at", "text"]
    verbose_name = "correction or update"
    verbose_name_plural = "Corrections and updates (shown at the foot of the article)"

    def has_add_permission(self, request, obj=None):
        # The rule services.add_note enforces, so the form never offers what the save refuses.
        return super().has_add_permission(request, obj) and policy.can_edit_any(request.user)

    def has_view_permission(self, request, obj=None):
        # Writers see the section only when there is something to read in it.
        allowed = super().has_view_permission(request, obj)
        if allowed and obj is not None and not policy.can_edit_any(request.user):
            return obj.notes.exists()
        return allowed
