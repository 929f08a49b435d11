"""The workflow's part of ArticleAdmin: roles, the steps as buttons, bulk actions, history, previews.

The status is never a form field: it changes only through the state machine (transitions.py),
whose steps appear as buttons on the change form for the roles allowed to take them. The admin
hides what a role may not do (policy.py); the services refuse it again on the server, so a forged
POST (a writer asking to publish, a bulk action name, someone else's article) ends in a form
error or 403 and changes nothing.
"""

from django.contrib import admin
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.urls import path, reverse
from reversion.admin import VersionAdmin
from reversion.models import Version

from articles.models import Article

from . import policy, presence, services
from .admin_forms import BodyField, form_with_step
from .admin_steps import StepsAdmin
from .admin_views import compare_revisions_view, presence_view, tag_suggestions_view
from .models import ArticleNote
from .previews import preview_link
from .transitions import State, start_as_draft, state_of


class WorkflowAdmin(StepsAdmin, VersionAdmin):
    """Put before the core's ArticleAdmin in the bases (workflow/admin.py)."""

    actions = ["submit_selected", "publish_selected", "unpublish_selected"]
    object_history_template = "admin/articles/article/object_history.html"
    change_list_template = "admin/articles/article/change_list.html"

    class Media:
        js = ["js/admin-char-count.js", "js/admin-tag-chips.js", "js/admin-article-form.js"]
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
            # The lead story is the front page's choice: an editor's, like publication.
            readonly += ["updated_at", "is_lead"]
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
        restoring = getattr(request, "_workflow_before_restore", None)
        return form_with_step(
            super().get_form(request, obj, change, **kwargs),
            user=request.user,
            edit_version=restoring["edit_version"] if restoring else None,
        )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "body":
            kwargs["form_class"] = BodyField
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "tags" and formfield is not None:
            # admin-tag-chips.js offers existing tags from this search-backed endpoint.
            formfield.widget.attrs["data-suggest-url"] = reverse(
                "admin:articles_article_tag_suggestions"
            )
        return formfield

    # --- Saving: content through the form, state through the steps -------------------------

    def save_model(self, request, obj, form, change):
        if not change:
            obj.author = request.user
            start_as_draft(obj)
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
                .values("status", "published_at", "updated_at", "edit_version")
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
                "<int:object_id>/presence/",
                view(presence_view(self)),
                name="articles_article_presence",
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
                presence_url=presence.enabled()
                and reverse("admin:articles_article_presence", args=[object_id]),
                presence_seconds=presence.heartbeat_seconds(),
                share_preview_url=request.build_absolute_uri(preview_link(int(object_id))),
            )
            article = self.get_object(request, object_id)
            if article is not None:
                extra_context["workflow"] = self._workflow_panel(request, article)
        return super().change_view(request, object_id, form_url, extra_context)
