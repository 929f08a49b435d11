"""Times as readers' pages write them, for Python that writes markup (articles/cards.py) and for
templates (the `isoformat` filter in templatetags/datetimes.py)."""

from django.utils import dateformat, timezone

# What template filters apply to times (aware ones to the current time zone); django-stubs lacks it.
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]


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
    return dateformat.format(template_localtime(value), format_string)
