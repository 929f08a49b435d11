"""`{% most_read %}` for the home page and beside articles; `{% read_beacon article %}` for the
article page. Both render the same HTML for every reader."""

from django import template
from django.conf import settings
from django.core.cache import caches
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from articles import cache_tags

from .. import counting

register = template.Library()


@register.simple_tag(takes_context=True)
def most_read(context, heading_level=2):
    """The rendered lists, kept a few minutes (and per version of the home page's articles, which
    any change of an article readers see bumps, so an article taken down leaves them at once) in
    the fragment cache: a warm page pays no query for them."""
    fragments = caches["template_fragments"]
    version = cache_tags.fingerprint([cache_tags.HOME])
    key = f"readership:most-read:{heading_level}:{version}"
    html = fragments.get(key)
    if html is None:
        html = render_to_string(
            "readership/most_read.html",
            {**counting.most_read(), "heading_level": heading_level},
        )
        if settings.NEWSDESK["FRAGMENT_CACHE_SECONDS"]:
            fragments.set(key, str(html), counting.RANKING_SECONDS)
    return mark_safe(html)


@register.inclusion_tag("readership/beacon.html")
def read_beacon(article):
    return {"article": article}
