"""The article form's workflow parts: the step asked for with a save, and a body compared as saved.

A step (Submit, Return, Schedule...) asked for from the change form is checked with the form,
before anything is saved: a missing note or a past time shows as a form error with every field
as typed, so nothing is lost.
"""

from datetime import datetime

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from articles.rich_text import same_body
from articles.sanitize import sanitize_body_html

from .collisions import check_edit_version, opened_state
from .services import check_transition


class BodyField(forms.CharField):
    """The body as it will be saved: browsers send a textarea's line breaks as CRLF, the body
    is sanitised on save, and the rich-text editor writes no line breaks between blocks (nor
    attributes in the stored order), so only a difference readers would see counts as a change
    (otherwise every save of the form would record "Changed Body")."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n") if value else value

    def has_changed(self, initial, data):
        before = (initial or "").replace("\r\n", "\n")
        return not same_body(sanitize_body_html(self.to_python(data) or ""), before)


def parse_local_time(value):
    """A datetime-local input's value ("2026-11-27T15:30") in the site's time zone, or None."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError("Enter the publication time as a date and a time.") from None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def requested_step(data):
    """(name, note, time) of the workflow step a POST asks for, or None."""
    name = data.get("_transition")
    if not name:
        return None
    return name, data.get("_transition_note", "")[:2000], data.get("_schedule_at", "")


def form_with_step(form_class, *, user, edit_version=None):
    """The admin's form class, checking the workflow step asked for with the save, and that
    nobody saved the article since the form was opened (collisions.py). `edit_version`: the
    number the form carries when it is not the instance's own (a revision being restored)."""

    def __init__(self, *args, **kwargs):
        form_class.__init__(self, *args, **kwargs)
        if edit_version is not None:
            self.fields["opened_version"].initial = edit_version
        if self.instance.pk is not None:
            self.fields["opened_state"].initial = opened_state(self.instance)

    def clean(self):
        cleaned = form_class.clean(self)
        if not self.errors:
            check_edit_version(self)
        asked = requested_step(self.data)
        if asked is None:
            return cleaned
        if self.instance.pk is None:
            self.instance.author = user  # a new article is its creator's draft
        name, note, raw_time = asked
        try:
            at = parse_local_time(raw_time) if name == "schedule" else None
            check_transition(name, article=self.instance, by=user, note=note, at=at)
        except ValidationError as refused:
            raise ValidationError(refused.messages) from None
        except PermissionDenied as refused:
            raise ValidationError(str(refused) or "You may not do that.") from None
        self.step = (name, note, at)
        return cleaned

    # Built with type(): the admin makes the form class at run time, so it is no static base.
    form = type(
        "ArticleFormWithStep",
        (form_class,),
        {"step": None, "clean": clean, "__init__": __init__, "stored_version": edit_version},
    )
    return form
