"""A list of comments as HTML, built in Python: the markup of every `<li class="comment">`.

This was a template included once per comment (and once per reply, recursively). On a page of
a hundred comments the template engine's per-include work (a context push, a lookup per
variable, a filter call each) was most of the article page's time with the fragment cache
cold; this builds the same markup, byte for byte, escaping every value as autoescaping did. tests/comments/test_comment_markup.py
pins the markup.
"""

import re

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape, escape, urlize
from django.utils.safestring import mark_safe

from articles.dates import isoformat, shown_time

LINK_REL = 'rel="nofollow ugc noopener"'

# What urlize() can make a link of: a scheme, "www.", an e-mail address or one of its bare
# domains. Text without any of them is only escaped: urlize() tests every word against its
# patterns, and that was a third of a long comment page's rendering.
MAYBE_LINK = re.compile(r"://|www\.|@|\.(?:com|edu|gov|int|mil|net|org)\b", re.IGNORECASE)

PENDING_BADGE = '<span class="comment__badge">Awaiting moderation</span>'


def comment_text(text):
    """A commenter's plain text as HTML: escaped, links clickable, line breaks kept."""
    if MAYBE_LINK.search(text):
        # urlize escapes everything that is not a link it makes, so the only tags in its
        # output are its own <a href="..."> links (a commenter's "<a" arrives as "&lt;a").
        html = urlize(text, trim_url_limit=60, nofollow=False, autoescape=True)
        html = html.replace("<a href=", f"<a {LINK_REL} href=")
    else:
        html = escape(text)
    html = html.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")
    return mark_safe(html)  # noqa: S308 - escaped by urlize above


def comment_list(comments, *, pending=False, comments_open=False, reply_address=""):
    """The `<li>` of each comment, its replies (`comment.thread_replies`, from
    comments.threads.thread_page) nested in theirs.

    `pending`: this browser's own comments awaiting moderation, badged and never offered a
    reply link. A reply link shows only while comments are open and `comment.can_reply`
    (set by the approved_comments tag from the comment policy); it points at `reply_address`.
    """
    return _comments(comments, pending, comments_open, conditional_escape(reply_address))


def _comments(comments, pending, comments_open, reply_address):
    return mark_safe(  # noqa: S308 - every value escaped in _comment
        "".join(_comment(comment, pending, comments_open, reply_address) for comment in comments)
    )


def _comment(comment, pending, comments_open, reply_address):
    # Every value is escaped once here, as autoescaping did; the whitespace is the old
    # template's, kept so that no page's bytes changed.
    pk = conditional_escape(comment.pk)
    name = conditional_escape(comment.name)
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
            f"{_comments(replies, pending, comments_open, reply_address)}\n    </ol>\n  "
        )
    return (
        f'<li class="comment{" comment--pending" if pending else ""}" id="comment-{pk}">\n'
        f'  <article aria-label="Comment by {name}">\n'
        '    <header class="comment__meta">\n'
        f'      <span class="comment__author">{name}</span>\n'
        f'      <time datetime="{conditional_escape(isoformat(comment.created_at))}">'
        f"{conditional_escape(shown_time(comment.created_at))}</time>\n"
        f"      {PENDING_BADGE if pending else ''}\n"
        "    </header>\n"
        f'    <div class="comment__body">{comment_text(comment.body)}</div>\n'
        f"    {reply_link}\n"
        "  </article>\n"
        f"  {nested}\n"
        "</li>\n"
    )


# The comment form's widgets, written out as Django's own widget templates write them
# (django/forms/widgets/input.html, textarea.html, attrs.html): seven template renders a page
# were a tenth of a short article's rendering. Any other template goes to Django's renderer.
# Those the comment form uses, each `{% include "django/forms/widgets/input.html" %}`.
INPUT_TEMPLATES = {
    f"django/forms/widgets/{name}.html" for name in ("text", "email", "hidden", "checkbox")
}
TEXTAREA_TEMPLATE = "django/forms/widgets/textarea.html"


class WidgetRenderer(DjangoTemplates):
    """Django's default form renderer, with the plain input and textarea widgets in Python.

    The markup is the templates' to the byte: tests/comments/test_comment_markup.py compares
    every widget of the comment form, bound and unbound, with what the templates give."""

    def render(self, template_name, context, request=None):
        if template_name in INPUT_TEMPLATES:
            return mark_safe(_input(context["widget"]))  # noqa: S308 - escaped in _input
        if template_name == TEXTAREA_TEMPLATE:
            return mark_safe(_textarea(context["widget"]))  # noqa: S308 - escaped in _textarea
        return super().render(template_name, context, request)


# One for the process: a renderer's template engine is built on first use and kept.
WIDGET_RENDERER = WidgetRenderer()


def _attrs(attrs):
    # {% if value is not False %} {{ name }}{% if value is not True %}="{{ value|stringformat:'s' }}"
    return "".join(
        f" {conditional_escape(name)}"
        + ("" if value is True else f'="{conditional_escape(str(value))}"')
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget):
    value = widget["value"]
    shown = "" if value is None else f' value="{conditional_escape(str(value))}"'
    return (
        f'<input type="{conditional_escape(widget["type"])}" name="{conditional_escape(widget["name"])}"'
        f"{shown}{_attrs(widget['attrs'])}>"
    )


def _textarea(widget):
    value = widget["value"]
    return (
        f'<textarea name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>\n'
        f"{conditional_escape(value) if value else ''}</textarea>"
    )
