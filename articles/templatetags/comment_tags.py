"""Template helpers for readers' comments (code in articles/comments/)."""

from django import template
from django.utils.html import urlize
from django.utils.safestring import mark_safe

from ..comments.forms import CommentForm
from ..comments.models import Comment
from ..comments.pending import pending_ids
from ..comments.policy import CommentPolicy

register = template.Library()

LINK_REL = 'rel="nofollow ugc noopener"'


@register.filter(is_safe=True)
def comment_text(text):
    """A commenter's plain text as HTML: escaped, links clickable, line breaks kept."""
    # urlize escapes everything that is not a link it makes, so the only tags in its output
    # are its own <a href="..."> links (a commenter's "<a" arrives as "&lt;a").
    html = urlize(text, trim_url_limit=60, nofollow=False, autoescape=True)
    html = html.replace("<a href=", f"<a {LINK_REL} href=")
    html = html.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")
    return mark_safe(html)  # noqa: S308 - escaped by urlize above


@register.simple_tag(takes_context=True)
def comment_section(context, article):
    """What the comments section shows, in one query (two for a browser with pending ones).

    The approved comments are the same for everyone; a browser's own pending comments are
    only looked up when it carries the pending cookie, which makes the page uncacheable.
    """
    policy = CommentPolicy()
    approved = list(
        Comment.objects.approved()
        .filter(article=article)
        .only("id", "parent_id", "depth", "status", "name", "body", "created_at", "article_id")
    )
    by_id = {comment.pk: comment for comment in approved}
    roots = []
    for comment in approved:
        comment.thread_replies = []
        comment.can_reply = policy.can_reply_to(comment)
    for comment in approved:
        parent = by_id.get(comment.parent_id)
        (parent.thread_replies if parent else roots).append(comment)

    pending = []
    request = context.get("request")
    ids = pending_ids(request) if request is not None else []
    if ids:
        pending = list(Comment.objects.pending().filter(article=article, pk__in=ids))
        if not pending:
            # All moderated: the middleware drops the cookie, and the page is cacheable again.
            request.comments_pending_done_path = article.get_absolute_url()
    return {
        "roots": roots,
        "count": len(approved),
        "pending": pending,
        "open": policy.comments_open(article),
        "form": CommentForm(article=article, policy=policy),
    }


@register.simple_tag
def pending_comment_count():
    return Comment.objects.pending().count()
