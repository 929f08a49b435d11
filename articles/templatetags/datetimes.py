from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def isoformat(value):
    """An ISO 8601 time to the second, as HTML's `datetime` attribute and schema.org accept it."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()
