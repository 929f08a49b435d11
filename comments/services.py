"""Writes with side effects: posting a comment, moderating, replying from the desk, telling
moderators (and, through notifications.py, commenters).

Moderation is a conditional UPDATE (`... WHERE status <> target`): when two moderators act on
the same comment at once, or one approves twice, the database changes it once and records
the first moderator; the other gets "nothing changed".
"""

import logging
from email.utils import parseaddr

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from articles.invalidation import article_shown_changed, editors_lists_changed
from articles.xml_text import validate_xml_text

from .counts import ID_SLICE, recount_comments
from .models import BlockedTerm, Comment
from .notifications import notify_commenters
from .policy import CommentPolicy
from .roles import MODERATORS

logger = logging.getLogger(__name__)
NOTIFY_LOCK_KEY = "comments:notify:lock"


@transaction.atomic
def post_comment(
    *,
    article,
    name,
    email,
    body,
    parent=None,
    ip_address=None,
    user_agent="",
    notify_on_approval=False,
):
    """Store a reader's comment, pending; spam suspects are flagged for the queue."""
    policy = CommentPolicy()
    reasons = policy.spam_reasons(
        name=name,
        email=email,
        body=body,
        ip_address=ip_address,
        blocked_terms=list(BlockedTerm.objects.all()),
    )
    comment = Comment(
        article=article,
        parent=parent,
        depth=parent.depth + 1 if parent else 1,
        name=name,
        email=email,
        body=body,
        status=Comment.Status.PENDING,
        is_spam_suspect=bool(reasons),
        spam_reasons="; ".join(reasons)[:300],
        ip_address=ip_address,
        user_agent=user_agent[:300],
        notify_on_approval=notify_on_approval,
    )
    comment.full_clean()
    comment.save()
    # robust: a mail server that is down must not turn a saved comment into an error page.
    transaction.on_commit(notify_moderators, robust=True)
    return comment


def moderate_comments(*, comments, status, moderator):
    """Set `status` on those of `comments` (a queryset) not already in it; returns how many."""
    if status not in Comment.Status.values or status == Comment.Status.PENDING:
        raise ValueError(f"Cannot moderate to {status!r}")
    with transaction.atomic():
        to_change = comments.exclude(status=status)
        article_ids = set(to_change.values_list("article_id", flat=True))
        changed = to_change.update(
            status=status, moderated_by=moderator, moderated_at=timezone.now()
        )
        if changed:
            # An UPDATE sends no post_save: recount and tell the cached pages explicitly. Only
            # the article's own page: cards elsewhere catch up with the count when they expire.
            recount_comments(article_ids)
            article_shown_changed(article_ids)
            editors_lists_changed()
            if status == Comment.Status.APPROVED:
                # Commenters who asked to hear of it; robust: never undo a decision over mail.
                transaction.on_commit(notify_commenters, robust=True)
    return changed


def return_to_queue(*, comment):
    """Back to pending: no decision stands any more, and readers must stop seeing it."""
    with transaction.atomic():
        Comment.objects.filter(pk=comment.pk).update(
            status=Comment.Status.PENDING, moderated_by=None, moderated_at=None
        )
        recount_comments([comment.article_id])
        article_shown_changed([comment.article_id])
        editors_lists_changed()


def approve_comment(*, comment, moderator):
    return _moderate_one(comment, Comment.Status.APPROVED, moderator)


def reject_comment(*, comment, moderator):
    return _moderate_one(comment, Comment.Status.REJECTED, moderator)


def mark_comment_spam(*, comment, moderator):
    return _moderate_one(comment, Comment.Status.SPAM, moderator)


def _moderate_one(comment, status, moderator):
    changed = moderate_comments(
        comments=Comment.objects.filter(pk=comment.pk), status=status, moderator=moderator
    )
    comment.refresh_from_db(fields=["status", "moderated_by", "moderated_at"])
    return bool(changed)


