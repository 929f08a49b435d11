"""Characters XML 1.0 cannot carry, refused at the editor's form and stripped before any feed.

One pasted control character (a form feed from a word processor, a BEL from a wire) used to make
every RSS and Atom feed answer 500 and the news sitemap invalid XML. Editors get a clear message
naming the character; feeds and sitemaps strip whatever reached the database by another path (a
fixture, an import, a queryset update).

It lives in the bottom layer (images imports no other app) so that every layer can use it: the
image library's own forms as much as the articles' and the admin site's.
"""

import re

from django import forms
from django.core.exceptions import ValidationError

# C0 controls except tab, newline and carriage return; lone surrogates; the two non-characters.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def strip_xml_illegal(text):
    return XML_ILLEGAL.sub("", text) if isinstance(text, str) else text


def strip_xml_illegal_within(value):
    """`value` with every string in it stripped, however deep: a feed item's fields hold dicts
    (the lead image with its alt text) and lists (its categories) as well as text."""
    if isinstance(value, str):
        return strip_xml_illegal(value)
    if isinstance(value, dict):
        return {key: strip_xml_illegal_within(each) for key, each in value.items()}
    if isinstance(value, list | tuple):
        return [strip_xml_illegal_within(each) for each in value]
    return value


def validate_xml_text(value):
    if isinstance(value, str) and (found := XML_ILLEGAL.search(value)):
        raise ValidationError(
            "This contains an invisible control character (U+%(code)04X, often pasted from a "
            "word processor or a wire) that feeds cannot carry. Retype the text around it.",
            code="xml_illegal",
            params={"code": ord(found.group())},
        )


class RefusesXmlIllegalText:
    """A form mixin: no field may hold an XML-illegal character. The admin site adds it to every
    ModelAdmin's form (safeguards/admin_site.py), third-party ones included."""

    def clean(self):
        cleaned = super().clean()  # type: ignore[misc]
        for name, value in list(self.cleaned_data.items()):  # type: ignore[attr-defined]
            values = value if isinstance(value, list | tuple) else [value]
            for each in values:
                try:
                    validate_xml_text(each)
                except ValidationError as refused:
                    self.add_error(name, refused)  # type: ignore[attr-defined]
                    break
        return cleaned


class EditorTextForm(RefusesXmlIllegalText, forms.ModelForm):
    """Base form of every editor-facing form: no field may hold an XML-illegal character."""
