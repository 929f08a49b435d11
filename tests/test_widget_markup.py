"""articles/widget_markup.py writes form widgets in Python: Django's own templates are the rule,
to the byte, for every widget it writes (the comment form's are checked in
tests/comments/test_comment_markup.py)."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from articles.forms import SearchForm
from articles.widget_markup import WIDGET_RENDERER

from .factories import make_category

pytestmark = pytest.mark.django_db

HOSTILE = "\"><script>alert(1)</script>&'x"


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"q": "navy", "category": "europe", "since": "2024-01-31", "sort": "date"},
        {"q": HOSTILE, "category": HOSTILE, "since": HOSTILE, "until": "2020-13-01", "sort": "x"},
        {"since": "2025-05-01", "until": "2024-01-01"},
    ],
)
def test_search_filters_are_written_as_djangos_templates_write_them(data):
    make_category(name="Europe & <NATO>", slug="europe", position=1)
    make_category(name='Asia "Pacific"', slug="asia", position=2)

    def form(renderer=None):
        built = SearchForm(data, renderer=renderer) if data is not None else SearchForm()
        if renderer is not None:
            built.renderer = renderer
        if data is not None:
            built.is_valid()
        return built

    ours, djangos = form(), form(DjangoTemplates())
    assert ours.renderer is WIDGET_RENDERER
    for name in ours.fields:
        assert str(ours[name]) == str(djangos[name]), name
    if data and data.get("category") == "europe":
        assert '<option value="europe" selected>Europe &amp; &lt;NATO&gt;</option>' in str(
            ours["category"]
        )


class Grouped(forms.Form):
    region = forms.ChoiceField(
        choices=[("", "Any"), ("Europe", [("fr", "France"), ("de", 'Germany "DE"')])],
        required=False,
    )
    many = forms.MultipleChoiceField(choices=[("a", "A & B"), ("b", "B")], required=False)
    notes = forms.CharField(widget=forms.Textarea, required=False)
    count = forms.IntegerField(required=False)


@pytest.mark.parametrize("data", [None, {"region": "de", "many": ["a", "b"], "notes": HOSTILE}])
def test_option_groups_multiple_choices_and_other_widgets(data):
    ours = Grouped(data, renderer=WIDGET_RENDERER)
    djangos = Grouped(data, renderer=DjangoTemplates())
    for name in ours.fields:
        assert str(ours[name]) == str(djangos[name]), name
    assert '<optgroup label="Europe">' in str(ours["region"])
