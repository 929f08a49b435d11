"""The body's rich-text editor in the admin: a textarea the script (static/js/body-editor.js)
turns into the editor, with the schema made from the allow-list's declared list.

Without the script (or if it fails) the textarea works as before. Tiptap and ProseMirror come
from django-prose-editor's bundle, served from our own static files; the script imports it by
its address, so the page needs no import map (an inline script the CSP would refuse).
"""

import json

from django import forms
from django.templatetags.static import static

from .rich_text import editor_schema

EDITOR_MODULE = "django_prose_editor/editor.js"


class BodyEditorWidget(forms.Textarea):
    def __init__(self, attrs=None):
        super().__init__({"rows": 20, **(attrs or {})})

    @property
    def media(self):
        # The image library's chooser (images app) opens from the toolbar's Image button.
        return forms.Media(
            css={"all": ["images/chooser.css", "css/admin-body-editor.css"]},
            js=["images/chooser.js", forms.Script("js/body-editor.js", type="module")],  # type: ignore[list-item]  # Django 5.2's Script; the stubs predate it
        )

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].update(
            {
                "data-body-schema": json.dumps(editor_schema(), separators=(",", ":")),
                "data-editor-module": static(EDITOR_MODULE),
            }
        )
        return context
