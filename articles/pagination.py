"""Pagination that does not count the whole list on every request.

A category of a large archive holds tens of thousands of articles; counting them for "Page 1
of N" on each request costs more than the page itself. The count is kept in the shared cache
for COUNT_SECONDS under the list's query (its times left out: "published by now" changes every
request), so it is computed once in that time. A count a few articles behind only shifts where
the last page ends, for a few minutes.
"""

import hashlib
from datetime import datetime

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property

from . import cache_tags

COUNT_SECONDS = 600


class CachedCountPaginator(Paginator):
    # Editors' lists must show an edit's effect at once: their counts also follow a version
    # that every save of an article or a comment bumps (cache_tags.EDITORS_LISTS).
    follows_edits = False

    @cached_property
    def count(self):
        query = getattr(self.object_list, "query", None)
        if query is None:
            return super().count
        try:
            sql, params = query.sql_with_params()
        except EmptyResultSet:  # .none(): nothing to count
            return 0
        stable = [param for param in params if not isinstance(param, datetime)]
        digest = hashlib.sha256(f"{sql}|{stable!r}".encode()).hexdigest()[:32]
        version = cache_tags.fingerprint([cache_tags.EDITORS_LISTS]) if self.follows_edits else 0
        key = f"newsdesk:count:{version}:{digest}"
        count = cache.get(key)
        if count is None:
            count = super().count
            cache.set(key, count, COUNT_SECONDS)
        return count

    def page(self, number):
        """A page of per_page rows, never cut short by a count that is a few minutes old."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        return Page(self.object_list[bottom : bottom + self.per_page], number, self)


class EditorsCountPaginator(CachedCountPaginator):
    follows_edits = True
