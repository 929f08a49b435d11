from django import template

from ..dates import isoformat

register = template.Library()

register.filter("isoformat", isoformat)
