"""{% indexed_date_hierarchy cl %}: the admin's date drill-down without scanning the list
(articles/admin_dates.py); used by the article and comment change lists."""

from django import template
from django.contrib.admin.templatetags.base import InclusionAdminNode

from ..admin_dates import indexed_date_hierarchy

register = template.Library()


@register.tag(name="indexed_date_hierarchy")
def indexed_date_hierarchy_tag(parser, token):
    # django-stubs gives this node a `name` argument that Django 5.2's has not.
    return InclusionAdminNode(  # type: ignore[call-arg]
        parser,
        token,
        func=indexed_date_hierarchy,
        template_name="date_hierarchy.html",
        takes_context=False,
    )
