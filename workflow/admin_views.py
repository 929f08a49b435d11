"""Admin pages the workflow adds: comparing two revisions, and tag suggestions for the tag field."""

from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Value, When
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_POST
from reversion.models import Version
from taggit.models import Tag

from articles.models import Article, Category, RelatedLink, Source, TaggedArticle
from articles.search import clean_query

from . import policy, presence
from .textdiff import Run, html_to_text, word_diff

# Fields not worth showing in a comparison (derived or internal; edit_version is kept in
# revisions for workflow/collisions.py, which finds the revision a stale form was opened at).
SKIPPED_FIELDS = {"id", "modified_at", "created_at", "edit_version"}


def _related_summary(version):
    """Tags and related articles stored with a revision, as readable lists."""
    versions = version.revision.version_set.all()
    by_model: dict[int, list[dict]] = {}
    for other in versions:
        by_model.setdefault(other.content_type_id, []).append(other.field_dict)
    tagged = by_model.get(ContentType.objects.get_for_model(TaggedArticle).pk, [])
    links = by_model.get(ContentType.objects.get_for_model(RelatedLink).pk, [])
    tag_names = Tag.objects.filter(pk__in=[d["tag_id"] for d in tagged]).values_list(
        "name", flat=True
    )
    headlines = dict(
        Article.objects.filter(pk__in=[d["to_article_id"] for d in links]).values_list(
            "pk", "headline"
        )
    )
    ordered_links = sorted(links, key=lambda d: d["position"])
    return {
        "tags": ", ".join(sorted(tag_names)),
        "related articles": "\n".join(
            headlines.get(d["to_article_id"], "?") for d in ordered_links
        ),
    }


def _as_text(value):
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{timezone.localtime(value):%Y-%m-%d %H:%M:%S %Z}"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def _readable(values):
    """Foreign keys and categories by name rather than by id, choices by their label."""
    values = dict(values)
    if values.get("categories"):
        names = Category.objects.filter(pk__in=values["categories"]).values_list("name", flat=True)
        values["categories"] = ", ".join(sorted(names))
    if values.get("source_id"):
        values["source_id"] = Source.objects.filter(pk=values["source_id"]).first()
    values.pop("author_id", None)
    for field in Article._meta.concrete_fields:
        if field.choices and field.attname in values:
            values[field.attname] = dict(field.flatchoices).get(values[field.attname])
    return values


# Fields whose text is compared as readers read it: the body's HTML becomes its text first.
HTML_FIELDS = {"body"}
# Unchanged stretches longer than this are cut to their ends, so the changes fit the screen.
CONTEXT_CHARS = 160


def _trimmed(runs):
    out = []
    for index, run in enumerate(runs):
        if run.kind == "same" and len(run.text) > 2 * CONTEXT_CHARS + 20:
            head = "" if index == 0 else run.text[:CONTEXT_CHARS]
            tail = "" if index == len(runs) - 1 else run.text[-CONTEXT_CHARS:]
            out.append(Run("same", head))
            out.append(
                Run(
                    "skipped", f"[… {len(run.text) - len(head) - len(tail)} characters unchanged …]"
                )
            )
            out.append(Run("same", tail))
        else:
            out.append(run)
    return [run for run in out if run.text]


def compare_versions(old, new):
    """Field by field: the fields that differ, each with its word-level changes."""
    rows = []
    labels = {
        f.name: f.verbose_name for f in Article._meta.get_fields() if hasattr(f, "verbose_name")
    }
    old_values = _readable({**old.field_dict, **_related_summary(old)})
    new_values = _readable({**new.field_dict, **_related_summary(new)})
    for name in new_values:
        if name in SKIPPED_FIELDS:
            continue
        before, after = _as_text(old_values.get(name)), _as_text(new_values.get(name))
        if before == after:
            continue
        note = ""
        if name in HTML_FIELDS:
            text_before, text_after = html_to_text(before), html_to_text(after)
            if text_before == text_after:
                # Same words, other markup (a link, emphasis): show the markup's changes.
                note = "The text reads the same; its formatting or links changed."
            else:
                before, after = text_before, text_after
        rows.append(
            {
                "name": str(labels.get(name, name)),
                "note": note,
                "runs": _trimmed(word_diff(before, after)),
            }
        )
    return rows


def compare_revisions_view(model_admin):
    def view(request, object_id):
        if not policy.can_see_history(request.user):
            raise PermissionDenied
        article = get_object_or_404(Article, pk=object_id)
        versions = Version.objects.get_for_object(article).select_related("revision__user")
        try:
            old = versions.get(pk=int(request.GET.get("a", "")))
            new = versions.get(pk=int(request.GET.get("b", "")))
        except (ValueError, Version.DoesNotExist) as missing:
            raise Http404("Choose two revisions of this article to compare.") from missing
        if old.revision.date_created > new.revision.date_created:
            old, new = new, old
        context = {
            **model_admin.admin_site.each_context(request),
            "opts": Article._meta,
            "original": article,
            "title": f"Compare revisions of “{article}”",
            "old": old,
            "new": new,
            "rows": compare_versions(old, new),
        }
        return TemplateResponse(request, "admin/articles/article/compare_revisions.html", context)

    return view


def presence_view(model_admin):
    """POST: "I have this article open" (or, with leaving=1, "no longer"); answers who else has."""

    @require_POST
    def view(request, object_id):
        article = model_admin.get_object(request, str(object_id))
        if article is None or not model_admin.has_view_or_change_permission(request, article):
            raise PermissionDenied
        if request.POST.get("leaving"):
            presence.gone(article_id=article.pk, user=request.user)
            return JsonResponse({"others": []})
        return JsonResponse({"others": presence.here(article_id=article.pk, user=request.user)})

    return view


def tag_suggestions_view(model_admin):
    def view(request):
        if not model_admin.has_view_or_change_permission(request):
            raise PermissionDenied
        # Cleaned as search terms are: PostgreSQL refuses NUL and other control characters.
        term = clean_query(request.GET.get("q", ""))[:100]
        # Tags that start with what was typed first, then those that contain it.
        starts = Case(When(name__istartswith=term, then=Value(0)), default=Value(1))
        names = (
            list(
                Tag.objects.filter(name__icontains=term)
                .order_by(starts, "name")
                .values_list("name", flat=True)[:10]
            )
            if term
            else []
        )
        return JsonResponse({"results": names})

    return view
