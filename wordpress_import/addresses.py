"""The old site's addresses, recorded for the legacy-address middleware.

For a post: its <link>, /?p=ID, /YYYY/MM/DD/slug/ and /slug/ (the usual permalink forms, so a
link made under an older permalink setting still works). For categories and tags: their
WordPress paths (nested categories included) and feeds, where they differ from the new ones.
For the site: WordPress's other feed addresses.
"""

from urllib.parse import unquote, urlsplit

from .models import LegacyAddress
from .querysets import MAX_ADDRESS_LENGTH, normalise_path

SITE_FEEDS = {
    "/feed/rss2/": LegacyAddress.Feed.RSS,
    "/feed/rss/": LegacyAddress.Feed.RSS,
    "/feed/rdf/": LegacyAddress.Feed.RSS,
    "/rss/": LegacyAddress.Feed.RSS,
    "?feed=rss2": LegacyAddress.Feed.RSS,
    "?feed=rss": LegacyAddress.Feed.RSS,
    "?feed=rdf": LegacyAddress.Feed.RSS,
    "?feed=atom": LegacyAddress.Feed.ATOM,
}


def _path_on_site(url, hosts):
    parts = urlsplit(url or "")
    if parts.netloc and parts.netloc.lower().removeprefix("www.") not in hosts:
        return None
    if parts.query or parts.path in ("", "/"):
        return None  # ?p=ID forms are added by ID; "/" is the home page
    return normalise_path(unquote(parts.path))


def post_addresses(post, hosts):
    addresses = [f"?p={post.post_id}"]
    for url in (post.link, post.guid):
        path = _path_on_site(url, hosts)
        if path:
            addresses.append(path)
    if post.name:
        if post.date_local:
            addresses.append(normalise_path(f"{post.date_local:/%Y/%m/%d}/{post.name}"))
        addresses.append(normalise_path(post.name))
    return list(dict.fromkeys(a for a in addresses if len(a) <= MAX_ADDRESS_LENGTH))


class AddressBook:
    """Adds addresses, never taking one that already leads somewhere else."""

    def __init__(self, *, report):
        self.tally = report["redirects"]
        self.report = report
        self.forget()

    def forget(self):
        # Every recorded address, so a new one costs no lookup (a string each: 100,000 posts
        # make a few megabytes).
        self.known = set(LegacyAddress.objects.values_list("old_address", flat=True))

    def add(self, addresses, **target):
        """`addresses`: {old_address: feed}; `target`: article=, category= or tag= (or none)."""
        if not addresses:
            return
        recorded = [old for old in addresses if old in self.known]
        existing = {
            address.old_address: address
            for address in LegacyAddress.objects.filter(old_address__in=recorded)
        } if recorded else {}  # fmt: skip
        new = []
        for old, feed in addresses.items():
            current = existing.get(old)
            if current is None:
                new.append(LegacyAddress(old_address=old, feed=feed, **target))
            elif _same_target(current, feed, target):
                self.tally.skip("already recorded")
            else:
                self.tally.skip("address already leads elsewhere (first one kept)", old)
        LegacyAddress.objects.bulk_create(new)
        self.known.update(address.old_address for address in new)
        self.tally.created += len(new)


def _same_target(address, feed, target):
    wanted = {f"{key}_id": value.pk for key, value in target.items()}
    return address.feed == feed and all(
        getattr(address, key) == wanted.get(key) for key in ("article_id", "category_id", "tag_id")
    )
