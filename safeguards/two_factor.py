"""Who must sign in with a second factor, and the admin sign-in form that asks for it.

Editors (who publish) and superusers need TOTP when STAFF_TWO_FACTOR_REQUIRED is on (the
production default): their accounts can put anything on the front page. Anyone who has enrolled a
device is asked for a code, whatever their role. A wrong code counts as a failed sign-in for the
lockout (django-axes listens to user_login_failed).
"""

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django_otp import devices_for_user, match_token

EDITOR_PERMISSION = "articles.publish_article"


def requires_two_factor(user):
    return (
        settings.STAFF_TWO_FACTOR_REQUIRED
        and user.is_authenticated
        and user.is_staff
        and (user.is_superuser or user.has_perm(EDITOR_PERMISSION))
    )


def has_device(user):
    return any(devices_for_user(user, confirmed=True))


def needs_enrolment(user):
    return requires_two_factor(user) and not has_device(user)


def blocked_until_verified(user):
    """Signed in with a password only, while the account's role needs a second factor. (Anyone
    else with a device cannot sign in without its code; asking no database here keeps admin
    pages at their query budget.)"""
    return requires_two_factor(user) and not user.is_verified()


class StaffSignInForm(AdminAuthenticationForm):
    otp_token = forms.CharField(
        label="Code",
        required=False,
        max_length=16,
        help_text="The 6-digit code from your authenticator app, or one of your recovery codes.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not has_device(user):
            return  # no device yet: enrolment comes next if the role needs one
        token = (self.cleaned_data.get("otp_token") or "").replace(" ", "")
        device = match_token(user, token) if token else None
        if device is None:
            user_login_failed.send(
                sender=__name__,
                credentials={"username": user.get_username()},
                request=self.request,
            )
            raise forms.ValidationError(
                "Enter the current code from your authenticator app, or a recovery code.",
                code="otp_required",
            )
        # django_otp's user_logged_in handler stores this in the session: the user is verified.
        user.otp_device = device


def password_only_sessions_stay_in_the_admin(get_response):
    """Outside the admin (draft previews, the reader site), a session still waiting for its
    second factor counts as anonymous: a stolen password alone shows no draft."""
    from django.contrib.auth.models import AnonymousUser
    from django.urls import reverse

    def middleware(request):
        user = request.user
        in_admin = request.path.startswith(reverse("admin:index"))
        # requires_two_factor() first: with the setting off, or for readers, it costs nothing.
        if not in_admin and requires_two_factor(user) and not user.is_verified():
            request.user = AnonymousUser()
        return get_response(request)

    return middleware
