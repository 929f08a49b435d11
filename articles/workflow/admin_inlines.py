from django.contrib import admin

from .models import ArticleNote


class ArticleNoteInline(admin.StackedInline):
    """Corrections and updates; editors only (Writers have just the view permission)."""

    model = ArticleNote
    extra = 0
    fields = ["kind", "created_at", "text"]
    verbose_name = "correction or update"
    verbose_name_plural = "Corrections and updates (shown at the foot of the article)"
