"""Times as readers' pages write them, for Python that writes markup (articles/cards.py,
comments/rendering.py) and for templates (the `isoformat` filter in templatetags/datetimes.py).

The day and the day-and-time are written out rather than formatted by the `|date` filter's
general format parser, which took a third of a list's rendering: each is the filter's text for
its format, in the current time zone (as template filters convert aware times) and language
(tests/test_dates.py compares them with the filter)."""

from django.conf import settings
from django.utils import timezone
from django.utils.dates import MONTHS

# What template filters apply to times (aware ones to the current time zone); django-stubs lacks it.
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]


def isoformat(value) -> str:
    """An ISO 8601 time to the second, as HTML's `datetime` attribute and schema.org accept it."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()


def shown_day(value) -> str:
    """{{ value|date:"j F Y" }}: "28 November 2026"."""
    if value is None:
        return ""
    local = template_localtime(value)
    return f"{local.day} {MONTHS[local.month]} {local.year:04d}"


def shown_time(value) -> str:
    """{{ value|date:"j F Y, H:i" }}: "28 November 2026, 01:55"."""
    local = template_localtime(value)
    return f"{shown_day(local)}, {local.hour:02d}:{local.minute:02d}"


class TimesInZone:
    """isoformat() and shown_time() for many times at once (a page of comments), with the
    current time zone and the month names looked up once rather than four times a time: that
    lookup (a thread-local read each) was half of writing a comment. The same text as the
    functions above: tests/test_dates.py holds them to it."""

    def __init__(self):
        self.zone = timezone.get_current_timezone()
        self.months: dict[int, str] = {}

    def _local(self, value):
        # template_localtime(value), in the zone looked up once.
        if (
            settings.USE_TZ
            and timezone.is_aware(value)
            and getattr(value, "convert_to_local_time", True)
        ):
            return value.astimezone(self.zone)
        return value

    def isoformat(self, value) -> str:
        if not value:
            return ""
        if timezone.is_naive(value):
            return isoformat(value)  # localtime() refuses it, as there
        return value.astimezone(self.zone).replace(microsecond=0).isoformat()

    def shown_time(self, value) -> str:
        local = self._local(value)
        month = self.months.get(local.month)
        if month is None:
            month = self.months[local.month] = str(MONTHS[local.month])
        return f"{local.day} {month} {local.year:04d}, {local.hour:02d}:{local.minute:02d}"
