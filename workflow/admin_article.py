"""The workflow's part of ArticleAdmin: roles, state transitions, bulk actions, history, previews.

The admin hides what a role may not do (policy.py); the services refuse it again on the server,
so a forged POST (a writer sending status=published, a bulk action name, someone else's article)
ends in a validation error or 403 and changes nothing.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from reversion.admin import VersionAdmin
from reversion.models import Version

from articles.models import Article

from . import policy, services
from .admin_views import compare_revisions_view, tag_suggestions_view
from .models import ArticleNote
from .previews import preview_link


class WorkflowAdmin(VersionAdmin):
    """Put before the core's ArticleAdmin in the bases (workflow/admin.py)."""

    actions = ["publish_selected", "unpublish_selected"]
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
        return allowed and (obj is None or policy.can_edit(request.user, obj))

    def has_publish_permission(self, request):
        return policy.can_publish(request.user)

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), "author"]
        if not policy.can_publish(request.user):
            readonly += ["published_at", "updated_at"]
        return readonly

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "tags" and formfield is not None:
            # admin-tag-suggest.js offers existing tags from this search-backed endpoint.
            formfield.widget.attrs["data-suggest-url"] = reverse(
                "admin:articles_article_tag_suggestions"
            )
        return formfield

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not policy.can_publish(request.user):
            # Writers choose between keeping a draft and sending it to the editors.
            kwargs["choices"] = [
                (Article.Status.DRAFT, Article.Status.DRAFT.label),
                (Article.Status.IN_REVIEW, Article.Status.IN_REVIEW.label),
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    # --- Saving: content through the form, state through the services ------------------------

    def save_model(self, request, obj, form, change):
        wanted_status, wanted_at = obj.status, obj.published_at
        if change:
            saved = Article.objects.only("status", "published_at").get(pk=obj.pk)
            obj.status = saved.status
            if Article.Status.PUBLISHED in (wanted_status, saved.status):
                obj.published_at = saved.published_at
        else:
            obj.author = request.user
            obj.status = Article.Status.DRAFT
            if wanted_status == Article.Status.PUBLISHED:
                obj.published_at = None
        super().save_model(request, obj, form, change)
        services.change_status(article=obj, by=request.user, status=wanted_status, at=wanted_at)

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

    @admin.action(description="Publish selected articles now", permissions=["publish"])
    def publish_selected(self, request, queryset):
        for article in queryset:
            services.publish_article(article=article, by=request.user)
        self.message_user(request, f"Published {len(queryset)} article(s).", messages.SUCCESS)

    @admin.action(description="Unpublish selected articles", permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        done = 0
        for article in queryset.filter(status=Article.Status.PUBLISHED):
            services.unpublish_article(article=article, by=request.user)
            done += 1
        self.message_user(request, f"Unpublished {done} article(s).", messages.SUCCESS)

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
        # Reversion writes the old revision (state included) before the form runs, so the
        # state transition cannot be checked by the services here: only full editors restore.
        if not policy.can_restore(request.user):
            raise PermissionDenied
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
        return super().change_view(request, object_id, form_url, extra_context)
