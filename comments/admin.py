"""The moderation queue, built for speed (WordPress's comment screen is the bar).

Each row shows the whole comment, its article and the comment it answers, the commenter's record
here (by e-mail and by address), why it was held, its status in words, and Approve / Reject /
Spam / Reply buttons that work as plain POSTs (moderation_views.py) and, with JavaScript, without
a reload. Bulk actions come in the order of the work, Delete last; approving spam suspects in bulk
asks first. Editors moderate too (their group has these permissions); moderators do nothing else.
"""

from typing import cast

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path

from articles.pagination import EditorsCountPaginator

from .admin_forms import CommentChangeForm
from .models import BlockedTerm, Comment, CommentQuerySet
from .moderation_views import decide_view, reply_view
from .services import moderate_comments, return_to_queue

SEARCH_WINDOW = 20_000
COUNT_CAP = 10_000  # counts per status stop here ("10,000+"): exact where a moderator needs it


def capped_count(queryset) -> str:
    """How many rows, read from the index up to COUNT_CAP + 1 rows: "37" or "10,000+"."""
    n = queryset.order_by().values("pk")[: COUNT_CAP + 1].count()
    return f"{COUNT_CAP:,}+" if n > COUNT_CAP else f"{n:,}"


class StatusFilter(admin.SimpleListFilter):
    """Defaults to the queue (pending), the page a moderator comes for; counts per status."""

    title = "status"
    parameter_name = "status__exact"

    def lookups(self, request, model_admin):
        # Capped counts: counting a million approved comments on every page view costs more
        # than the page (comment_queue_idx serves each).
        return [
            *(
                (value, f"{label} ({capped_count(Comment.objects.filter(status=value))})")
                for value, label in Comment.Status.choices
            ),
            ("all", "All"),
        ]

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