@transaction.atomic
def reply_as_staff(*, comment, by, body):
    """The desk answers a comment from the queue: the reply is published at once, under the
    staff member's name, and a pending comment it answers is approved with it (a reply under
    an invisible comment would make no sense to readers)."""
    policy = CommentPolicy()
    body = (body or "").strip()
    if not body:
        raise ValidationError("Write the reply first.")
    validate_xml_text(body)  # refused as in every editor field (images/xml_text.py)
    if len(body) > policy.body_max_length:
        raise ValidationError(f"A reply can be at most {policy.body_max_length} characters.")
    if comment.status in (Comment.Status.REJECTED, Comment.Status.SPAM):
        raise ValidationError("Approve the comment first: it is not shown to readers.")
    if comment.depth >= policy.max_depth:
        raise ValidationError("This conversation is too deep for more replies.")
    was_pending = comment.status == Comment.Status.PENDING
    if was_pending:
        moderate_comments(
            comments=Comment.objects.filter(pk=comment.pk),
            status=Comment.Status.APPROVED,
            moderator=by,
        )
    now = timezone.now()
    reply = Comment(
        article=comment.article,
        parent=comment,
        depth=comment.depth + 1,
        name=(by.get_full_name() or by.get_username())[:80],
        email=by.email or parseaddr(settings.DEFAULT_FROM_EMAIL)[1],
        body=body,
        status=Comment.Status.APPROVED,
        moderated_by=by,
        moderated_at=now,
        notified_at=now,  # nothing for the moderators to hear about
    )
    reply.full_clean()
    reply.save()  # post_save of an approved comment refreshes the readers' fragments
    return reply


def moderator_emails():
    users = get_user_model().objects.filter(
        Q(groups__name=MODERATORS) | Q(is_superuser=True), is_active=True
    )
    emails = {email for email in users.values_list("email", flat=True) if email}
    emails.update(settings.NEWSDESK_COMMENTS["NOTIFY_EMAILS"])
    return sorted(emails)


def notify_moderators(*, force=False):
    """Email moderators about comments they have not heard of yet, at most once per interval.

    Called after each new comment (throttled through the cache, so a flood sends one email)
    and by `manage.py notify_moderators` from cron, which picks up what the throttle held back.
    Returns the number of comments reported.
    """
    policy = CommentPolicy()
    waiting = Comment.objects.pending().filter(notified_at__isnull=True)
    if not waiting.exists():
        return 0
    recipients = moderator_emails()
    if not recipients:
        return 0
    if not force and not cache.add(NOTIFY_LOCK_KEY, 1, timeout=policy.notify_interval_minutes * 60):
        return 0
    with transaction.atomic():
        # Marked only if a mail went out: when every send fails, the next run tries again.
        ids = list(waiting.select_for_update().values_list("pk", flat=True))
        if not ids:
            return 0
        # In slices: a flood can leave more ids than one statement may carry as parameters
        # (65,535 with prepared statements, settings.DATABASE_PREPARED_STATEMENTS).
        slices = [
            Comment.objects.filter(pk__in=ids[start : start + ID_SLICE])
            for start in range(0, len(ids), ID_SLICE)
        ]
        sent = _send_notification(
            count=len(ids),
            suspects=sum(new.filter(is_spam_suspect=True).count() for new in slices),
            total_pending=Comment.objects.pending().count(),
            recipients=recipients,
        )
        if not sent:
            return 0
        now = timezone.now()
        for new in slices:
            new.update(notified_at=now)
    return len(ids)


def _send_notification(*, count, suspects, total_pending, recipients):
    """One message per recipient, so nobody sees another's address; returns how many went out."""
    # Commenters' text, names, emails and addresses stay out of the mail: counts and a link.
    queue = "https://{}{}?status__exact=pending".format(
        Site.objects.get_current().domain, reverse("admin:comments_comment_changelist")
    )
    lines = [
        f"{count} new comment(s) await moderation ({suspects} flagged as spam suspects).",
        f"Pending in total: {total_pending}.",
        "",
        f"Moderation queue: {queue}",
    ]
    sent = 0
    for address in recipients:
        try:
            send_mail(
                subject=f"[{settings.NEWSDESK['SITE_NAME']}] {count} comment(s) to moderate",
                message="\n".join(lines),
                from_email=None,
                recipient_list=[address],
            )
        except Exception:  # one refused address must not keep the others uninformed
            logger.exception("Could not e-mail a moderator about %d comment(s)", count)
        else:
            sent += 1
    return sent
