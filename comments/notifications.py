"""Telling a commenter that their comment appeared, when they asked to be told.

Batched as the moderators' e-mails are: after each approval (on commit, robustly: a mail server
that is down never blocks moderation) at most once per interval and address, and by
`manage.py notify_moderators` from cron, which also sends what the interval held back. One e-mail per address, to that address alone, listing its newly approved comments;
every e-mail carries a one-click unsubscribe (a signed link, and RFC 8058's List-Unsubscribe-Post
so mail programs offer their own button).
"""

import hashlib
import logging
from collections import defaultdict

from django.conf import settings
from django.contrib.sites.models import Site
from django.core import signing
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from .models import Comment
from .policy import CommentPolicy

logger = logging.getLogger(__name__)
UNSUBSCRIBE_SALT = "comments.unsubscribe"


def unsubscribe_token(comment):
    """A link that stops e-mails to this comment's address; it names no address itself."""
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(comment.pk))


def comment_from_token(token):
    try:
        value = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    except signing.BadSignature:
        return None
    return Comment.objects.filter(pk=int(value)).first() if value.isdigit() else None


def unsubscribe(comment):
    """No more "your comment appeared" e-mails to this comment's address (until its owner ticks
    the box again on a new comment); returns how many comments were still waiting to be told."""
    return Comment.objects.filter(
        email__iexact=comment.email, notify_on_approval=True, approval_notified_at__isnull=True
    ).update(notify_on_approval=False)


def _lock_key(address):
    # Hashed: no address in the cache's keys (nor a key too long or odd for memcached).
    return "comments:commenter-notify:" + hashlib.sha256(address.encode()).hexdigest()


def notify_commenters(*, force=False):
    """E-mail each commenter whose comments were approved since the last run, at most once per
    NOTIFY_INTERVAL_MINUTES per address (a moderator approving three of one person's comments,
    one click each, sends one e-mail; the cron run sends the rest once the interval is over);
    returns how many comments were announced."""
    waiting = Comment.objects.approved().filter(
        notify_on_approval=True, approval_notified_at__isnull=True
    )
    if not waiting.exists():
        return 0
    base = f"https://{Site.objects.get_current().domain}"
    interval = CommentPolicy().notify_interval_minutes * 60
    announced = []
    with transaction.atomic():
        comments = list(waiting.select_for_update(of=("self",)).select_related("article"))
        per_address = defaultdict(list)
        for comment in comments:
            per_address[comment.email.casefold()].append(comment)
        for address, theirs in per_address.items():
            if not force and not cache.add(_lock_key(address), 1, timeout=interval):
                continue  # told less than an interval ago: these wait for a later run
            if _send(theirs, base):
                announced += [c.pk for c in theirs]
            else:
                cache.delete(_lock_key(address))  # nothing went out: the next run may try
        Comment.objects.filter(pk__in=announced).update(approval_notified_at=timezone.now())
    return len(announced)


def _send(comments, base):
    site = settings.NEWSDESK["SITE_NAME"]
    unsubscribe_url = base + reverse(
        "comments:unsubscribe", kwargs={"token": unsubscribe_token(comments[0])}
    )
    lines = [f"Hello {comments[0].name},", ""]
    if len(comments) == 1:
        lines.append("Your comment now appears on the site:")
    else:
        lines.append(f"Your {len(comments)} comments now appear on the site:")
    for comment in comments:
        lines += ["", f"- {comment.article.headline}", f"  {base}{comment.get_absolute_url()}"]
    lines += [
        "",
        "You asked to be told when it appeared; we will not write again about these comments.",
        f"To stop all such e-mails: {unsubscribe_url}",
    ]
    message = EmailMessage(
        subject=f"[{site}] Your comment is published",
        body="\n".join(lines),
        to=[comments[0].email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    try:
        message.send()
    except Exception:  # never let the mail server undo a moderation decision
        logger.exception("Could not tell a commenter that %d comment(s) appeared", len(comments))
        return False
    return True
