"""Times as readers' pages write them, for Python that writes markup (articles/cards.py) and for
templates (the `isoformat` filter in templatetags/datetimes.py)."""

import datetime
import functools

from django.utils import dateformat, timezone, translation

# What template filters apply to times (aware ones to the current time zone); django-stubs lacks it.
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]

# Formats that say the day only, as cards do ("j F Y"): day of the month, month name, year.
DAY_FORMAT = set("jFY ")


def isoformat(value) -> str:
    """An ISO 8601 time to the second, as HTML's `datetime` attribute and schema.org accept it."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()


def local_date(value, format_string: str) -> str:
    """As {{ value|date:format_string }} with a format string (not a format name like
    "DATE_FORMAT"): in the current time zone, as template filters convert aware times."""
    if value is None:
        return ""
    local = template_localtime(value)
    if set(format_string) <= DAY_FORMAT:
        # A day's format ("j F Y" on every card) is the same for every time of that day: a
        # list page writes a few days 12 to 25 times, and dateformat parses the format anew.
        day = local.date() if isinstance(local, datetime.datetime) else local
        return _day(day, format_string, translation.get_language())
    return dateformat.format(local, format_string)


@functools.lru_cache(maxsize=4096)
def _day(day: datetime.date, format_string: str, language: str | None) -> str:
    with translation.override(language):
        return dateformat.format(day, format_string)
