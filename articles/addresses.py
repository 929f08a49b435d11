"""Addresses of the reader pages, built without a full URL reversal each time.

A list page shows dozens of links (each card: the article, its categories, its source), and
`reverse()` resolves the pattern anew for each: about a quarter of a cold category page's
rendering was spent there. The pattern of each name is reversed once with a marker slug and
the slug put in its place afterwards, percent-encoded as reverse() encodes it (a Unicode
slug, "оборона", becomes "%D0%BE...": sitemaps require RFC 3986 addresses, and a link must
match reverse()'s byte for byte for the page cache and canonical links). The script prefix
is read per call (it can differ per request), and the cache is cleared whenever the URL
configuration changes (tests, the benchmark's urls).
"""

import functools
from collections.abc import Callable
from urllib.parse import quote

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.http import RFC3986_SUBDELIMS

MARKER = "slug-marker-0"
# What reverse() leaves unquoted (django/urls/resolvers.py, _reverse_with_prefix).
SAFE = RFC3986_SUBDELIMS + "/~:@"


@functools.cache
def _template(name: str, urlconf) -> tuple[str, str]:
    address = reverse(name, kwargs={"slug": MARKER})
    prefix = get_script_prefix()
    if address.startswith(prefix):
        address = "/" + address[len(prefix) :]
    before, _, after = address.partition(MARKER)
    return before, after


def slug_address(name: str, slug: str) -> str:
    """reverse(name, kwargs={"slug": slug}), for a URL name whose only argument is a slug."""
    before, after = _template(name, get_urlconf())
    return f"{get_script_prefix()[:-1]}{before}{quote(slug, safe=SAFE)}{after}"


def slug_addresses(name: str) -> Callable[[str], str]:
    """slug_address() for many slugs of one URL name: the prefix and pattern read once. Takes
    slugs as stored, like slug_address(): it quotes them (quoting twice would turn "%" into
    "%25")."""
    before, after = slug_address(name, MARKER).split(MARKER)
    return lambda slug: f"{before}{quote(slug, safe=SAFE)}{after}"


@functools.cache
def _fixed(name: str, urlconf) -> str:
    address = reverse(name)
    prefix = get_script_prefix()
    return "/" + address[len(prefix) :] if address.startswith(prefix) else address


def fixed_address(name: str) -> str:
    """reverse(name), for a URL name that takes no argument: the masthead's and the footer's
    links, the site's feeds. Reversed once per URL configuration."""
    return f"{get_script_prefix()[:-1]}{_fixed(name, get_urlconf())}"


def forget_on_urlconf_change(*, setting, **_kwargs):
    """Receiver of setting_changed (connected in ArticlesConfig.ready())."""
    if setting == "ROOT_URLCONF":
        _template.cache_clear()
        _fixed.cache_clear()
