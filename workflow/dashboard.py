"""The desk's queues on the admin index: what waits for whom, oldest or soonest first.

Each panel is a few rows and a link to the same list in full (the article list, filtered), so
the dashboard stays one screen whatever the backlog. Queries: one per panel, each on an index.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from articles.models import Article

from . import policy
from .models import StatusChange

ROWS = 8
# Waiting since the last step; an article in review from before steps were recorded has none,
# and its last change stands in (the same on SQLite and PostgreSQL, which sort NULLs apart).
WAITING_SINCE = Coalesce("last_action_at", "modified_at").asc()


@dataclass
class Panel:
    key: str
    title: str
    empty: str
    url: str
    rows: list = field(default_factory=list)
    total: int | None = 0
    more: bool = False


def _changelist(**filters):
    return f"{reverse('admin:articles_article_changelist')}?{urlencode(filters)}"


def with_last_change(queryset):
    """Annotate the latest workflow step: its action, time, author and note (one subquery each,
    all on the StatusChange (article, at) index)."""
    latest = StatusChange.objects.filter(article=OuterRef("pk")).order_by("-at", "-pk")
    return queryset.annotate(
        last_action=Subquery(latest.values("action")[:1]),
        last_action_at=Subquery(latest.values("at")[:1]),
        last_action_note=Subquery(latest.values("note")[:1]),
    )


def _panel(key, title, empty, url, queryset, *, count=True):
    rows = list(queryset[: ROWS + 1])
    panel = Panel(key, title, empty, url, rows[:ROWS])
    panel.more = len(rows) > ROWS
    # Count only when there is more than a screenful: the usual case costs no COUNT query. A
    # queue is counted (how much waits is the point); the archive of published articles is not
    # (a count of every live article would read them all, for a number nobody acts on).
    if not panel.more:
        panel.total = len(rows)
    elif count:
        panel.total = queryset.count()
    else:
        panel.total = None
    return panel


def panels_for(user, *, now=None):
    now = now or timezone.now()
    articles = with_last_change(Article.objects.select_related("author"))
    panels = []
    if policy.can_publish(user):
        panels += [
            _panel(
                "review",
                "In review",
                "Nothing waits for review.",
                _changelist(state="review"),
                articles.filter(status=Article.Status.IN_REVIEW).order_by(WAITING_SINCE, "pk"),
            ),
            _panel(
                "scheduled",
                "Scheduled",
                "Nothing is scheduled.",
                _changelist(state="scheduled"),
                articles.scheduled(at=now).order_by("published_at", "pk"),
            ),
            _panel(
                "published",
                "Recently published",
                "Nothing published yet.",
                _changelist(state="live"),
                articles.published(at=now).order_by("-published_at", "-pk"),
                count=False,
            ),
        ]
    if user.has_perm("articles.add_article"):
        mine = articles.filter(author=user, status=Article.Status.DRAFT)
        panels += [
            _panel(
                "returned",
                "Returned to me",
                "Nothing has come back to you.",
                _changelist(state="draft", last_step="return", author__id__exact=user.pk),
                mine.filter(last_action="return").order_by("-last_action_at"),
            ),
            _panel(
                "drafts",
                "My drafts",
                "No drafts.",
                _changelist(state="draft", author__id__exact=user.pk),
                mine.order_by("-modified_at"),
            ),
        ]
        if not policy.can_publish(user):
            panels.append(
                _panel(
                    "mine-in-review",
                    "Mine in review",
                    "None of yours waits for review.",
                    _changelist(state="review", author__id__exact=user.pk),
                    articles.filter(author=user, status=Article.Status.IN_REVIEW).order_by(
                        WAITING_SINCE, "pk"
                    ),
                )
            )
    return panels
