"""Two people editing one article: the later save from an older form is refused, never a silent
overwrite, and nothing either of them wrote is lost.

The change form carries the article's `edit_version` as it was when the form opened. On save,
the row is read again under a lock (`select_for_update`, inside the admin's transaction; SQLite
writes are serialised anyway): if someone saved in between, the form is refused with what they
changed, field by field, with who and when (from the revisions). Their change to a field this
person did not touch is taken into the form; a field both changed keeps this person's text and
shows theirs beside it. The form then carries the new version, so saving again (having looked)
goes through.
"""

import hashlib
import json
from datetime import datetime

from django import forms
from django.utils import timezone
from reversion.models import Version
from taggit.models import Tag

from articles.admin_tags import tag_names
from articles.models import Article, Category
from articles.rich_text import body_tokens
from articles.sanitize import sanitize_body_html

from .textdiff import html_to_text, word_diff

# Fields a person edits in the form, compared between versions.
MERGED_FIELDS = [
    "headline", "slug", "standfirst", "body", "author_profile", "byline", "source",
    "categories", "primary_category", "tags", "comments_open", "is_lead", "lead_image",
    "updated_at",
]  # fmt: skip
EXCERPT_WORDS = 12


def _normalized(name, value):
    if name == "body":
        return repr(body_tokens(sanitize_body_html(value or "")))
    if isinstance(value, datetime):
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, list | tuple):
        return repr(sorted(str(v) for v in value))
    return "" if value is None else str(value)


def fingerprint(name, value) -> str:
    """A short digest of a field's value, as readers would see it (the body's markup order and
    line breaks aside): the form carries these for the values it opened with."""
    return hashlib.sha256(_normalized(name, value).encode()).hexdigest()[:16]


def opened_state(article) -> str:
    """What the change form carries (hidden) about the article it was opened with."""
    values = _current_values(article)
    return json.dumps({name: fingerprint(name, value) for name, value in values.items()})


def opened_state_of(form) -> dict:
    try:
        state = json.loads(form.cleaned_data.get("opened_state") or "{}")
    except ValueError:
        return {}
    return state if isinstance(state, dict) else {}


def _revision_values(version):
    """A revision's values by form field name (tags from the revision's tagged items)."""
    data = version.field_dict
    values = {}
    for name in MERGED_FIELDS:
        if name == "tags":
            tag_ids = [
                v.field_dict["tag_id"]
                for v in version.revision.version_set.select_related("content_type")
                if v.content_type.model == "taggedarticle"
            ]
            values[name] = sorted(Tag.objects.filter(pk__in=tag_ids).values_list("name", flat=True))
            continue
        field = Article._meta.get_field(name)
        key = name if field.many_to_many else getattr(field, "attname", name)
        if key in data:
            values[name] = data[key]
    return values


def _current_values(article):
    values = {}
    for name in MERGED_FIELDS:
        field = Article._meta.get_field(name)
        if name == "tags":
            values[name] = sorted(tag.name for tag in article.tags.all())
        elif field.many_to_many:
            values[name] = sorted(article.categories.values_list("pk", flat=True))
        else:
            values[name] = getattr(article, getattr(field, "attname", name))
    return values


def _same(name, first, second):
    return _normalized(name, first) == _normalized(name, second)


def _submitted(form, name):
    field = form.fields[name]
    raw = field.widget.value_from_datadict(form.data, form.files, form.add_prefix(name))
    if name == "tags":
        return sorted(tag_names(raw or ""))
    if name == "body":
        return field.to_python(raw) or ""
    if isinstance(field, forms.SplitDateTimeField | forms.CharField) and name != "slug":
        try:
            return field.clean(raw)
        except forms.ValidationError:
            return raw
    if isinstance(raw, list | tuple):
        return sorted(str(v) for v in raw)
    if isinstance(field, forms.BooleanField):
        return field.to_python(raw)
    return raw if raw is not None else ""


def _put(data, key, value):
    """`value` into the POST data `data` as the field's widget sends it."""
    if isinstance(value, datetime):
        local = timezone.localtime(value)
        data[f"{key}_0"], data[f"{key}_1"] = f"{local:%Y-%m-%d}", f"{local:%H:%M:%S}"
    elif isinstance(value, list):
        data.setlist(key, value)
    elif value is None:
        data.pop(key, None)
    else:
        data[key] = value


def _as_post_value(name, value):
    if isinstance(value, datetime):
        return value
    if name == "updated_at" and value is None:
        return ""
    if name == "tags":
        return json.dumps(value)  # as the chips send them (articles/admin_tags.py)
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    if isinstance(value, bool):
        return "on" if value else None
    return "" if value is None else str(value)


