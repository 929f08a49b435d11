from django import template

from ..banner import live_banner

register = template.Library()


@register.inclusion_tag("breaking/banner.html")
def breaking_news_banner():
    return {"banner": live_banner()}
