"""The admin site with the second factor: pages need a verified session from those who need one."""

from functools import wraps

from django.contrib import admin
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import path

from .two_factor import StaffSignInForm, blocked_until_verified, needs_enrolment


class NewsdeskAdminSite(admin.AdminSite):
    login_form = StaffSignInForm
    login_template = "admin/newsdesk_login.html"

    def has_permission(self, request):
        return super().has_permission(request) and not blocked_until_verified(request.user)

    def login(self, request, extra_context=None):
        # Signed in with the right password but no device yet: enrol before anything else.
        if request.user.is_authenticated and needs_enrolment(request.user):
            return redirect("admin:two_factor_enrol")
        return super().login(request, extra_context)

    def admin_view(self, view, cacheable=False):
        wrapped = super().admin_view(view, cacheable)

        @wraps(wrapped)
        def refusing_nul(request, *args, **kwargs):
            # PostgreSQL cannot hold a NUL in a string: a filter or search term carrying one
            # (?q=%00, an autocomplete term) would end in a 500 there.
            if any("\x00" in value for values in request.GET.lists() for value in values[1]):
                return HttpResponseBadRequest("A filter or search value contains a NUL character.")
            return wrapped(request, *args, **kwargs)

        return refusing_nul

    def get_urls(self):
        from .enrolment import enrol_view

        return [
            path("two-factor/", enrol_view(self), name="two_factor_enrol"),
            *super().get_urls(),
        ]
