"""Form widgets written in Python, to the byte as Django's widget templates write them
(django/forms/widgets/input.html, textarea.html, select.html, select_option.html, attrs.html).

A template render per widget, and one per <option> with another for its attributes, was a large
part of the pages showing a form with the fragment cache cold: the comment form on every
article page, the search page's filters. Django's form still decides every value and
attribute (the widget's get_context); only the writing is here, every value escaped as
autoescaping does. Any other widget's template goes to Django's own renderer.
tests/test_widget_markup.py compares each widget, bound and unbound, with the templates.
"""

import re
from html import escape as html_escape

from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

NEEDS_ESCAPING = re.compile("[&<>\"']").search

INPUT_TEMPLATES = {
    f"django/forms/widgets/{name}.html"
    for name in ("text", "email", "hidden", "checkbox", "date", "search", "number", "url")
}
TEXTAREA_TEMPLATE = "django/forms/widgets/textarea.html"
SELECT_TEMPLATE = "django/forms/widgets/select.html"
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"


def escaped(value) -> str:
    """conditional_escape(value) as text: what autoescaping writes for a value.

    Django's escape() is html.escape() behind a lazy-string wrapper; called a few times per
    comment, form field and option, the wrapper cost more than the escaping. Markup (anything
    with __html__) is kept as it is, as conditional_escape keeps it."""
    if hasattr(value, "__html__"):
        return value.__html__()
    text = str(value)
    return html_escape(text) if NEEDS_ESCAPING(text) else text


def widget_html(template_name: str, widget: dict) -> str | None:
    """The markup of a widget's context ("widget" of Widget.get_context()), or None for a
    template written here for no widget."""
    if template_name in INPUT_TEMPLATES:
        return _input(widget)
    if template_name == TEXTAREA_TEMPLATE:
        return _textarea(widget)
    if template_name == SELECT_TEMPLATE and all(
        option["template_name"] == OPTION_TEMPLATE
        for _, options, _ in widget["optgroups"]
        for option in options
    ):
        return _select(widget)
    return None


class WidgetRenderer(DjangoTemplates):
    """Django's default form renderer with the plain widgets written in Python."""

    def render(self, template_name, context, request=None):
        html = widget_html(template_name, context["widget"]) if "widget" in context else None
        if html is not None:
            return mark_safe(html)  # noqa: S308 - every value escaped in widget_html
        return super().render(template_name, context, request)


# One for the process: a renderer's template engine is built on first use and kept.
WIDGET_RENDERER = WidgetRenderer()


def _attrs(attrs):
    # {% if value is not False %} {{ name }}{% if value is not True %}="{{ value|stringformat:'s' }}"
    return "".join(
        f" {escaped(name)}" + ("" if value is True else f'="{escaped(str(value))}"')
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget):
    value = widget["value"]
    shown = "" if value is None else f' value="{escaped(str(value))}"'
    return (
        f'<input type="{escaped(widget["type"])}" name="{escaped(widget["name"])}"'
        f"{shown}{_attrs(widget['attrs'])}>"
    )


def _textarea(widget):
    value = widget["value"]
    return (
        f'<textarea name="{escaped(widget["name"])}"{_attrs(widget["attrs"])}>\n'
        f"{escaped(value) if value else ''}</textarea>"
    )


def _option(option):
    return (
        f'<option value="{escaped(str(option["value"]))}"{_attrs(option["attrs"])}>'
        f"{escaped(option['label'])}</option>"
    )


def _select(widget):
    parts = [f'<select name="{escaped(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _ in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{escaped(group_name)}">')
        # select_option.html ends with a line break, which its {% include %} keeps.
        parts.extend(f"\n  {_option(option)}\n" for option in options)
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)
