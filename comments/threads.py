"""An article's approved comments, a page of threads at a time.

A page holds up to THREADS_PER_PAGE top-level comments, oldest first, each with all its replies,
so a conversation is never cut in two; it ends earlier before a thread that would take it past
COMMENTS_PER_PAGE comments, so an article with 10,000 comments, however its replies fall, serves
pages of a normal size. The page is `?comments=N` on the article's address; a link to a comment carries the page
its thread is on (Comment.get_absolute_url).

Queries: two. The outline of the article's approved comments (id, parent, nothing else, read
from an index) gives the threads, the counts and the page; then the page's comments in full.
One when the article's stored count says its comments fit on two pages: all of them in full.
A reply whose parent is no longer approved starts a thread of its own, as it always has.
The page's comments are read as rows into ShownComment, not as model instances.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.conf import settings

PAGE_PARAMETER = "comments"
# Page numbers from the address are capped: each number is a fragment cache key.
LARGEST_PAGE_NUMBER = 10_000
# What a page of threads shows of each comment, in ShownComment's order.
SHOWN_FIELDS = ("id", "parent_id", "depth", "name", "body", "created_at")


def _comments():
    # Looked up, not imported: Comment.get_absolute_url uses this module (no import cycle).
    return apps.get_model("comments", "Comment").objects


def threads_per_page() -> int:
    return max(1, settings.NEWSDESK_COMMENTS["THREADS_PER_PAGE"])


def comments_per_page() -> int:
    return max(1, settings.NEWSDESK_COMMENTS["COMMENTS_PER_PAGE"])


def read_in_full_up_to() -> int:
    """Up to this many, all of an article's comments read in full (one query) cost less than
    their outline and then a page's (two, the second with a page's ids as parameters): at 183
    comments on PostgreSQL, 3,100 Python calls and 1.9 ms against 6,550 calls and 3.2 ms."""
    return 2 * comments_per_page()


def requested_page(raw) -> int:
    """The page number asked for in the address; anything odd is page 1."""
    try:
        number = int(str(raw))
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), LARGEST_PAGE_NUMBER)


@dataclass(slots=True)
class ShownComment:
    """An approved comment as a page of threads shows it (comments/rendering.py writes it).

    A row read with values_list(), not a Comment: building model instances (deferred fields,
    signals' bookkeeping, a state object each) took several times as long as reading the rows
    on a page of a hundred comments. Every one is approved: the query says so."""

    pk: int
    parent_id: int | None
    depth: int
    name: str
    body: str
    created_at: datetime
    thread_replies: list["ShownComment"] = field(default_factory=list)
    # Set by the approved_comments template tag from the comment policy.
    can_reply: bool = False


def _shown(rows) -> list[ShownComment]:
    return [ShownComment(*row) for row in rows]


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
    return _outline_of(
        _comments()
        .approved()
        .filter(article=article_id)
        .order_by("created_at", "id")
        .values_list("id", "parent_id")
    )


def _outline_of(rows):
    rows = list(rows)
    approved = {pk for pk, _ in rows}
    roots = [pk for pk, parent in rows if parent not in approved]
    return rows, approved, roots


def pages_of_threads(rows, approved, roots) -> list[list[int]]:
    """The roots of each page: threads in order, a page closed at THREADS_PER_PAGE threads or
    before a thread that would take it past COMMENTS_PER_PAGE comments."""
    root_set = set(roots)
    root_of: dict[int, int] = {}
    sizes = dict.fromkeys(roots, 0)
    for pk, parent in rows:
        root = pk if pk in root_set else root_of.get(parent)
        if root is not None:
            root_of[pk] = root
            sizes[root] += 1
    per_page, most_comments = threads_per_page(), comments_per_page()
    pages: list[list[int]] = [[]]
    total = 0
    for root in roots:
        page = pages[-1]
        if page and (len(page) >= per_page or total + sizes[root] > most_comments):
            pages.append([])
            total = 0
        pages[-1].append(root)
        total += sizes[root]
    return pages


def thread_page(article, number: int) -> ThreadPage:
    in_full = _all_in_full(article)
    if in_full is not None:
        rows, approved, roots = _outline_of((comment.pk, comment.parent_id) for comment in in_full)
    else:
        rows, approved, roots = outline(article.pk)
    pages = pages_of_threads(rows, approved, roots)
    number = min(number, len(pages))
    shown = set(pages[number - 1])
    # Replies come after their parents in time, so one pass in order finds every descendant.
    for pk, parent in rows:
        if parent in shown:
            shown.add(pk)
    if in_full is None:
        in_full = _shown(
            # Approved again: one rejected since the outline was read is not shown.
            _comments()
            .approved()
            .filter(pk__in=shown)
            .order_by("created_at", "id")
            .values_list(*SHOWN_FIELDS)
        )
    comments = {comment.pk: comment for comment in in_full if comment.pk in shown}
    page_roots: list[ShownComment] = []
    for comment in comments.values():
        parent_id = comment.parent_id
        parent = (
            comments.get(parent_id) if parent_id is not None and parent_id in approved else None
        )
        (parent.thread_replies if parent else page_roots).append(comment)
    return ThreadPage(number=number, num_pages=len(pages), count=len(rows), roots=page_roots)


def _all_in_full(article) -> list[ShownComment] | None:
    """All of the article's approved comments, read in full at once, when its stored count
    (Article.comment_count, comments/counts.py) says there are at most read_in_full_up_to():
    one query, not the outline and then the page. The count only picks the way to read: were it stale, a page
    would cost more time, never miss a comment."""
    if "comment_count" in article.get_deferred_fields():
        return None
    if article.comment_count > read_in_full_up_to():
        return None
    return _shown(
        _comments()
        .approved()
        .filter(article_id=article.pk)
        .order_by("created_at", "id")
        .values_list(*SHOWN_FIELDS)
    )


def page_of(comment) -> int:
    """The page of its article's comments that shows `comment` (its thread's page)."""
    rows, approved, roots = outline(comment.article_id)
    parents = dict(rows)
    root = comment.pk
    while parents.get(root) in approved:
        root = parents[root]
    for number, page in enumerate(pages_of_threads(rows, approved, roots), start=1):
        if root in page:
            return number
    return 1
