"""The moderation queue: pending comments first, bulk approve / reject / spam, who and when."""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.timezone import localtime

from articles.pagination import EditorsCountPaginator

from .models import BlockedTerm, Comment
from .services import moderate_comments, return_to_queue

SEARCH_WINDOW = 20_000


class StatusFilter(admin.SimpleListFilter):
    """Defaults to the queue (pending), the page a moderator comes for."""

    title = "status"
    parameter_name = "status__exact"

    def lookups(self, request, model_admin):
        return [*Comment.Status.choices, ("all", "All")]

    def choices(self, changelist):
        value = self.value() or Comment.Status.PENDING
        for lookup, title in self.lookup_choices:
            yield {
                "selected": value == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value() or Comment.Status.PENDING
        return queryset if value == "all" else queryset.filter(status=value)


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = [
        "excerpt",
        "name",
        "article_link",
        "in_reply_to",
        "status",
        "is_spam_suspect",
        "created_at",
        "moderation",
    ]
    list_filter = [StatusFilter, "is_spam_suspect", "created_at", "moderated_at"]
    list_select_related = ["article", "parent", "moderated_by"]
    search_fields = ["name", "email", "body", "article__headline", "=ip_address"]
    date_hierarchy = "created_at"
    actions = ["approve", "reject", "mark_spam"]
    list_per_page = 50
    # At a million comments: no count of the whole table on every page, the filtered count
    # kept per content version, and searches bounded (get_search_results).
    show_full_result_count = False
    paginator = EditorsCountPaginator
    search_help_text = (
        f"Searches the {SEARCH_WINDOW:,} most recent comments shown by the filters "
        "(name, email, text, article headline, or =IP address)."
    )
    readonly_fields = [
        "article_link",
        "in_reply_to",
        "name",
        "email",
        "body",
        "depth",
        "is_spam_suspect",
        "spam_reasons",
        "created_at",
        "ip_address",
        "user_agent",
        "moderated_by",
        "moderated_at",
        "notified_at",
    ]
    fieldsets = [
        (None, {"fields": ["article_link", "in_reply_to", "name", "body", "status"]}),
        ("Spam checks", {"fields": ["is_spam_suspect", "spam_reasons"]}),
        ("Moderation", {"fields": ["moderated_by", "moderated_at", "notified_at"]}),
        (
            "Private (never published; IP and browser purged after the retention period)",
            {"fields": ["email", "ip_address", "user_agent", "created_at", "depth"]},
        ),
    ]

    def changelist_view(self, request, extra_context=None):
        pending = Comment.objects.pending().count()
        title = f"Moderation queue: {pending} comment{'s' if pending != 1 else ''} pending"
        return super().changelist_view(request, {"title": title, **(extra_context or {})})

    def get_search_results(self, request, queryset, search_term):
        """Django's search, over the newest SEARCH_WINDOW comments of the filtered list: a
        word inside the text cannot use an index, so the rows read are bounded instead."""
        if search_term.strip():
            newest = queryset.order_by("-created_at", "-id").values("pk")[:SEARCH_WINDOW]
            queryset = queryset.filter(pk__in=newest)
        return super().get_search_results(request, queryset, search_term)

    def has_add_permission(self, request):
        return False  # comments come from readers

    @admin.display(description="comment")
    def excerpt(self, comment):
        return Truncator(" ".join(comment.body.split())).chars(80)

    @admin.display(description="moderated", ordering="moderated_at")
    def moderation(self, comment):
        if comment.moderated_at is None:
            return "—"
        when = date_format(localtime(comment.moderated_at), "j M Y, H:i")
        return f"{comment.moderated_by or 'someone'}, {when}"

    @admin.display(description="article", ordering="article__headline")
    def article_link(self, comment):
        return format_html(
            '<a href="{}">{}</a>', comment.article.get_absolute_url(), comment.article.headline
        )

    @admin.display(description="in reply to")
    def in_reply_to(self, comment):
        if comment.parent is None:
            return "—"
        url = reverse("admin:comments_comment_change", args=[comment.parent_id])
        excerpt = Truncator(" ".join(comment.parent.body.split())).chars(60)
        return format_html('<a href="{}">{}: {}</a>', url, comment.parent.name, excerpt)

    def save_model(self, request, obj, form, change):
        # Status changes go through the service, so who and when are recorded, and only once.
        if "status" in form.changed_data and obj.status != Comment.Status.PENDING:
            moderate_comments(
                comments=Comment.objects.filter(pk=obj.pk),
                status=obj.status,
                moderator=request.user,
            )
            obj.refresh_from_db()
        elif "status" in form.changed_data:
            return_to_queue(comment=obj)

    def _moderate(self, request, queryset, status, verb):
        selected = queryset.count()
        changed = moderate_comments(comments=queryset, status=status, moderator=request.user)
        message = f"{changed} comment(s) {verb}."
        if changed < selected:
            message += f" {selected - changed} already were."
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(description="Approve selected comments", permissions=["change"])
    def approve(self, request, queryset):
        self._moderate(request, queryset, Comment.Status.APPROVED, "approved")

    @admin.action(description="Reject selected comments", permissions=["change"])
    def reject(self, request, queryset):
        self._moderate(request, queryset, Comment.Status.REJECTED, "rejected")

    @admin.action(description="Mark selected comments as spam", permissions=["change"])
    def mark_spam(self, request, queryset):
        self._moderate(request, queryset, Comment.Status.SPAM, "marked as spam")


@admin.register(BlockedTerm)
class BlockedTermAdmin(admin.ModelAdmin):
    list_display = ["value", "kind", "note", "created_at"]
    list_filter = ["kind"]
    search_fields = ["value", "note"]
