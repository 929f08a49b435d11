"""Characters XML 1.0 cannot carry, refused at the editor's form and stripped before any feed.

One pasted control character (a form feed from a word processor, a BEL from a wire) used to make
every RSS and Atom feed answer 500 and the news sitemap invalid XML. Editors get a clear message
naming the character; feeds and sitemaps strip whatever reached the database by another path (a
fixture, an import, a queryset update).
"""

import re

from django import forms
from django.core.exceptions import ValidationError

# C0 controls except tab, newline and carriage return; lone surrogates; the two non-characters.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def strip_xml_illegal(text):
    return XML_ILLEGAL.sub("", text) if isinstance(text, str) else text


def validate_xml_text(value):
    if isinstance(value, str) and (found := XML_ILLEGAL.search(value)):
        raise ValidationError(
            "This contains an invisible control character (U+%(code)04X, often pasted from a "
            "word processor or a wire) that feeds cannot carry. Retype the text around it.",
            code="xml_illegal",
            params={"code": ord(found.group())},
        )


class EditorTextForm(forms.ModelForm):
    """Base form of every editor-facing admin form: no field may hold an XML-illegal character."""

    def clean(self):
        cleaned = super().clean()
        for name, value in list(self.cleaned_data.items()):
            values = value if isinstance(value, list | tuple) else [value]
            for each in values:
                try:
                    validate_xml_text(each)
                except ValidationError as refused:
                    self.add_error(name, refused)
                    break
        return cleaned
