"""The workflow's steps in the article admin: the change form's buttons (saved with the form,
or posted from a read-only one), the messages and where each user lands after a step, and the bulk
actions. The steps themselves are the table in transitions.py, taken by services.take_transition.
"""

from datetime import timedelta

import reversion
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone

from articles.models import Article

from . import services
from .admin_forms import parse_local_time, requested_step
from .transitions import TRANSITIONS, State, available, state_of


def _done_message(article, change):
    done = TRANSITIONS[change.action].done
    if change.action == "schedule":
        done += f" for {timezone.localtime(change.publish_at):%d %B %Y, %H:%M %Z}"
    return f"“{article}”: {done[0].lower()}{done[1:]}."


class StepsAdmin(admin.ModelAdmin):
    """Put before reversion's VersionAdmin in the bases (admin_article.py)."""

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        step = getattr(request, "_workflow_step", None)
        if step is not None and reversion.is_active():
            # The revision says both: the step, and what the save changed.
            changed = entry.get_change_message()
            done = _done_message(obj, step)
            reversion.set_comment(done if changed == "No fields changed." else f"{done} {changed}")
        return entry

    def response_change(self, request, obj):
        if getattr(request, "_workflow_before_restore", None) is not None:
            state = State(state_of(obj)).label.lower()
            self.message_user(
                request,
                f"“{obj}”: the older text is restored; the article stays {state}.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[obj.pk]))
        step = getattr(request, "_workflow_step", None)
        if step is None:
            return super().response_change(request, obj)
        self.message_user(request, _done_message(obj, step), messages.SUCCESS)
        return self._after_step(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        step = getattr(request, "_workflow_step", None)
        if step is None:
            return super().response_add(request, obj, post_url_continue)
        self.message_user(request, _done_message(obj, step), messages.SUCCESS)
        return self._after_step(request, obj)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        step = getattr(request, "_workflow_step", None)
        if step is not None and reversion.is_active():
            reversion.set_comment(f"Added. {_done_message(obj, step)}")
        return entry

    def add_view(self, request, form_url="", extra_context=None):
        # A new article is a draft of its creator: the same buttons save it and take the step.
        draft = Article(author=request.user, status=Article.Status.DRAFT)
        extra_context = {**(extra_context or {}), "workflow": self._workflow_panel(request, draft)}
        return super().add_view(request, form_url, extra_context)

    def _after_step(self, request, article):
        # Back to the form if this user may still edit it; else to their desk (the dashboard),
        # never to a form that says "you may edit it again" when they no longer can.
        if self.has_change_permission(request, article):
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))
        return HttpResponseRedirect(reverse("admin:index"))

    def transition_view(self, request, object_id):
        """A step from a read-only form (a writer withdrawing an article in review)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self.get_object(request, object_id)
        if article is None or not self.has_view_permission(request, article):
            raise PermissionDenied
        asked = requested_step(request.POST)
        if asked is None:
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))
        name, note, raw_time = asked
        try:
            at = parse_local_time(raw_time) if name == "schedule" else None
            step = services.take_transition(
                name, article=article, by=request.user, note=note, at=at
            )
        except ValidationError as refused:
            self.message_user(request, " ".join(refused.messages), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))
        self.message_user(request, _done_message(article, step), messages.SUCCESS)
        return self._after_step(request, article)

    def _workflow_panel(self, request, article):
        transitions = available(request.user, article)
        soon = timezone.localtime() + timedelta(hours=1)
        state = state_of(article)
        return {
            "state": state,
            "state_label": State(state).label,
            "transitions": transitions,
            "needs_note": any(t.needs_note for t in transitions),
            "needs_time": any(t.needs_time for t in transitions),
            # With the form's own Save, edits are saved with the step; on a read-only form the
            # buttons post to the transition URL instead.
            "saves_form": article.pk is None or self.has_change_permission(request, article),
            "transition_url": article.pk
            and reverse("admin:articles_article_transition", args=[article.pk]),
            "timeline": list(article.status_changes.select_related("by")) if article.pk else [],
            # What was typed comes back after a form error; else the next full hour.
            "note": request.POST.get("_transition_note", ""),
            "schedule_at": request.POST.get("_schedule_at")
            or soon.replace(minute=0).strftime("%Y-%m-%dT%H:%M"),
            "time_zone": timezone.get_current_timezone_name(),
        }

    # --- Bulk actions: editors only (Django drops actions whose permission is missing) -------

    def _bulk_step(self, request, queryset, name, verb):
        """The step on each selected article that allows it; the rest are counted, not touched."""
        done = skipped = 0
        for article in queryset:
            if TRANSITIONS[name] not in available(request.user, article):
                skipped += 1
                continue
            services.take_transition(name, article=article, by=request.user)
            done += 1
        message = f"{verb} {done} article(s)."
        if skipped:
            message += f" {skipped} could not be: not in a state that allows it, or not yours."
        self.message_user(request, message, messages.SUCCESS if done else messages.WARNING)

    @admin.action(description="Submit selected drafts for review", permissions=["change"])
    def submit_selected(self, request, queryset):
        self._bulk_step(request, queryset, "submit", "Submitted")

    @admin.action(description="Publish selected articles now", permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._bulk_step(request, queryset, "publish", "Published")

    @admin.action(description="Unpublish selected articles", permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self._bulk_step(request, queryset, "unpublish", "Unpublished")
