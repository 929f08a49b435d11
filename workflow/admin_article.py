"""The workflow's part of ArticleAdmin: roles, the steps as buttons, bulk actions, history, previews.

The status is never a form field: it changes only through the state machine (transitions.py),
whose steps appear as buttons on the change form for the roles allowed to take them. The admin
hides what a role may not do (policy.py); the services refuse it again on the server, so a forged
POST (a writer asking to publish, a bulk action name, someone else's article) ends in a form
error or 403 and changes nothing.
"""

from datetime import timedelta

import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from reversion.admin import VersionAdmin
from reversion.models import Version

from articles.models import Article

from . import policy, services
from .admin_forms import BodyField, form_with_step, parse_local_time, requested_step
from .admin_views import compare_revisions_view, tag_suggestions_view
from .models import ArticleNote
from .previews import preview_link
from .transitions import TRANSITIONS, State, available, state_of


def _done_message(article, change):
    done = TRANSITIONS[change.action].done
    if change.action == "schedule":
        done += f" for {timezone.localtime(change.publish_at):%d %B %Y, %H:%M %Z}"
    return f"“{article}”: {done[0].lower()}{done[1:]}."


class WorkflowAdmin(VersionAdmin):
    """Put before the core's ArticleAdmin in the bases (workflow/admin.py)."""

    actions = ["submit_selected", "publish_selected", "unpublish_selected"]
    object_history_template = "admin/articles/article/object_history.html"
    change_list_template = "admin/articles/article/change_list.html"

    class Media:
        js = ["js/admin-char-count.js", "js/admin-tag-suggest.js"]
        css = {"all": ["css/admin-workflow.css"]}

    # --- What each role may see and do -------------------------------------------------------

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or policy.can_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or policy.can_delete(request.user, obj))

    def has_publish_permission(self, request):
        return policy.can_publish(request.user)

    def get_readonly_fields(self, request, obj=None):
        # The state and the publication time change only through the steps (the panel's buttons).
        readonly = [*super().get_readonly_fields(request, obj), "state_in_words", "published_at"]
        readonly.append("author")
        if not policy.can_publish(request.user):
            readonly.append("updated_at")
        return readonly

    def get_fieldsets(self, request, obj=None):
        return [
            (
                name,
                {
                    **options,
                    "fields": ["state_in_words" if f == "status" else f for f in options["fields"]],
                },
            )
            for name, options in super().get_fieldsets(request, obj)
        ]

    @admin.display(description="state")
    def state_in_words(self, article):
        if article.pk is None:
            return State.DRAFT.label
        return State(state_of(article)).label

    def get_form(self, request, obj=None, change=False, **kwargs):
        return form_with_step(super().get_form(request, obj, change, **kwargs), user=request.user)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "body":
            kwargs["form_class"] = BodyField
            formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "tags" and formfield is not None:
            # admin-tag-suggest.js offers existing tags from this search-backed endpoint.
            formfield.widget.attrs["data-suggest-url"] = reverse(
                "admin:articles_article_tag_suggestions"
            )
        return formfield

    # --- Saving: content through the form, state through the steps -------------------------

    def save_model(self, request, obj, form, change):
        if not change:
            obj.author = request.user
            obj.status = Article.Status.DRAFT
            obj.published_at = None
        restoring = getattr(request, "_workflow_before_restore", None)
        if restoring is not None:
            self._keep_state_on_restore(obj, restoring)
        super().save_model(request, obj, form, change)
        if getattr(form, "step", None):
            name, note, at = form.step
            request._workflow_step = services.take_transition(
                name, article=obj, by=request.user, note=note, at=at
            )

    def _keep_state_on_restore(self, article, before):
        """Restoring brings back an older text, never an older state: the status, publication
        time and "Updated" stamp stay as they are, and the stamp is never older than the latest
        correction or update readers see at the foot of the article."""
        article.status = before["status"]
        article.published_at = before["published_at"]
        latest_note = article.notes.aggregate(at=Max("created_at"))["at"]
        stamps = [t for t in (before["updated_at"], article.updated_at) if t]
        if latest_note and article.published_at and latest_note >= article.published_at:
            stamps.append(latest_note)
        article.updated_at = max(stamps) if stamps else None

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

    def save_formset(self, request, form, formset, change):
        if formset.model is not ArticleNote:
            return super().save_formset(request, form, formset, change)
        notes = formset.save(commit=False)
        for note in formset.deleted_objects:
            note.delete()
        for note in notes:
            if note._state.adding:
                services.add_note(
                    article=form.instance,
                    kind=note.kind,
                    text=note.text,
                    by=request.user,
                    at=note.created_at,
                )
            else:
                note.save()

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

    # --- Revisions: editors see history, compare and restore ---------------------------------

    def _require_history(self, request):
        if not policy.can_see_history(request.user):
            raise PermissionDenied

    def history_view(self, request, object_id, extra_context=None):
        self._require_history(request)
        # Reversion's list, plus each version's id for the comparison form.
        versions = Version.objects.get_for_object_reference(Article, object_id).select_related(
            "revision__user"
        )
        action_list = [
            {
                "revision": version.revision,
                "version_id": version.pk,
                "url": reverse(
                    "admin:articles_article_revision", args=[quote(version.object_id), version.pk]
                ),
            }
            for version in versions.order_by("pk")
        ]
        return super().history_view(
            request, object_id, {**(extra_context or {}), "action_list": action_list}
        )

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Reversion writes the old revision (its status included) before the form runs: keep
        # the state as it is now, to put it back when the restored text is saved (save_model).
        if not policy.can_restore(request.user):
            raise PermissionDenied
        if str(object_id).isdigit():
            request._workflow_before_restore = (
                Article.objects.filter(pk=object_id)
                .values("status", "published_at", "updated_at")
                .first()
            )
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not policy.can_restore(request.user):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        self._require_history(request)
        return super().recoverlist_view(request, extra_context)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:object_id>/history/compare/",
                view(compare_revisions_view(self)),
                name="articles_article_compare",
            ),
            path(
                "<int:object_id>/transition/",
                view(self.transition_view),
                name="articles_article_transition",
            ),
            path(
                "tag-suggestions/",
                view(tag_suggestions_view(self)),
                name="articles_article_tag_suggestions",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_see_history": policy.can_see_history(request.user),
        }
        return super().changelist_view(request, extra_context)

    # --- Previews from the change form -------------------------------------------------------

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        if str(object_id).isdigit():
            extra_context.update(
                can_see_history=policy.can_see_history(request.user),
                preview_url=reverse("workflow:preview", args=[object_id]),
                share_preview_url=request.build_absolute_uri(preview_link(int(object_id))),
            )
            article = self.get_object(request, object_id)
            if article is not None:
                extra_context["workflow"] = self._workflow_panel(request, article)
        return super().change_view(request, object_id, form_url, extra_context)

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
