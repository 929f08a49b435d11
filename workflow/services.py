"""Writes of the workflow: the state machine's steps (transitions.py), corrections and updates.

Each step checks the caller's role and the article's state itself, so the admin's buttons, a bulk
action and a forged request all meet the same rules; it saves, records a revision and a timeline
entry saying who did what, and tells the people concerned (notifications.py).
"""

import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from articles.models import Article

from . import policy
from .models import ArticleNote, StatusChange
from .notifications import notify_desk
from .transitions import TRANSITIONS, State, state_of


def _save(article, *, by, comment):
    article.full_clean()
    with reversion.create_revision():
        article.save()
        reversion.set_user(by)
        reversion.set_comment(comment)


def check_transition(name, *, article, by, note="", at=None, now=None):
    """The transition `name` if `by` may take it on `article` now with this note and time;
    otherwise PermissionDenied (the role) or ValidationError (the state, the note, the time)."""
    now = now or timezone.now()
    transition = TRANSITIONS.get(name)
    if transition is None:
        raise ValidationError("Unknown action.")
    state = state_of(article, at=now)
    if state not in transition.sources:
        raise ValidationError(
            f"“{article}” is {State(state).label.lower()} now: “{transition.label}” does not apply."
        )
    if not transition.allowed(by, article):
        raise PermissionDenied(f"You may not use “{transition.label}” on this article.")
    if transition.needs_note and not (note or "").strip():
        raise ValidationError("Write a note for the writer: what needs to change.")
    if transition.needs_time:
        if at is None:
            raise ValidationError("Choose the publication time to schedule it.")
        if at <= now:
            raise ValidationError("Choose a publication time in the future, or use Publish now.")
    return transition


@transaction.atomic
def take_transition(name, *, article, by, note="", at=None):
    """Take one step of the workflow (transitions.py): check it, apply it, record it in the
    timeline and in a revision, and tell the people concerned (batched, after commit)."""
    now = timezone.now()
    transition = check_transition(name, article=article, by=by, note=note, at=at, now=now)
    before = state_of(article, at=now)
    if transition.target == State.DRAFT:
        article.status = Article.Status.DRAFT
    elif transition.target == State.REVIEW:
        article.status = Article.Status.IN_REVIEW
    else:
        article.status = Article.Status.PUBLISHED
        article.published_at = at if transition.needs_time else now
        if article.updated_at and article.updated_at < article.published_at:
            article.updated_at = None  # an update cannot come before (re)publication
    done = transition.done
    if transition.needs_time:
        done += f" for {timezone.localtime(at):%Y-%m-%d %H:%M %Z}"
    _save(article, by=by, comment=f"{done}." + (f" Note: {note.strip()}" if note else ""))
    change = StatusChange.objects.create(
        article=article,
        action=transition.name,
        from_state=before,
        to_state=state_of(article, at=now),
        by=by,
        at=now,
        note=(note or "").strip(),
        publish_at=article.published_at if transition.target in PUBLISHING else None,
    )
    # robust: a mail server that is down must not undo or refuse the step.
    transaction.on_commit(notify_desk, robust=True)
    return change


PUBLISHING = {State.PUBLISHED, State.SCHEDULED}


def submit_for_review(*, article, by, note=""):
    return take_transition("submit", article=article, by=by, note=note)


def withdraw(*, article, by, note=""):
    return take_transition("withdraw", article=article, by=by, note=note)


def return_to_writer(*, article, by, note):
    return take_transition("return", article=article, by=by, note=note)


def publish_now(*, article, by, note=""):
    return take_transition("publish", article=article, by=by, note=note)


def schedule(*, article, by, at, note=""):
    return take_transition("schedule", article=article, by=by, at=at, note=note)


def unpublish(*, article, by, note=""):
    return take_transition("unpublish", article=article, by=by, note=note)


@transaction.atomic
def add_note(*, article, kind, text, by, at=None):
    """A dated correction or update; a live article shows "Updated" from that moment."""
    if not policy.can_edit_any(by):
        raise PermissionDenied("Only editors add corrections and updates.")
    note = ArticleNote(article=article, kind=kind, text=text, by=by)
    if at is not None:
        note.created_at = at
    note.full_clean()
    note.save()
    mark_updated(article=article, at=note.created_at)
    return note


def mark_updated(*, article, at):
    """Set the editorial "Updated" time (and so dateModified) if the article is already out."""
    if article.is_published(at=at):
        if article.updated_at is None or article.updated_at < at:
            article.updated_at = at
            # save(), not update(): post_save receivers (e.g. page-cache purges) hear of it.
            article.save(update_fields=["updated_at", "modified_at"])
