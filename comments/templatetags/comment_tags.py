"""Template helpers for readers' comments (the comments app's, loaded with {% load comment_tags %})."""

from django import template
from django.db.models import Count, Min, Q
from django.urls import reverse

from comments import form_markup
from comments.forms import CommentForm
from comments.models import Comment
from comments.pending import pending_ids
from comments.policy import CommentPolicy
from comments.rendering import comment_list
from comments.threads import PAGE_PARAMETER, requested_page, thread_page

register = template.Library()

# A list of comments and their replies, in one call rather than a template per comment.
register.simple_tag(comment_list, name="comment_list")


@register.simple_tag(takes_context=True)
def comments_page_number(context):
    """The page of comments the address asks for (?comments=N), as a number: a cache key."""
    request = context.get("request")
    return requested_page(request.GET.get(PAGE_PARAMETER) if request is not None else None)


@register.simple_tag
def approved_comments(article, page_number=1, comments_open=None):
    """What every reader's comments section shows: a page of approved threads and the form.

    The same for everyone, so the article template caches it with the article's fragments;
    moderation bumps the content version (articles/fragments.py) to show a decision at once.
    `comments_open`: as the section's cache key has it (comments_are_open), not worked out twice.
    """
    policy = CommentPolicy()
    if comments_open is None:
        comments_open = policy.comments_open(article)
    page = thread_page(article, page_number)
    for root in page.roots:
        for comment in _thread(root):
            # A page of threads shows approved comments only (threads.ShownComment).
            comment.can_reply = policy.replies_allowed_at(comment.depth)
    return {
        "roots": page.roots,
        # Every reply link's address, reversed once for the page, not once per comment.
        "reply_address": reverse("comments:post", args=[article.slug]),
        "page": page,
        "page_parameter": PAGE_PARAMETER,
        "count": page.count,
        "open": comments_open,
        "form": CommentForm(article=article, policy=policy) if comments_open else None,
    }


def _thread(comment):
    yield comment
    for reply in comment.thread_replies:
        yield from _thread(reply)


@register.simple_tag(takes_context=True)
def comment_form(
    context, form, article, *, reply_to=None, token_from_script=False, heading_level=3, closed=False
):
    """The comment form (comments/form_markup.py). `token_from_script`: on the cacheable
    article page, no CSRF token in the HTML (comments.js fetches one); elsewhere the request's
    token is written in place, as {% csrf_token %} writes it."""
    return form_markup.comment_form(
        form,
        action=reverse("comments:post", args=[article.slug]),
        token_url=reverse("comments:token"),
        csrf_token=None if token_from_script else context.get("csrf_token", ""),
        heading_level=heading_level,
        reply_to=reply_to,
        closed=closed,
    )


@register.simple_tag
def comments_are_open(article):
    return CommentPolicy().comments_open(article)


@register.simple_tag(takes_context=True)
def pending_comments(context, article):
    """This browser's own comments awaiting moderation: only looked up when it carries the
    pending cookie, which also makes the page uncacheable (articles/caching.py)."""
    request = context.get("request")
    ids = pending_ids(request) if request is not None else []
    if not ids:
        return []
    pending = list(Comment.objects.pending().filter(article=article, pk__in=ids))
    if not pending:
        # All moderated: the middleware drops the cookie, and the page is cacheable again.
        request.comments_pending_done_path = article.get_absolute_url()
    return pending


@register.simple_tag
def pending_comment_count():
    return Comment.objects.pending().count()


@register.simple_tag
def moderation_summary():
    """The dashboard's comment queue: how many wait, how many are suspects, since when."""
    summary = Comment.objects.pending().aggregate(
        count=Count("pk"),
        suspects=Count("pk", filter=Q(is_spam_suspect=True)),
        oldest=Min("created_at"),
    )
    summary["url"] = reverse("admin:comments_comment_changelist") + "?status__exact=pending"
    return summary
