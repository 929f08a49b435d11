"""The whole-page cache for anonymous readers, and the HTTP caching headers of reader pages.

A reader page opts in by naming what it shows (`tag_page()` or the `shared_page` decorator,
with the tags of articles/cache_tags.py); nothing else is ever stored. For a request that
`is_page_cacheable()` (anonymous, no personal cookie, GET or HEAD), the middleware looks the
page up in the shared cache: an entry whose tag versions are all current is answered as it is,
gzipped once when it was stored, without touching the database or the session. A miss renders
the page and stores it with its body, its gzipped body, an ETag and the versions it was built
under. Lists (home, categories, feeds...) are stored no longer than until the next scheduled
article's publication time, so that article appears on them when its time comes.

Shared pages say so to browsers and proxies: `Cache-Control: public` with a short `max-age`, a
longer `s-maxage` for a cache in front (README, "HTTP caching and nginx") and
`stale-while-revalidate`; an ETag and Last-Modified, and a 304 to a conditional request. A
reader page rendered for someone in particular (signed in, pending comments) is
`private, no-store`.
"""

import functools
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_etags, parse_http_date_safe
from django.utils.regex_helper import _lazy_re_compile
from django.utils.text import compress_string

from . import cache_tags
from .caching import is_page_cacheable
from .schedule import seconds_until_next_publication

KEY_PREFIX = "newsdesk:page:"
ACCEPTS_GZIP = _lazy_re_compile(r"\bgzip\b")
# Headers the entry replays; the caching headers are made per response, cookies never stored.
NOT_REPLAYED = {
    "cache-control",
    "content-encoding",
    "content-length",
    "etag",
    "expires",
    "last-modified",
    "set-cookie",
    "vary",
}


@dataclass
class PageTags:
    """What a page shows, and the versions of those tags when it started reading them."""

    tags: set[str] = field(default_factory=set)
    versions: dict[str, int] = field(default_factory=dict)
    # A list of articles: expires when the next scheduled article is published.
    lists_articles: bool = False


def tag_page(request, *tags: str, lists_articles: bool = False) -> None:
    """Declare that this response may be shared and shows `tags`; read their versions now,
    before the page reads its content, so a change made while it renders outdates it."""
    page = getattr(request, "page_cache", None)
    if page is None:
        page = request.page_cache = PageTags()
    new = set(tags) - page.tags
    page.tags |= new
    page.versions.update(cache_tags.versions(new) if new else {})
    page.lists_articles |= lists_articles


def shared_page(*tags: str, lists_articles: bool = False):
    """A view decorator: the page is the same for every anonymous reader and shows `tags`."""

    def decorate(view):
        @functools.wraps(view)
        def tagged(request, *args, **kwargs):
            tag_page(request, cache_tags.SITE, *tags, lists_articles=lists_articles)
            return view(request, *args, **kwargs)

        return tagged

    return decorate


# Things on pages that change with time, with no save to announce it (e.g. a banner's expiry):
# an app registers, for a tag, how many seconds remain until they change.
_time_limits: dict[str, Callable[[], float]] = {}


def register_time_limit(tag: str, seconds_until_change: Callable[[], float]) -> None:
    """Pages showing `tag` are kept no longer than `seconds_until_change()` from their render."""
    _time_limits[tag] = seconds_until_change


@dataclass
class Entry:
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    gzipped: bytes
    etag: str
    last_modified: float
    expires_at: float
    versions: dict[str, int]


def page_cache():
    return caches[settings.NEWSDESK["PAGE_CACHE_ALIAS"]]


def page_key(request) -> str:
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return KEY_PREFIX + hashlib.sha256(url.encode()).hexdigest()


