"""The admin site with the second factor: pages need a verified session from those who need one."""

from datetime import date
from functools import wraps

from django.contrib import admin
from django.http import HttpResponseBadRequest, QueryDict
from django.shortcuts import redirect
from django.urls import path

from images.xml_text import RefusesXmlIllegalText

from .two_factor import StaffSignInForm, blocked_until_verified, needs_enrolment


def refusing_xml_illegal_text(form):
    if issubclass(form, RefusesXmlIllegalText):
        return form
    return type(form.__name__, (RefusesXmlIllegalText, form), {"__module__": form.__module__})


class RefusesXmlIllegalTextAdmin:
    """Every form of a ModelAdmin (its change form, its inlines', its list-editable rows) refuses
    characters XML cannot carry: an editor field of any app, ours or a library's (taggit's tags,
    the flatpages of the standards pages), can end up in a feed, a sitemap or an e-mail."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        return refusing_xml_illegal_text(
            super().get_form(request, obj, change, **kwargs)  # type: ignore[misc]
        )

    def get_changelist_form(self, request, **kwargs):
        return refusing_xml_illegal_text(
            super().get_changelist_form(request, **kwargs)  # type: ignore[misc]
        )

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):  # type: ignore[misc]
            form = refusing_xml_illegal_text(formset.form)
            yield type(formset.__name__, (formset,), {"form": form}), inline


# The date hierarchy's values Django can turn into a range in any time zone: it computes the end
# of the range (the next year, month or day) outside its own error handling, so year 9999 or
# 99999999999 answered 500, and a year-1 start is before year 1 in UTC east of Greenwich.
DATE_PARTS = {"year": range(2, 9999), "month": range(1, 13), "day": range(1, 32)}


def is_date_filter(query, field):
    """Whether `field`'s date-hierarchy values in `query` (?field__year=...) name a real date."""
    parts = {}
    for part, allowed in DATE_PARTS.items():
        values = query.getlist(f"{field}__{part}")
        if not values:
            continue
        value = values[-1]  # the one Django uses
        if not (value.isascii() and value.isdigit() and len(value) <= 4 and int(value) in allowed):
            return False
        parts[part] = int(value)
    try:
        date(parts.get("year", 2000), parts.get("month", 1), parts.get("day", 1))
    except ValueError:  # 31 April
        return False
    return True


class DateFilterGuardAdmin:
    """A list's date hierarchy with a value that is not a date answers 400, never 500."""

    def changelist_view(self, request, extra_context=None):
        field = self.date_hierarchy  # type: ignore[attr-defined]
        if field and not is_date_filter(request.GET, field):
            return HttpResponseBadRequest("That date filter is not a date.")
        return super().changelist_view(request, extra_context)  # type: ignore[misc]


class NewsdeskAdminSite(admin.AdminSite):
    login_form = StaffSignInForm
    login_template = "admin/newsdesk_login.html"

    def register(self, model_or_iterable, admin_class=None, **options):
        # Every list and form of every app, ours or a library's, gets the same safeguards.
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, RefusesXmlIllegalTextAdmin):
            admin_class = type(
                admin_class.__name__,
                (RefusesXmlIllegalTextAdmin, DateFilterGuardAdmin, admin_class),
                {"__module__": admin_class.__module__},
            )
        super().register(model_or_iterable, admin_class, **options)

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
        def without_nul(request, *args, **kwargs):
            # PostgreSQL cannot hold a NUL in a string: a filter or search term carrying one
            # (?q=%00, an autocomplete term) ended in a 500 there. Nobody types one: drop it.
            if any("\x00" in key + "".join(values) for key, values in request.GET.lists()):
                cleaned = QueryDict(mutable=True)
                for key, values in request.GET.lists():
                    cleaned.setlist(
                        key.replace("\x00", ""), [v.replace("\x00", "") for v in values]
                    )
                cleaned._mutable = False
                request.GET = cleaned
            return wrapped(request, *args, **kwargs)

        return without_nul

    def get_urls(self):
        from .enrolment import enrol_view

        return [
            path("two-factor/", enrol_view(self), name="two_factor_enrol"),
            *super().get_urls(),
        ]
