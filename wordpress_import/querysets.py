from django.db import models

# WordPress's query-string addresses worth answering: posts, categories, tags, feeds.
QUERY_KEYS = ("p", "cat", "tag", "feed")
MAX_ADDRESS_LENGTH = 500


def _storable(value):
    """Whether a value from a request may be looked up at all: PostgreSQL refuses NUL
    characters in text, and nothing longer than an address can be one."""
    return len(value) <= MAX_ADDRESS_LENGTH and "\x00" not in value


def normalise_path(path):
    """The form paths are stored in: decoded (as Django gives request.path), with one trailing
    slash (WordPress adds one). Decode a URL's path with `unquote` before."""
    path = path or "/"
    if not path.startswith("/"):
        path = "/" + path
    return path.rstrip("/") + "/"


class LegacyAddressQuerySet(models.QuerySet):
    def for_path(self, path):
        path = normalise_path(path)
        if not _storable(path):
            return None
        return self.filter(old_address=path).select_related("article", "category", "tag").first()

    def for_query(self, query):
        """`query` is request.GET; the first WordPress key present decides (`?p=7`)."""
        for key in QUERY_KEYS:
            value = query.get(key, "")
            if value and _storable(f"?{key}={value}"):
                found = (
                    self.filter(old_address=f"?{key}={value}")
                    .select_related("article", "category", "tag")
                    .first()
                )
                if found:
                    return found
        return None