class PageCacheMiddleware:
    """Place it after GZipMiddleware (which then leaves its pre-gzipped hits alone) and before
    the session, so that a hit reads no session and no user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_page_cacheable(request):
            response = self.get_response(request)
            if getattr(request, "page_cache", None) is not None:
                # A reader page made for this browser alone: no cache anywhere may keep it.
                patch_cache_control(response, private=True, no_store=True)
            return response
        cache = page_cache()
        key = page_key(request)
        if settings.NEWSDESK["PAGE_CACHE_SECONDS"]:
            entry = current_entry(key, cache)
            if entry is not None:
                return respond(request, entry, hit=True)
        response = self.get_response(request)
        page = getattr(request, "page_cache", None)
        if page is None or not storable(response):
            return response
        storing = bool(settings.NEWSDESK["PAGE_CACHE_SECONDS"])
        entry = make_entry(response, page, for_storing=storing)
        if entry.expires_at - _now() >= 1 and storing:
            cache.set(key, entry, timeout=int(entry.expires_at - _now()) + 1)
            memory_copies.put(key, entry)
        return respond(request, entry, hit=False, rendered=response)


class MemoryCopies:
    """This process's copies of the pages it served last, so that a hit reads from the shared
    cache only the versions of the page's tags (one round trip), not the whole page. A copy is
    served only while those versions are current, like the shared entry it copies."""

    def __init__(self):
        self.entries: OrderedDict[str, Entry] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key, entry) -> None:
        size = settings.NEWSDESK["PAGE_CACHE_MEMORY_ENTRIES"]
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > size:
                self.entries.popitem(last=False)

    def discard(self, key) -> None:
        with self.lock:
            self.entries.pop(key, None)


memory_copies = MemoryCopies()


def current_entry(key, cache) -> "Entry | None":
    """The stored page if it is still current: this process's copy, else the shared entry."""
    now = _now()
    entry = memory_copies.get(key)
    if entry is not None:
        if entry.expires_at > now and cache_tags.versions(entry.versions) == entry.versions:
            return entry
        memory_copies.discard(key)
    entry = cache.get(key)
    if entry is None or entry.expires_at <= now:
        return None
    if cache_tags.versions(entry.versions) != entry.versions:
        return None
    memory_copies.put(key, entry)
    return entry


def storable(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not _has_cache_control(response, "private", "no-store", "no-cache")
    )


def _has_cache_control(response, *directives) -> bool:
    value = response.get("Cache-Control", "").lower()
    return any(directive in value for directive in directives)


def make_entry(response, page: PageTags, *, for_storing: bool = True) -> Entry:
    """The page as the cache keeps it. Only a stored entry needs its gzipped body (hits send
    it); a miss leaves compressing to GZipMiddleware, for the readers who ask for it, so a page
    not kept (the cache switched off) costs no compression here."""
    now = _now()
    lifetime = settings.NEWSDESK["PAGE_CACHE_SECONDS"] or settings.NEWSDESK["PAGE_S_MAXAGE"]
    if page.lists_articles:
        lifetime = min(lifetime, seconds_until_next_publication())
    for tag in page.tags & _time_limits.keys():
        lifetime = min(lifetime, _time_limits[tag]())
    body = response.content
    # The view's Last-Modified (a feed's newest item) is more telling than the render time.
    last_modified = parse_http_date_safe(response.get("Last-Modified", "")) or int(now)
    return Entry(
        status=response.status_code,
        headers=[(k, v) for k, v in response.items() if k.lower() not in NOT_REPLAYED],
        body=body,
        gzipped=compress_string(body) if for_storing else b"",
        # Weak: the same for the plain and the gzipped body, as GZipMiddleware makes them.
        etag=f'W/"{hashlib.md5(body, usedforsecurity=False).hexdigest()}"',
        last_modified=last_modified,
        expires_at=now + lifetime,
        versions=dict(page.versions),
    )


def respond(request, entry: Entry, *, hit: bool, rendered=None) -> HttpResponse:
    response: HttpResponse
    if not_modified(request, entry):
        response = HttpResponseNotModified()
    elif rendered is not None:
        response = rendered
    else:
        gzip = bool(ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
        response = HttpResponse(entry.gzipped if gzip else entry.body, status=entry.status)
        for name, value in entry.headers:
            response[name] = value
        if gzip:
            response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(len(response.content))
    response["ETag"] = entry.etag
    response["Last-Modified"] = http_date(entry.last_modified)
    response["X-Page-Cache"] = "hit" if hit else "miss"
    remaining = max(0, int(entry.expires_at - _now()))
    response["Cache-Control"] = (
        f"public, max-age={min(settings.NEWSDESK['PAGE_MAX_AGE'], remaining)}, "
        f"s-maxage={min(settings.NEWSDESK['PAGE_S_MAXAGE'], remaining)}, "
        f"stale-while-revalidate={settings.NEWSDESK['PAGE_STALE_WHILE_REVALIDATE']}"
    )
    # The body differs by encoding only: not by cookie (personal pages are never shared).
    if "Vary" in response:
        del response["Vary"]
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def not_modified(request, entry: Entry) -> bool:
    """RFC 9110 13.2.2: If-None-Match first (weak comparison); If-Modified-Since only without it."""
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match:
        ours = entry.etag.removeprefix("W/")
        return any(
            tag == "*" or tag.removeprefix("W/") == ours for tag in parse_etags(if_none_match)
        )
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
    return since is not None and int(entry.last_modified) <= since


def _now() -> float:
    # timezone.now(), not time.time(): the same clock as publication times (tests move it).
    return timezone.now().timestamp()
