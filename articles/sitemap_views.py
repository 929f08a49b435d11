"""The sitemap index and its sections, each page kept whole as a fragment.

A sitemap page is a list like any other, only long: 1,000 URLs cost tens of milliseconds to
write however cheaply each is written, and a crawler asks for every page after every change.
Like the other fragments (articles/fragments.py), a built page is kept in each process's memory
under the versions of what it lists (the site's domain, and the articles and labels readers see:
cache_tags.SITE and SITEMAPS), no longer than the fragment timeout nor past the next scheduled
publication. A kept page is answered before the expensive-page limit is asked for a slot.
"""

import functools

from django.contrib.sitemaps import views as sitemap_views
from django.core.cache import caches
from django.http import HttpResponse
from django.views.decorators.http import require_safe

from . import cache_tags
from .fragments import fragment_timeout
from .overload import expensive_page
from .pagecache import shared_page
from .schedule import seconds_until_next_publication
from .sitemaps import sitemaps

REPLAYED_HEADERS = ("Content-Type", "Last-Modified", "X-Robots-Tag")


def kept_page_number(request, kwargs) -> int | None:
    """The page a request may be kept as, or None to build it without keeping it: every
    spelling int() accepts ("01", "+1", " 1") would otherwise be an entry of its own, and a
    stream of them would fill each process's memory with copies of 1,000-URL pages."""
    if "section" not in kwargs:
        return 1  # the index has one page, whatever its parameters
    number = request.GET.get("p", "1")
    return int(number) if number.isascii() and number.isdigit() and number[0] != "0" else None


def kept_as_fragment(view):
    @functools.wraps(view)
    def kept(request, *args, **kwargs):
        timeout = int(min(fragment_timeout(), seconds_until_next_publication()))
        if timeout < 1:
            return view(request, *args, **kwargs)
        page = kept_page_number(request, kwargs)
        if page is None:
            return view(request, *args, **kwargs)
        # Read before the page is built: a change made while it is built outdates it.
        version = cache_tags.fingerprint([cache_tags.SITE, cache_tags.SITEMAPS])
        # The scheme is in every <loc>; only the page number changes what a section holds.
        key = f"sitemap:{version}:{request.scheme}:{kwargs.get('section', '')}:{page}"
        fragments = caches["template_fragments"]
        entry = fragments.get(key)
        if entry is not None:
            body, headers = entry
            return HttpResponse(body, headers=headers)
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            response.render()
            headers = {name: response[name] for name in REPLAYED_HEADERS if name in response}
            fragments.set(key, (response.content, headers), timeout=timeout)
        return response

    return kept


def _sitemap_page(view):
    return require_safe(
        shared_page(cache_tags.SITEMAPS, lists_articles=True)(
            kept_as_fragment(expensive_page("sitemaps")(view))
        )
    )


@_sitemap_page
def sitemap_index(request):
    return sitemap_views.index(request, sitemaps, sitemap_url_name="sitemap-section")


@_sitemap_page
def sitemap_section(request, section):
    """One section of the sitemap index; the Google News one adds its news: elements."""
    # sitemaps/urlset.xml: Django's sitemap.xml, written in Python (a page holds 1,000 URLs).
    template = "sitemaps/news.xml" if section == "news" else "sitemaps/urlset.xml"
    return sitemap_views.sitemap(request, sitemaps, section=section, template_name=template)
