"""The article form's tags as chips (static/js/admin-tag-chips.js): the browser sends the chosen
names as a JSON list, so a tag may hold commas, quotes or any letters; typed by hand (or sent by
a script) the field still takes taggit's own "a, b, \\"c d\\"" form."""

import json

from django import forms
from taggit.forms import TagField, TagWidget
from taggit.utils import parse_tags

TAG_NAME_MAX_LENGTH = 100  # taggit's Tag.name


def tag_names(value) -> list[str]:
    """The names in whatever the field holds: Tag objects, a JSON list, or taggit's string."""
    if value is None:
        return []
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                names = json.loads(text)
            except ValueError:
                names = None
            if isinstance(names, list) and all(isinstance(n, str) for n in names):
                unique = {" ".join(n.split()): None for n in names if n.strip()}
                return list(unique)
        return parse_tags(text)
    return [getattr(tag, "name", str(tag)) for tag in value]


class TagChipsWidget(TagWidget):
    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-tags"] = json.dumps(tag_names(value))
        return context


class ChipTagField(TagField):
    widget = TagChipsWidget

    def clean(self, value):
        names = tag_names(value)
        too_long = [n for n in names if len(n) > TAG_NAME_MAX_LENGTH]
        if too_long:
            raise forms.ValidationError(
                "A tag may have at most %(max)d characters: %(name)s",
                params={"max": TAG_NAME_MAX_LENGTH, "name": too_long[0][:40] + "…"},
                code="tag_too_long",
            )
        if self.required and not names:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return names

    def has_changed(self, initial, data):
        # Compared as sets of names: taggit's own comparison sorts the initial names but not the
        # submitted ones, so chips added and removed again (sent in chip order, as JSON) would
        # read as "Changed Tags" in the history with nothing changed.
        if self.disabled:
            return False
        try:
            submitted = self.clean(data)
        except forms.ValidationError:
            return True
        return _same_names(tag_names(initial)) != _same_names(submitted)


def _same_names(names):
    return {" ".join(name.split()) for name in names}
