"""The workflow's admin: the article admin with roles, states, revisions and corrections, and
the list of old addresses.

The core registers a plain ArticleAdmin; this app, which depends on the core, replaces it with
a subclass, so the arrow points from workflow to articles only.
"""

from django.contrib import admin

from articles.admin import ArticleAdmin
from articles.models import Article

from .admin_article import WorkflowAdmin
from .admin_filters import LastStepFilter
from .admin_inlines import ArticleNoteInline
from .models import ArticleRedirect

admin.site.unregister(Article)


# The stubs see reversion's VersionAdmin (ModelAdmin of any model) and ArticleAdmin (of Article)
# as declaring `actions` and the templates differently; at run time they are one ModelAdmin.
@admin.register(Article)
class WorkflowArticleAdmin(WorkflowAdmin, ArticleAdmin):  # type: ignore[misc]
    inlines = [*ArticleAdmin.inlines, ArticleNoteInline]
    list_filter = [*ArticleAdmin.list_filter, LastStepFilter]


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
