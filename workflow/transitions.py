"""The one state machine of an article: which actions exist, from which state, and who may take each.

States are what the desk talks about: Draft, In review, Scheduled (published, time to come) and
Published (live). The stored `status` has three values; "scheduled" and "published" both store
Published and differ by the publication time, so the state is derived (`state_of`).

The admin's buttons, its bulk actions, the dashboard and the services all read TRANSITIONS; a
forged POST meets the same table. A plain table rather than django-fsm: the transitions live in
the workflow app (the core `articles` must not import it), several depend on the time as well as
the stored status, and django-reversion must stay free to write the status field when restoring.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.utils import timezone

from articles.models import Article

from . import policy


class State(models.TextChoices):
    DRAFT = "draft", "Draft"
    REVIEW = "review", "In review"
    SCHEDULED = "scheduled", "Scheduled"
    PUBLISHED = "published", "Published"


def state_of(article, *, at=None):
    if article.status == Article.Status.DRAFT:
        return State.DRAFT
    if article.status == Article.Status.IN_REVIEW:
        return State.REVIEW
    return State.SCHEDULED if article.is_scheduled(at=at) else State.PUBLISHED


def start_as_draft(article):
    """The initial state of a new article: a Draft with no publication time, which only the
    Publish and Schedule steps set (whatever the form or a copied article carried)."""
    article.status = Article.Status.DRAFT
    article.published_at = None


def _is_author(user, article):
    return article.author_id is not None and article.author_id == user.pk


@dataclass(frozen=True)
class Transition:
    name: str
    label: str  # the button
    done: str  # the confirmation and the timeline ("Submitted for review")
    sources: tuple  # states it starts from
    target: str  # the state it leads to (Published becomes Scheduled with a future time)
    allowed: Callable  # (user, article) -> bool, on top of the source state
    needs_note: bool = False
    needs_time: bool = False
    style: str = ""  # "primary" or "danger" for the button


TRANSITIONS = {
    t.name: t
    for t in [
        Transition(
            "submit",
            "Submit for review",
            "Submitted for review",
            (State.DRAFT,),
            State.REVIEW,
            lambda user, article: policy.can_submit(user, article),
            style="primary",
        ),
        Transition(
            "withdraw",
            "Withdraw from review",
            "Withdrawn from review",
            (State.REVIEW,),
            State.DRAFT,
            _is_author,
        ),
        Transition(
            "return",
            "Return to writer",
            "Returned to the writer",
            (State.REVIEW,),
            State.DRAFT,
            lambda user, article: policy.can_publish(user) and not _is_author(user, article),
            needs_note=True,
        ),
        Transition(
            "publish",
            "Publish now",
            "Published",
            (State.DRAFT, State.REVIEW, State.SCHEDULED),
            State.PUBLISHED,
            lambda user, article: policy.can_publish(user),
            style="primary",
        ),
        Transition(
            "schedule",
            "Schedule",
            "Scheduled",
            (State.DRAFT, State.REVIEW, State.SCHEDULED),
            State.SCHEDULED,
            lambda user, article: policy.can_publish(user),
            needs_time=True,
        ),
        Transition(
            "unpublish",
            "Unpublish",
            "Unpublished",
            (State.SCHEDULED, State.PUBLISHED),
            State.DRAFT,
            lambda user, article: policy.can_publish(user),
            style="danger",
        ),
    ]
}


def available(user, article, *, at=None):
    """The transitions `user` may take on `article` now, in the table's order."""
    state = state_of(article, at=at or timezone.now())
    return [t for t in TRANSITIONS.values() if state in t.sources and t.allowed(user, article)]
