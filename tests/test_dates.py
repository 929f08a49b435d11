"""articles/dates.py writes readers' dates out by hand; Django's `|date` filter is the rule."""

from datetime import UTC, date, datetime

import hypothesis
from django.template.defaultfilters import date as date_filter
from django.utils import timezone, translation
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]
from hypothesis import given
from hypothesis import strategies as st

from articles.dates import TimesInZone, isoformat, shown_day, shown_time

LOCAL_TIME_ZONES = ["UTC", "Europe/London", "America/St_Johns", "Asia/Kolkata", "Pacific/Chatham"]


@hypothesis.settings(max_examples=200, deadline=None)
@given(
    moment=st.datetimes(
        min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.just(UTC)
    ),
    zone=st.sampled_from(LOCAL_TIME_ZONES),
    language=st.sampled_from(["en-gb", "de", "fr"]),
)
def test_shown_day_and_time_are_the_date_filters_text(moment, zone, language):
    with timezone.override(zone), translation.override(language):
        local = template_localtime(moment)
        assert shown_day(moment) == date_filter(local, "j F Y")
        assert shown_time(moment) == date_filter(local, "j F Y, H:i")
        # The same, for many times at once.
        times = TimesInZone()
        assert times.shown_time(moment) == shown_time(moment)
        assert times.isoformat(moment) == isoformat(moment)
        assert times.shown_time(moment) == shown_time(moment)  # the month as looked up once


def test_a_day_without_a_time_is_shown_as_it_is():
    assert shown_day(date(2026, 3, 7)) == "7 March 2026"
    assert shown_day(None) == ""
