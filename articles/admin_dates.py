"""The admin's date drill-down (`date_hierarchy`) at archive size.

Django finds the years, months or days to offer with `SELECT DISTINCT date_trunc(...)` over
every row of the filtered list, and the range with MIN/MAX over them: a second or more over a
million comments or the matches of a common word. Here the range is two index lookups (the
first and last row in date order) and each period of it is one probe that stops at its first
row ("is there anything in March?"), all probes in one UNION ALL. Django's own template tag does
the rest, reading this stand-in for `cl.queryset`.

While searching, the periods are not probed: a search's matches may be few and scattered, and
"the first match in date order" would walk the date index testing every row. The drill-down
then offers every period of the whole list's range (two index lookups); one may hold no match.
"""

from datetime import datetime
from typing import cast

from django.contrib.admin.templatetags.admin_list import date_hierarchy
from django.contrib.admin.views.main import ChangeList
from django.db import connection
from django.db.models import IntegerField, Value
from django.utils import timezone

MAX_PERIODS = 400  # beyond this (a century of days?) Django's own query is cheaper


def _periods(first: datetime, last: datetime, kind: str) -> list[datetime]:
    """The local starts of every year, month or day from `first` to `last` (aware, local)."""
    start = {
        "year": first.replace(month=1, day=1),
        "month": first.replace(day=1),
        "day": first,
    }[kind].replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=None)
    end = last.replace(tzinfo=None)
    periods: list[datetime] = []
    while start <= end and len(periods) <= MAX_PERIODS:
        periods.append(start)
        start = _next(start, kind)
    return periods


def _next(start: datetime, kind: str) -> datetime:
    if kind == "year":
        return start.replace(year=start.year + 1)
    if kind == "month":
        return start.replace(year=start.year + start.month // 12, month=start.month % 12 + 1)
    return datetime.fromordinal(start.toordinal() + 1)


class IndexedDates:
    """What Django's date_hierarchy asks of `cl.queryset`, answered by index probes."""

    def __init__(self, queryset, field_name, *, probe=True):
        self.queryset, self.field_name, self.probe = queryset.order_by(), field_name, probe

    def _edge(self, descending: bool):
        order = f"-{self.field_name}" if descending else self.field_name
        rows = self.queryset if self.probe else self.queryset.model._default_manager.all()
        found = (
            rows.filter(**{f"{self.field_name}__isnull": False})
            .order_by(order)
            .values_list(self.field_name, flat=True)[:1]
        )
        return next(iter(found), None)

    def aggregate(self, **_aggregates):
        return {"first": self._edge(False), "last": self._edge(True)}

    def datetimes(self, field_name, kind):
        first, last = self._edge(False), self._edge(True)
        if first is None or last is None:
            return []
        zone = timezone.get_current_timezone()
        periods = _periods(timezone.localtime(first, zone), timezone.localtime(last, zone), kind)
        if not self.probe:
            return [timezone.make_aware(start, zone) for start in periods[:MAX_PERIODS]]
        if len(periods) > MAX_PERIODS:
            return list(self.queryset.datetimes(field_name, kind))
        probes = [
            self.queryset.filter(
                **{
                    f"{field_name}__gte": timezone.make_aware(start, zone),
                    f"{field_name}__lt": timezone.make_aware(_next(start, kind), zone),
                }
            )
            .order_by(field_name)  # through the date index, not a scan hoping to meet one
            .annotate(period=Value(n, output_field=IntegerField()))
            .values_list("period", flat=True)[:1]
            for n, start in enumerate(periods)
        ]
        found = probes[0].union(*probes[1:], all=True) if len(probes) > 1 else probes[0]
        return [timezone.make_aware(periods[n], zone) for n in sorted(found)]

    dates = datetimes


class _ChangeListDates:
    """The change list as date_hierarchy reads it, with IndexedDates for its queryset."""

    def __init__(self, changelist):
        self._changelist = changelist
        self.queryset = IndexedDates(
            changelist.queryset, changelist.date_hierarchy, probe=not changelist.query
        )

    def __getattr__(self, name):
        return getattr(self._changelist, name)


def indexed_date_hierarchy(changelist):
    # SQLite (development) cannot limit each part of a UNION: Django's way, on small tables.
    if connection.vendor != "postgresql":
        return date_hierarchy(changelist)
    return date_hierarchy(cast(ChangeList, _ChangeListDates(changelist)))
