from django import template
from django.utils.safestring import mark_safe

from articles.sanitize import sanitize_body_html

register = template.Library()


@register.filter
def page_html(content: str) -> str:
    """A flatpage's HTML through the same allow-list as article bodies: an editor's paste
    never brings a script or an event handler to readers."""
    return mark_safe(sanitize_body_html(content))
