"""The search page's filters. Whatever arrives in the address, the form only narrows results:
an unknown category or a date that is not one is reported beside its field, never a 500."""

from datetime import date

from django import forms

from .models import Category
from .search import Sort, clean_query
from .widget_markup import WIDGET_RENDERER


class DateInput(forms.DateInput):
    input_type = "date"

    def format_value(self, value):
        """A date field holds only a date: what is not one is dropped (its error says so)."""
        if isinstance(value, str):
            try:
                date.fromisoformat(value)
            except ValueError:
                return None
        return super().format_value(value)


class SearchForm(forms.Form):
    # The filters' widgets without a template render per widget and option.
    default_renderer = WIDGET_RENDERER

    q = forms.CharField(label="Search for", required=False, max_length=1000)
    category = forms.ModelChoiceField(
        label="Section",
        queryset=Category.objects.only("name", "slug"),
        to_field_name="slug",
        required=False,
        empty_label="All sections",
    )
    since = forms.DateField(label="From", required=False, widget=DateInput)
    until = forms.DateField(label="To", required=False, widget=DateInput)
    sort = forms.ChoiceField(
        label="Sort by",
        choices=[(Sort.RELEVANCE, "Relevance"), (Sort.DATE, "Newest first")],
        required=False,
    )

    def clean_q(self):
        return clean_query(self.cleaned_data["q"])

    def clean(self):
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", "The end date must be on or after the start date.")
        return cleaned

    def filters(self) -> dict:
        """The valid filters only (an invalid field is left out, and shown with its error)."""
        data = getattr(self, "cleaned_data", {})
        return {
            "category": data.get("category"),
            "since": data.get("since"),
            "until": data.get("until") if "until" not in self.errors else None,
            "sort": data.get("sort") or Sort.RELEVANCE,
        }

    @property
    def query(self) -> str:
        return getattr(self, "cleaned_data", {}).get("q") or clean_query(self.data.get("q", ""))
