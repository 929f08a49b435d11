from django import template

from ..xml_text import strip_xml_illegal

register = template.Library()
register.filter("xml_safe", strip_xml_illegal)