def _readable(name, value):
    if name == "body":
        words = html_to_text(value or "").split()
        more = " …" if len(words) > EXCERPT_WORDS else ""
        return "“" + " ".join(words[:EXCERPT_WORDS]) + more + "”"
    if name == "categories":
        return ", ".join(Category.objects.filter(pk__in=value or []).values_list("name", flat=True))
    if name == "tags":
        return ", ".join(value) or "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return f"{timezone.localtime(value):%Y-%m-%d %H:%M}"
    field = Article._meta.get_field(name)
    if field.is_relation and field.related_model and value:
        return str(field.related_model._default_manager.filter(pk=value).first() or value)
    return f"“{value}”" if value not in (None, "") else "empty"


def _body_change(before, after):
    runs = word_diff(html_to_text(before or ""), html_to_text(after or ""))
    removed = " ".join(r.text.strip() for r in runs if r.kind == "removed")[:200]
    added = " ".join(r.text.strip() for r in runs if r.kind == "added")[:200]
    parts = [f"removed “{removed}”" if removed else "", f"added “{added}”" if added else ""]
    return "; ".join(p for p in parts if p) or "changed its formatting or links"


def _who_and_when(article, since_version):
    """The revisions saved after `since_version`, oldest first: (name, time)."""
    people = []
    versions = Version.objects.get_for_object(article).select_related("revision__user")
    for version in versions.order_by("pk"):
        if version.field_dict.get("edit_version", 0) > since_version:
            user = version.revision.user
            name = (user.get_full_name() or user.get_username()) if user else "someone"
            people.append((name, version.revision.date_created))
    return people


def _base_revision(article, submitted):
    versions = Version.objects.get_for_object(article).select_related("revision")
    for version in versions.order_by("-pk")[:200]:
        if version.field_dict.get("edit_version") == submitted:
            return version
    return None


def check_edit_version(form):
    """Called from the article form's clean(): refuses a stale save, as described above."""
    article = form.instance
    if article.pk is None or "opened_version" not in form.fields:
        return
    submitted = form.cleaned_data.get("opened_version")
    current = Article.objects.select_for_update().filter(pk=article.pk).first()
    if current is None:
        return
    # Restoring a revision: reversion has already written the old revision into the row (the
    # transaction is undone unless the form saves); the number stored before it is the one.
    stored = getattr(form, "stored_version", None)
    if stored is not None:
        current.edit_version = stored
    # Saving continues from the stored number (a restored revision carries an older one).
    article.edit_version = current.edit_version
    if submitted is None or submitted == current.edit_version:
        return
    if stored is not None:
        raise forms.ValidationError(
            "Someone saved this article after you opened this revision: open the history "
            "again to see what changed, then restore.",
            code="edit_collision",
        )
    opened = opened_state_of(form)
    base = _base_revision(current, submitted)
    now = _current_values(current)
    before = _revision_values(base) if base else {}
    people = _who_and_when(current, submitted)
    who = ", ".join(dict.fromkeys(name for name, _ in people)) or "Someone"
    when = people[-1][1] if people else current.modified_at
    messages = [
        f"{who} saved this article at {timezone.localtime(when):%H:%M on %d %b %Y} while you "
        "were editing it. Nothing was saved yet; your own changes are kept in the form below."
    ]
    data = form.data.copy()
    for name in MERGED_FIELDS:
        if name not in form.fields:
            continue
        label = form.fields[name].label or name
        mine = _submitted(form, name)
        if name in opened:
            if fingerprint(name, now[name]) == opened[name]:
                continue  # they did not change it
            if name == "body" and name in before:
                theirs = _body_change(before[name], now[name])
            else:
                theirs = f"changed it to {_readable(name, now[name])}"
            if fingerprint(name, mine) == opened[name]:
                _put(data, form.add_prefix(name), _as_post_value(name, now[name]))
                messages.append(f"{label}: they {theirs}. Taken into your form.")
            elif not _same(name, mine, now[name]):
                messages.append(
                    f"{label}: they {theirs}, and you changed it too. Your version is in the "
                    "form: bring their change into it before saving again."
                )
        elif not _same(name, mine, now[name]):
            messages.append(f"{label}: the saved article has {_readable(name, now[name])}.")
    if len(messages) == 1:
        return  # they changed nothing this form shows (a note, a step): nothing to lose
    messages.append(
        "Save again to keep the form as it is now (it replaces the saved article with it)."
    )
    data[form.add_prefix("opened_version")] = str(current.edit_version)
    data[form.add_prefix("opened_state")] = opened_state(current)
    form.data = data
    raise forms.ValidationError(messages, code="edit_collision")
