"""E-mails about the workflow, batched as the moderators' ones are (comments/services.py).

Editors hear that articles were submitted; a writer hears that theirs was returned (with the
note), published or scheduled. Sent after each step (throttled through the cache, so a busy hour
sends one e-mail per interval) and by `manage.py notify_desk` from cron, which sends what the
throttle held back. Each e-mail goes to one person: nobody ever sees another's address. A mail
server that is down never blocks a step (the caller runs this on commit, robustly); who was told
of which step is recorded per person (StatusChangeNotice), so the next run sends only to those a
failed send missed.
"""

import logging
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from .models import StatusChange, StatusChangeNotice

logger = logging.getLogger(__name__)
LOCK_KEY = "workflow:notify:lock"
EDITORS_GROUP = "Editors"
# Steps someone else must hear of: who hears is decided in _recipients().
NOTIFIED_ACTIONS = ["submit", "return", "publish", "schedule"]
# An address that keeps refusing is not tried for ever: news of a step this old is no news.
GIVE_UP_AFTER = timedelta(days=3)


def _editors():
    return list(
        get_user_model()
        .objects.filter(Q(groups__name=EDITORS_GROUP) | Q(is_superuser=True), is_active=True)
        .exclude(email="")
        .distinct()
    )


def _recipients(change, editors):
    """Who hears of `change`: never the person who took the step."""
    if change.action == "submit":
        people = editors
    else:
        author = change.article.author
        people = [author] if author and author.is_active and author.email else []
    return [person for person in people if person.pk != change.by_id]


def _line(change, base):
    url = base + reverse("admin:articles_article_change", args=[change.article_id])
    who = change.by.get_full_name() or change.by.get_username() if change.by else "someone"
    when = timezone.localtime(change.at)
    text = f"- {change.article.headline}\n  {change.label} by {who}, {when:%d %b %H:%M}"
    if change.action == "schedule" and change.publish_at:
        text += f", to go live {timezone.localtime(change.publish_at):%d %b %H:%M %Z}"
    if change.note:
        text += f"\n  Note: {change.note}"
    return f"{text}\n  {url}"


def notify_desk(*, force=False):
    """Send what the desk has not heard yet; returns how many steps were reported."""
    waiting = StatusChange.objects.filter(notified_at__isnull=True, action__in=NOTIFIED_ACTIONS)
    if not waiting.exists():
        return 0
    interval = settings.NEWSDESK["WORKFLOW_NOTIFY_INTERVAL_MINUTES"]
    if not force and not cache.add(LOCK_KEY, 1, timeout=interval * 60):
        return 0
    with transaction.atomic():
        changes = list(
            waiting.select_for_update(of=("self",)).select_related("article__author", "by")
        )
        editors = _editors() if any(c.action == "submit" for c in changes) else []
        already_told = set(
            StatusChangeNotice.objects.filter(change__in=changes).values_list("change", "user")
        )
        per_person = defaultdict(list)
        for change in changes:
            for person in _recipients(change, editors):
                if (change.pk, person.pk) not in already_told:
                    per_person[person].append(change)
        base = f"https://{Site.objects.get_current().domain}"
        now = timezone.now()
        notices: list[StatusChangeNotice] = []
        missed: set[int] = set()
        for person, theirs in per_person.items():
            if _send(person, theirs, base):
                notices += [StatusChangeNotice(change=c, user=person, sent_at=now) for c in theirs]
            else:
                missed.update(c.pk for c in theirs)
        StatusChangeNotice.objects.bulk_create(notices)
        # A step is done once everyone concerned heard; whoever a failed send missed is tried
        # again on the next run, and only they (the others are in StatusChangeNotice), until
        # the step is GIVE_UP_AFTER old.
        for change in changes:
            if change.pk in missed and change.at < now - GIVE_UP_AFTER:
                logger.warning("Gave up e-mailing the desk about workflow step %s", change.pk)
                missed.discard(change.pk)
        told = [c.pk for c in changes if c.pk not in missed]
        StatusChange.objects.filter(pk__in=told).update(notified_at=now)
    return len(told)


def _send(person, changes, base):
    site = settings.NEWSDESK["SITE_NAME"]
    submitted = [c for c in changes if c.action == "submit"]
    yours = [c for c in changes if c.action != "submit"]
    parts = []
    if submitted:
        parts.append(f"{len(submitted)} article(s) await your review:\n")
        parts += [_line(c, base) for c in submitted]
        queue = base + reverse("admin:index")
        parts.append(f"\nThe desk's queues: {queue}")
    if yours:
        if parts:
            parts.append("")
        parts.append("News of your articles:\n")
        parts += [_line(c, base) for c in yours]
    subject = (
        f"[{site}] {len(submitted)} article(s) to review"
        if submitted and not yours
        else f"[{site}] {yours[0].label}: {yours[0].article.headline}"
        if len(yours) == 1 and not submitted
        else f"[{site}] {len(changes)} workflow update(s)"
    )
    try:
        send_mail(subject, "\n".join(parts), from_email=None, recipient_list=[person.email])
    except Exception:  # a mail server down: log it, never fail the step that was taken
        logger.exception(
            "Could not e-mail user %s about %d workflow step(s)", person.pk, len(changes)
        )
        return False
    return True
