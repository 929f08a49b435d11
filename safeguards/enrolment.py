"""Enrolling an authenticator app: scan, confirm one code, keep the recovery codes."""

import segno
from django import forms
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .two_factor import has_device

RECOVERY_CODE_COUNT = 10


class ConfirmDeviceForm(forms.Form):
    otp_token = forms.CharField(
        label="Code from the app",
        max_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def enrol_view(site):
    @never_cache
    @csrf_protect
    def enrol(request):
        user = request.user
        if not (user.is_active and user.is_staff):
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        if has_device(user):
            return redirect("admin:index")
        # One pending device per account, reused until confirmed, so reloading keeps the QR code.
        device, _ = TOTPDevice.objects.get_or_create(
            user=user, confirmed=False, defaults={"name": "Authenticator app"}
        )
        form = ConfirmDeviceForm(request.POST or None)
        if form.is_valid():
            if device.verify_token(form.cleaned_data["otp_token"].strip()):
                codes = confirm(device)
                otp_login(request, device)
                return TemplateResponse(
                    request,
                    "admin/two_factor_recovery_codes.html",
                    {**site.each_context(request), "title": "Recovery codes", "codes": codes},
                )
            form.add_error("otp_token", "That code did not match. Check the app and try again.")
        qr = segno.make(device.config_url, error="m")
        return TemplateResponse(
            request,
            "admin/two_factor_enrol.html",
            {
                **site.each_context(request),
                "title": "Set up two-factor sign-in",
                "form": form,
                "qr_data_uri": qr.svg_data_uri(scale=4),
                "secret": device.config_url.split("secret=")[1].split("&")[0],
            },
        )

    return enrol


@transaction.atomic
def confirm(device):
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    recovery, _ = StaticDevice.objects.get_or_create(
        user=device.user, name="Recovery codes", defaults={"confirmed": True}
    )
    recovery.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    return codes
