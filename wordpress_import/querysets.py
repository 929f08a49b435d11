from urllib.parse import unquote

from django.db import models

# WordPress's query-string addresses worth answering: posts, categories, tags, feeds.
QUERY_KEYS = ("p", "cat", "tag", "feed")
MAX_ADDRESS_LENGTH = 500


def normalise_path(path):
    """The form paths are stored in: decoded, with one trailing slash (WordPress adds one)."""
    path = unquote(path or "/")
    if not path.startswith("/"):
        path = "/" + path
    return path.rstrip("/") + "/"


class LegacyAddressQuerySet(models.QuerySet):
    def for_path(self, path):
        path = normalise_path(path)
        if len(path) > MAX_ADDRESS_LENGTH:
            return None
        return self.filter(old_address=path).select_related("article", "category", "tag").first()

    def for_query(self, query):
        """`query` is request.GET; the first WordPress key present decides (`?p=7`)."""
        for key in QUERY_KEYS:
            value = query.get(key, "")
            if value and len(value) < 200:
                found = (
                    self.filter(old_address=f"?{key}={value}")
                    .select_related("article", "category", "tag")
                    .first()
                )
                if found:
                    return found
        return None
