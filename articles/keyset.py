"""Deep list pages by keyset ("older than this article"), not by OFFSET.

The first NUMBERED_PAGES pages of a category, tag, source or author keep their numbers
(`?page=3`): an OFFSET of a few hundred rows is cheap. Beyond them, "Older" links carry the
last article shown (`?before=<id>`) and "Newer" the first (`?after=<id>`): the database
seeks to that article's place in the (published_at, id) order through the index and reads
one page from there, so page 500 costs what page 1 costs, and a crawler following the links
sees pages that do not shift as news is published (a cursor page always starts at the same
article). A number beyond them (`?page=500`, an old link) is redirected to the last numbered
page (asking the database for the 10,000th row would scan); `?page=last` of a long list is
the oldest page, read from the other end of the same index.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.http import Http404

NUMBERED_PAGES = 10
CURSORS = ("before", "after")


@dataclass
class KeysetPage:
    """One page of a list reached by cursor: the parts of Django's Page the templates use."""

    object_list: list = field(default_factory=list)
    cursor: tuple[str, int] | None = None  # how it was asked for, for its canonical address
    newer_cursor: int | None = None
    older_cursor: int | None = None
    number = None

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def has_other_pages(self):
        return True

    def has_previous(self):
        return self.newer_cursor is not None

    def has_next(self):
        return self.older_cursor is not None


def requested_cursor(query) -> tuple[str, int] | None:
    """("before" | "after", article id) from the query string; None for a numbered page."""
    for name in CURSORS:
        value = query.get(name)
        if value is not None:
            if not re.fullmatch(r"[0-9]{1,12}", value):
                raise Http404("Not a page of this list.")
            return name, int(value)
    return None


def is_deep(number: str | None) -> bool:
    """Whether a `?page=` value is a number past the numbered pages."""
    return (
        number is not None
        and re.fullmatch(r"[0-9]{1,30}", number) is not None
        and int(number) > NUMBERED_PAGES
    )


def cursor_page(queryset: QuerySet, size: int, direction: str, pk: int) -> KeysetPage:
    """The `size` articles just older (before) or just newer (after) than article `pk`."""
    at = queryset.model._default_manager.filter(pk=pk).values_list("published_at", flat=True)
    anchor = at.first()
    if anchor is None:
        raise Http404("Not a page of this list.")
    page = _cursor_page(queryset, size, direction, pk, anchor)
    if not page.object_list:  # past either end, as Django's paginator says of page 0
        raise Http404("Not a page of this list.")
    return page


def _cursor_page(queryset, size, direction, pk, anchor) -> KeysetPage:
    if direction == "before":
        # `published_at <= anchor` is the index condition; the tie on id is a filter.
        older = queryset.filter(Q(published_at__lt=anchor) | Q(published_at=anchor, pk__lt=pk))
        rows = list(
            older.filter(published_at__lte=anchor).order_by("-published_at", "-pk")[: size + 1]
        )
        more_older = len(rows) > size
        rows = rows[:size]
        return KeysetPage(
            rows,
            cursor=(direction, pk),
            newer_cursor=rows[0].pk if rows else pk,
            older_cursor=rows[-1].pk if rows and more_older else None,
        )
    newer = queryset.filter(Q(published_at__gt=anchor) | Q(published_at=anchor, pk__gt=pk))
    rows = list(newer.filter(published_at__gte=anchor).order_by("published_at", "pk")[: size + 1])
    more_newer = len(rows) > size
    rows = rows[:size][::-1]
    return KeysetPage(
        rows,
        cursor=(direction, pk),
        newer_cursor=rows[0].pk if rows and more_newer else None,
        older_cursor=rows[-1].pk if rows else pk,
    )


def oldest_page(queryset: QuerySet, size: int) -> KeysetPage:
    """The last page of a long list: its oldest articles, from the index's other end."""
    rows = list(queryset.order_by("published_at", "pk")[:size])[::-1]
    return KeysetPage(rows, newer_cursor=rows[0].pk if rows else None)
