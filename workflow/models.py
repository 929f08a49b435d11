"""Corrections and updates readers see, and the old addresses of articles whose slug changed."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from articles.models import Article


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