class SuspicionFilter(admin.SimpleListFilter):
    title = "spam suspicion"
    parameter_name = "suspect"

    def lookups(self, request, model_admin):
        return [("yes", "Spam suspects"), ("no", "Not suspected")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(is_spam_suspect=self.value() == "yes")
        return queryset


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    # Three columns, so the comment itself gets the width (beside the admin's two sidebars).
    list_display = ["comment", "status_in_words", "decisions"]
    list_display_links = None  # the row's buttons and links say where each click goes
    list_filter = [StatusFilter, SuspicionFilter, "created_at", "moderated_at"]
    list_select_related = ["article", "parent", "moderated_by"]
    search_fields = ["name", "email", "body", "article__headline", "=ip_address"]
    date_hierarchy = "created_at"
    # The order of the work; Django's "Delete selected" is moved to the end (get_actions).
    actions = ["approve", "reject", "mark_spam"]
    list_per_page = 50
    # At a million comments: no count of the whole table on every page (the status filter
    # says how many there are of each), the filtered count kept per content version, and
    # searches bounded (get_search_results).
    show_full_result_count = False
    ordering = ["created_at", "id"]  # oldest first: the one waiting longest is answered first
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
        "notify_on_approval",
        "created_at",
        "ip_address",
        "user_agent",
        "moderated_by",
        "moderated_at",
        "notified_at",
    ]
    form = CommentChangeForm
    fieldsets = [
        (None, {"fields": ["article_link", "in_reply_to", "name", "body", "status"]}),
        ("Spam checks", {"fields": ["is_spam_suspect", "spam_reasons"]}),
        ("Moderation", {"fields": ["moderated_by", "moderated_at", "notified_at"]}),
        (
            "Private (never published; IP and browser purged after the retention period)",
            {
                "fields": [
                    "email",
                    "notify_on_approval",
                    "ip_address",
                    "user_agent",
                    "created_at",
                    "depth",
                ]
            },
        ),
    ]

    class Media:
        js = ["js/admin-moderation.js"]
        css = {"all": ["css/admin-moderation.css"]}

    def get_fieldsets(self, request, obj=None):
        if obj is None or not obj.is_spam_suspect:
            return self.fieldsets
        # A suspect's form asks for the confirmation the row buttons ask for (admin_forms.py).
        first, *rest = self.fieldsets
        fields = [*first[1]["fields"], "confirm_approval"]
        return [(first[0], {**first[1], "fields": fields}), *rest]

    def get_queryset(self, request):
        queryset = cast(CommentQuerySet, super().get_queryset(request))
        return queryset.with_commenter_history()

    def get_actions(self, request):
        actions = super().get_actions(request)
        delete = actions.pop("delete_selected", None)
        if delete is not None:
            actions["delete_selected"] = delete  # last: the one that cannot be undone
        return actions

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/decide/", view(decide_view(self)), name="comments_comment_decide"
            ),
            path("<path:object_id>/reply/", view(reply_view(self)), name="comments_comment_reply"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        pending = capped_count(Comment.objects.pending())
        title = f"Moderation queue: {pending} comment{'s' if pending != '1' else ''} pending"
        return super().changelist_view(request, {"title": title, **(extra_context or {})})

    def get_search_results(self, request, queryset, search_term):
        """Django's search, over the newest SEARCH_WINDOW comments of the filtered list: a
        word inside the text cannot use an index, so the rows read are bounded instead."""
        if search_term.strip():
            # The window as a range of the date index (from its oldest comment on), which the
            # planner reads as such; an "id IN (newest ...)" was hashed against the whole table.
            edge = queryset.order_by("-created_at", "-id").values_list("created_at", flat=True)
            oldest = list(edge[SEARCH_WINDOW - 1 : SEARCH_WINDOW])
            if oldest:
                queryset = queryset.filter(created_at__gte=oldest[0])
        return super().get_search_results(request, queryset, search_term)

    def has_add_permission(self, request):
        return False  # comments come from readers

    # --- The row ----------------------------------------------------------------------------

    @admin.display(description="comment", ordering="created_at")
    def comment(self, comment, *, can_open_article=False):
        return render_to_string(
            "admin/comments/comment/queue_comment.html",
            {"comment": comment, "can_open_article": can_open_article},
        )

    def get_list_display(self, request):
        # The row's article link depends on who looks: Moderators hold no article permission,
        # and the article's admin page would answer them 403. The admin calls list_display
        # callables without the request, so a closure carries the answer to each row.
        can_open_article = request.user.has_perm("articles.view_article")

        @admin.display(description="comment", ordering="created_at")
        def comment(comment):
            return self.comment(comment, can_open_article=can_open_article)

        return [comment if name == "comment" else name for name in self.list_display]

    @admin.display(description="status and suspicion", ordering="status")
    def status_in_words(self, comment):
        return render_to_string("admin/comments/comment/queue_status.html", {"comment": comment})

    @admin.display(description="decide")
    def decisions(self, comment):
        # The buttons post the queue's own form (whose "next" field brings the moderator back
        # to this very page) to the comment's decision URL.
        return render_to_string("admin/comments/comment/queue_decisions.html", {"comment": comment})

    # --- The change form --------------------------------------------------------------------

    @admin.display(description="article", ordering="article__headline")
    def article_link(self, comment):
        return render_to_string("admin/comments/comment/article_link.html", {"comment": comment})

    @admin.display(description="in reply to")
    def in_reply_to(self, comment):
        return render_to_string("admin/comments/comment/in_reply_to.html", {"comment": comment})

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

    # --- Bulk actions -----------------------------------------------------------------------

    def _moderate(self, request, queryset, status, verb):
        selected = queryset.count()
        changed = moderate_comments(comments=queryset, status=status, moderator=request.user)
        message = f"{changed} comment(s) {verb}."
        if changed < selected:
            message += f" {selected - changed} already were."
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(description="Approve selected comments", permissions=["change"])
    def approve(self, request, queryset):
        suspects = queryset.filter(is_spam_suspect=True).exclude(status=Comment.Status.APPROVED)
        choice = request.POST.get("suspects")
        if choice == "skip":
            queryset = queryset.exclude(pk__in=suspects.values("pk"))
        elif choice != "include" and suspects.exists():
            # Ask first: approving puts text in front of every reader at once.
            context = {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": "Approve spam suspects?",
                "comments": list(suspects.select_related("article")),
                "selected": request.POST.getlist(ACTION_CHECKBOX_NAME),
                "select_across": request.POST.get("select_across", "0"),
                "others": queryset.count() - suspects.count(),
                "action_checkbox_name": ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(
                request, "admin/comments/comment/confirm_bulk_approval.html", context
            )
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
