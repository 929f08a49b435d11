from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class BannerQuerySet(models.QuerySet):
    def live(self, *, at=None):
        """Banners readers see now: started and not yet expired."""
        at = at or timezone.now()
        return self.filter(starts_at__lte=at, expires_at__gt=at)


class BreakingNews(models.Model):
    text = models.CharField(
        max_length=200,
        help_text='One line, e.g. "North Korea fires ballistic missile over Japan". '
        "Readers see it at the top of every page at once.",
    )
    link = models.CharField(
        max_length=300,
        blank=True,
        help_text="Where the banner leads: an article address such as /news/slug/, "
        "or a full https:// address. Empty: no link.",
    )
    starts_at = models.DateTimeField("show from", default=timezone.now)
    expires_at = models.DateTimeField(
        "show until", help_text="The banner disappears by itself at this time."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BannerQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-id"]
        get_latest_by = "starts_at"
        verbose_name = "breaking-news banner"
        indexes = [models.Index(fields=["expires_at", "starts_at"], name="breaking_live_idx")]

    def __str__(self):
        return self.text

    def clean(self):
        if self.starts_at and self.expires_at and self.expires_at <= self.starts_at:
            raise ValidationError({"expires_at": "The banner must end after it starts."})
        link = self.link.strip()
        if link and not link.startswith(("/", "https://", "http://")):
            raise ValidationError(
                {"link": "Use an address on this site (/news/...) or a full https:// address."}
            )

    def is_live(self, *, at=None):
        at = at or timezone.now()
        return self.starts_at <= at < self.expires_at
