from django.db import models

from articles.models import Article


class HourlyReads(models.Model):
    """How many times an article was read in one hour (UTC, truncated). Only the count is
    kept: which reader, from where, is never recorded."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    hour = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name_plural = "hourly reads"
        constraints = [
            models.UniqueConstraint(fields=["article", "hour"], name="hourly_reads_once_per_hour")
        ]

    def __str__(self):
        return f"{self.article_id} @ {self.hour:%Y-%m-%d %H}:00: {self.count}"
