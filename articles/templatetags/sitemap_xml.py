"""{% sitemap_urls urlset %}: a sitemap page's <url> elements, written in Python.

Django's sitemap.xml template resolves seven variables and a date filter per URL: with a page
of 1,000 URLs that was about 150 ms, most of the page's cost. This writes the same elements
(as the template's {% spaceless %} leaves them) at a few microseconds a URL. It escapes with
the standard library's html.escape (the same five characters as Django's escape(), without its
lazy-string wrapper, which cost more than the escaping).
"""

from datetime import datetime
from html import escape

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

register = template.Library()


def _day(value, zone) -> str:
    # As the template's |date:"Y-m-d": an aware time in the current time zone.
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = value.astimezone(zone)
    return value.date().isoformat() if isinstance(value, datetime) else value.isoformat()


def _url(url, zone) -> str:
    parts = [f"<url><loc>{escape(url['location'])}</loc>"]
    if url.get("lastmod"):
        parts.append(f"<lastmod>{_day(url['lastmod'], zone)}</lastmod>")
    if url.get("changefreq"):
        parts.append(f"<changefreq>{escape(url['changefreq'])}</changefreq>")
    if url.get("priority"):
        parts.append(f"<priority>{escape(url['priority'])}</priority>")
    parts.extend(
        f'<xhtml:link rel="alternate" hreflang="{escape(alternate["lang_code"])}" '
        f'href="{escape(alternate["location"])}"/>'
        for alternate in url.get("alternates") or ()
    )
    parts.append("</url>")
    return "".join(parts)


@register.simple_tag
def sitemap_urls(urlset):
    zone = timezone.get_current_timezone()
    return mark_safe("".join(_url(url, zone) for url in urlset))
