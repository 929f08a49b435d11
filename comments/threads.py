"""An article's approved comments, a page of threads at a time.

A page holds THREADS_PER_PAGE top-level comments, oldest first, each with all its replies, so a
conversation is never cut in two; an article with 10,000 comments serves pages of a normal
size. The page is `?comments=N` on the article's address; a link to a comment carries the page
its thread is on (Comment.get_absolute_url).

Queries: two. The outline of the article's approved comments (id, parent, nothing else, read
from an index) gives the threads, the counts and the page; then the page's comments in full.
A reply whose parent is no longer approved starts a thread of its own, as it always has.
"""

from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.conf import settings

PAGE_PARAMETER = "comments"
# Page numbers from the address are capped: each number is a fragment cache key.
LARGEST_PAGE_NUMBER = 10_000
SHOWN_FIELDS = ("id", "parent_id", "depth", "status", "name", "body", "created_at", "article_id")


def _comments():
    # Looked up, not imported: Comment.get_absolute_url uses this module (no import cycle).
    return apps.get_model("comments", "Comment").objects


def threads_per_page() -> int:
    return max(1, settings.NEWSDESK_COMMENTS["THREADS_PER_PAGE"])


def requested_page(raw) -> int:
    """The page number asked for in the address; anything odd is page 1."""
    try:
        number = int(str(raw))
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), LARGEST_PAGE_NUMBER)


@dataclass
class ThreadPage:
    number: int
    num_pages: int
    count: int
    roots: list = field(default_factory=list)

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def has_next(self):
        return self.number < self.num_pages

    @property
    def previous_page_number(self):
        return self.number - 1

    @property
    def next_page_number(self):
        return self.number + 1


def outline(article_id):
    """The approved comments' (id, parent id) in thread order, and each thread's root ids."""
    rows = list(
        _comments()
        .approved()
        .filter(article=article_id)
        .order_by("created_at", "id")
        .values_list("id", "parent_id")
    )
    approved = {pk for pk, _ in rows}
    roots = [pk for pk, parent in rows if parent not in approved]
    return rows, approved, roots


def thread_page(article, number: int) -> ThreadPage:
    per_page = threads_per_page()
    rows, approved, roots = outline(article.pk)
    num_pages = max(1, -(-len(roots) // per_page))
    number = min(number, num_pages)
    shown = set(roots[(number - 1) * per_page : number * per_page])
    # Replies come after their parents in time, so one pass in order finds every descendant.
    for pk, parent in rows:
        if parent in shown:
            shown.add(pk)
    comments: dict[int, Any] = {
        comment.pk: comment
        for comment in _comments()
        .filter(pk__in=shown)
        .order_by("created_at", "id")
        .only(*SHOWN_FIELDS)
    }
    page_roots: list[Any] = []
    for comment in comments.values():
        comment.thread_replies = []
    for comment in comments.values():
        parent = comments.get(comment.parent_id) if comment.parent_id in approved else None
        (parent.thread_replies if parent else page_roots).append(comment)
    return ThreadPage(number=number, num_pages=num_pages, count=len(rows), roots=page_roots)


def page_of(comment) -> int:
    """The page of its article's comments that shows `comment` (its thread's page)."""
    rows, approved, roots = outline(comment.article_id)
    parents = dict(rows)
    root = comment.pk
    while parents.get(root) in approved:
        root = parents[root]
    position = roots.index(root) if root in roots else 0
    return position // threads_per_page() + 1
