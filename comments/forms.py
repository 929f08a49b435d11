import re
import secrets
import time
from typing import cast

from django import forms
from django.core import signing
from django.core.validators import MaxLengthValidator

from articles.widget_markup import WIDGET_RENDERER

from .models import Comment
from .policy import CommentPolicy

TIMESTAMP_SALT = "articles.comments.form-timestamp"
# Control characters (tab and line breaks allowed in the text) and the invisible direction
# overrides that make text display differently from what it says.
CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
CONTROL_IN_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
MAX_ID = 2**63 - 1  # the largest primary key: beyond it a lookup would overflow the database


def as_id(value):
    """A submitted ID as a usable primary key, or None."""
    value = str(value or "").strip()
    if not value.isascii() or not value.isdigit():
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


def sign_timestamp(at=None):
    """A tamper-proof note of when the form was handed out, unique to this form (a random
    nonce), so that it can be used for one comment only (used_once.py)."""
    return signing.dumps(
        [int(time.time() if at is None else at), secrets.token_urlsafe(8)], salt=TIMESTAMP_SALT
    )


def timestamp_age(value):
    """Seconds since sign_timestamp() made `value`; raises signing.BadSignature if forged."""
    signed = signing.loads(value, salt=TIMESTAMP_SALT)
    signed_at = signed[0] if isinstance(signed, list) and len(signed) == 2 else signed
    if not isinstance(signed_at, int) or isinstance(signed_at, bool):
        raise signing.BadSignature("not a timestamp")
    return time.time() - signed_at


def timestamp_still_valid(value, *, policy=None):
    policy = policy or CommentPolicy()
    try:
        return 0 <= timestamp_age(value) <= policy.max_form_age_seconds
    except (signing.BadSignature, TypeError, ValueError):
        return False


class SingleLineEmailField(forms.EmailField):
    """An email field that refuses line breaks instead of silently stripping them."""

    def to_python(self, value):
        if value and CONTROL_IN_LINE.search(value):
            raise forms.ValidationError(
                "An email address cannot contain line breaks or control characters.",
                code="control",
            )
        return super().to_python(value)


class CommentForm(forms.Form):
    # The widgets' markup without a template render each (comments/form_markup.py).
    default_renderer = WIDGET_RENDERER

    name = forms.CharField(
        label="Name",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = SingleLineEmailField(
        label="Email",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    body = forms.CharField(label="Comment", widget=forms.Textarea(attrs={"rows": 6}))
    notify_on_approval = forms.BooleanField(
        label="Tell me when it appears",
        required=False,
        help_text="One email, to you alone, once a moderator approves your comment.",
    )
    parent = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_ID, widget=forms.HiddenInput
    )
    timestamp = forms.CharField(required=False, widget=forms.HiddenInput)
    # The honeypot: hidden from people by CSS, filled in by robots that fill in everything.
    website = forms.CharField(
        label="Leave this field empty",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, article, policy=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        self.policy = policy or CommentPolicy()
        for name, limit in [
            ("name", self.policy.name_max_length),
            ("email", self.policy.email_max_length),
            ("body", self.policy.body_max_length),
        ]:
            # Never beyond what the database column holds, whatever the settings say.
            column = getattr(Comment._meta.get_field(name), "max_length", None)
            limit = min(limit, column) if column else limit
            field = cast(forms.CharField, self.fields[name])
            field.max_length = limit
            field.widget.attrs["maxlength"] = str(limit)
            field.validators.append(MaxLengthValidator(limit))

    def clean_name(self):
        return self._refuse_control(self.cleaned_data["name"], CONTROL_IN_LINE)

    def clean_body(self):
        return self._refuse_control(self.cleaned_data["body"], CONTROL_IN_TEXT)

    def _refuse_control(self, value, pattern):
        if pattern.search(value):
            raise forms.ValidationError(
                "Remove the invisible control characters from this field.", code="control"
            )
        return value

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(
                "Your comment looked automated. Please check it and post it again.",
                code="honeypot",
            )
        return ""

    def clean_timestamp(self):
        value = self.cleaned_data["timestamp"]
        if not value:
            raise forms.ValidationError(
                "The form did not load completely. Please check your comment and post it again.",
                code="missing",
            )
        try:
            age = timestamp_age(value)
        except (signing.BadSignature, TypeError, ValueError):
            raise forms.ValidationError(
                "The form could not be verified. Please check your comment and post it again.",
                code="forged",
            ) from None
        if age > self.policy.max_form_age_seconds or age < -60:
            raise forms.ValidationError(
                "The form has expired. Please check your comment and post it again.",
                code="stale",
            )
        if age < self.policy.min_seconds:
            raise forms.ValidationError(
                "That was very fast. Please wait a few seconds, then post your comment again.",
                code="too_fast",
            )
        return value

    def clean_parent(self):
        parent_id = self.cleaned_data["parent"]
        if parent_id is None:
            return None
        parent = (
            Comment.objects.approved()
            .filter(pk=parent_id, article=self.article)
            .only("id", "depth", "status", "name")
            .first()
        )
        if parent is None:
            raise forms.ValidationError(
                "The comment you replied to is not available; post a new comment instead.",
                code="invalid_parent",
            )
        if not self.policy.can_reply_to(parent):
            raise forms.ValidationError(
                "This conversation is too deep for more replies; post a new comment instead.",
                code="too_deep",
            )
        return parent
