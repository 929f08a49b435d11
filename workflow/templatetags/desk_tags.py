"""Template tags of the editorial workflow: the dashboard's panels and an article's timeline."""

from django import template

from workflow.dashboard import panels_for

register = template.Library()


@register.simple_tag(takes_context=True)
def desk_panels(context):
    """The dashboard panels for the signed-in user (none for a moderator: comments only)."""
    return panels_for(context["request"].user)
