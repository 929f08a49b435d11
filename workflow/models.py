"""Corrections and updates readers see, and the old addresses of articles whose slug changed."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from articles.models import Article

from .transitions import State


class ArticleNote(models.Model):
    """A dated correction or update, shown at the foot of the article."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", "Correction"
        UPDATE = "update", "Update"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.CORRECTION)
    text = models.TextField(
        max_length=2000,
        help_text="Plain text, shown to readers as written: say what was wrong and what is right.",
    )
    created_at = models.DateTimeField("date", default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    class Meta:
        # The table keeps the name it had when the model lived in the articles app.
        db_table = "articles_articlenote"
        ordering = ["created_at", "id"]
        get_latest_by = "created_at"
        verbose_name = "correction or update"
        verbose_name_plural = "corrections and updates"

    def __str__(self):
        return f"{self.get_kind_display()}, {self.created_at:%d %B %Y}"


class ArticleRedirect(models.Model):
    """An address an article had once: /news/<old_slug>/ answers 301 to the article's current URL.

    Pointing at the article (not at the next slug) collapses chains by construction:
    A -> B -> C leaves both A and B pointing at the article, whose URL is C.
    """

    old_slug = models.SlugField(max_length=200, unique=True)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="old_slugs")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "articles_articleredirect"
        ordering = ["-created_at"]

    def __str__(self):
        return f"/news/{self.old_slug}/ → {self.article}"


class StatusChange(models.Model):
    """One step of an article through the workflow: who took which action, when, from which state
    to which, and why. The article's timeline, the dashboard's queues and the desk's e-mails read
    these rows; services.take_transition is the only writer."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="status_changes")
    action = models.CharField(max_length=20)
    from_state = models.CharField(max_length=10, choices=State.choices)
    to_state = models.CharField(max_length=10, choices=State.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True, max_length=2000)
    publish_at = models.DateTimeField(
        null=True, blank=True, help_text="The publication time set by Publish or Schedule."
    )
    notified_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the last of the people concerned was e-mailed about it.",
    )

    class Meta:
        ordering = ["at", "pk"]
        get_latest_by = "at"
        verbose_name = "workflow step"
        indexes = [
            models.Index(fields=["article", "at"], name="statuschange_article_at_idx"),
            models.Index(
                fields=["at"],
                condition=models.Q(notified_at__isnull=True),
                name="statuschange_unnotified_idx",
            ),
        ]

    def __str__(self):
        return f"{self.label}: {self.article}"

    @property
    def label(self):
        from .transitions import TRANSITIONS

        transition = TRANSITIONS.get(self.action)
        return transition.done if transition else self.action.capitalize()


class StatusChangeNotice(models.Model):
    """That one person was e-mailed about one step: a failed send to one editor is retried for
    that editor alone, without telling the others twice (workflow/notifications.py)."""

    change = models.ForeignKey(StatusChange, on_delete=models.CASCADE, related_name="notices")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "workflow e-mail"
        constraints = [
            models.UniqueConstraint(fields=["change", "user"], name="statuschangenotice_once"),
        ]

    def __str__(self):
        return f"{self.change} → user {self.user_id}"
