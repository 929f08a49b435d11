"""A list of comments as HTML, built in Python: the markup of every `<li class="comment">`.

This was a template included once per comment (and once per reply, recursively). On a page of
a hundred comments the template engine's per-include work (a context push, a lookup per
variable, a filter call each) was most of the article page's time with the fragment cache
cold; this builds the same markup, byte for byte, escaping every value as autoescaping did. tests/comments/test_comment_markup.py
pins the markup.
"""

import re
from html import escape as html_escape

from django.utils.html import urlize
from django.utils.safestring import mark_safe

from articles.dates import TimesInZone
from articles.widget_markup import escaped

LINK_REL = 'rel="nofollow ugc noopener"'

# What urlize() can make a link of: a scheme, "www.", an e-mail address or one of its bare
# domains. Text without any of them is only escaped: urlize() tests every word against its
# patterns, and that was a third of a long comment page's rendering.
MAYBE_LINK = re.compile(r"://|www\.|@|\.(?:com|edu|gov|int|mil|net|org)\b", re.IGNORECASE)

PENDING_BADGE = '<span class="comment__badge">Awaiting moderation</span>'


# What html.escape() changes: most values (ids, labels, names) have none of it.
def comment_text(text):
    """A commenter's plain text as HTML: escaped, links clickable, line breaks kept."""
    if MAYBE_LINK.search(text):
        # urlize escapes everything that is not a link it makes, so the only tags in its
        # output are its own <a href="..."> links (a commenter's "<a" arrives as "&lt;a").
        html = urlize(text, trim_url_limit=60, nofollow=False, autoescape=True)
        html = html.replace("<a href=", f"<a {LINK_REL} href=")
    else:
        html = html_escape(text)
    html = html.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")
    return mark_safe(html)  # noqa: S308 - escaped by urlize above


def comment_list(comments, *, pending=False, comments_open=False, reply_address=""):
    """The `<li>` of each comment, its replies (`comment.thread_replies`, from
    comments.threads.thread_page) nested in theirs.

    `pending`: this browser's own comments awaiting moderation, badged and never offered a
    reply link. A reply link shows only while comments are open and `comment.can_reply`
    (set by the approved_comments tag from the comment policy); it points at `reply_address`.
    """
    return _comments(comments, pending, comments_open, escaped(reply_address), TimesInZone())


def _comments(comments, pending, comments_open, reply_address, times):
    return mark_safe(  # noqa: S308 - every value escaped in _comment
        "".join(
            _comment(comment, pending, comments_open, reply_address, times) for comment in comments
        )
    )


def _comment(comment, pending, comments_open, reply_address, times):
    # Every value is escaped once here, as autoescaping did; the whitespace is the old
    # template's, kept so that no page's bytes changed.
    pk = escaped(comment.pk)
    name = escaped(comment.name)
    reply_link = ""
    if not pending and comments_open and getattr(comment, "can_reply", False):
        reply_link = (
            f'\n      <p class="comment__reply"><a href="{reply_address}?reply_to={pk}"'
            f' data-reply-to="{pk}" data-reply-name="{name}" rel="nofollow">Reply'
            f'<span class="visually-hidden"> to {name}</span></a></p>\n    '
        )
    # Only a page of approved threads has replies in place; a pending comment has none.
    replies = getattr(comment, "thread_replies", None)
    nested = ""
    if replies:
        nested = (
            '\n    <ol class="comment-list comment-list--replies">\n      '
            f"{_comments(replies, pending, comments_open, reply_address, times)}\n    </ol>\n  "
        )
    return (
        f'<li class="comment{" comment--pending" if pending else ""}" id="comment-{pk}">\n'
        f'  <article aria-label="Comment by {name}">\n'
        '    <header class="comment__meta">\n'
        f'      <span class="comment__author">{name}</span>\n'
        f'      <time datetime="{escaped(times.isoformat(comment.created_at))}">'
        f"{escaped(times.shown_time(comment.created_at))}</time>\n"
        f"      {PENDING_BADGE if pending else ''}\n"
        "    </header>\n"
        f'    <div class="comment__body">{comment_text(comment.body)}</div>\n'
        f"    {reply_link}\n"
        "  </article>\n"
        f"  {nested}\n"
        "</li>\n"
    )
