"""Readers' comments, held for moderation, and the desk's block list."""

import ipaddress

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Upper
from django.urls import reverse


class CommentQuerySet(models.QuerySet):
    def approved(self):
        """The one definition of "visible to readers" for comments."""
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def with_commenter_history(self):
        """Annotate each comment with its commenter's record here: approved, rejected and spam
        comments from the same e-mail address (email_approved ...) and the same IP address
        (ip_approved ...), in the same query (correlated counts on the two indexes)."""
        counts = {}
        # An address is one commenter whatever its case (Bob@Example.org, bob@example.org), as
        # the notifications and the data export take it (email__iexact).
        for key, lookup, field in [
            ("email", "email__iexact", "email"),
            ("ip", "ip_address", "ip_address"),
        ]:
            for status in (Comment.Status.APPROVED, Comment.Status.REJECTED, Comment.Status.SPAM):
                same = (
                    Comment.objects.filter(**{lookup: OuterRef(field), "status": status})
                    .order_by()
                    .values("status")
                    .annotate(n=Count("pk"))
                    .values("n")
                )
                counts[f"{key}_{status}"] = Coalesce(Subquery(same), 0)
        return self.annotate(**counts)


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        SPAM = "spam", "Spam"

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replies",
        help_text="The approved comment this one replies to.",
    )
    depth = models.PositiveSmallIntegerField(
        default=1, help_text="1 for a comment, 2 for a reply to it, and so on."
    )
    name = models.CharField(max_length=80)
    email = models.EmailField(help_text="Never shown to readers.")
    body = models.TextField("comment", help_text="Plain text; shown escaped, links made clickable.")
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    is_spam_suspect = models.BooleanField(
        "spam suspect",
        default=False,
        help_text="Set by the spam policy (too many links, block list); never shown until approved.",
    )
    spam_reasons = models.CharField(max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(
        "IP address", null=True, blank=True, help_text="Purged after the retention period."
    )
    user_agent = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    notified_at = models.DateTimeField(
        null=True, blank=True, help_text="When moderators were emailed about this comment."
    )
    notify_on_approval = models.BooleanField(
        "tell me when it appears",
        default=False,
        help_text="The commenter asked for one e-mail when this comment is approved.",
    )
    approval_notified_at = models.DateTimeField(
        null=True, blank=True, help_text="When the commenter was told that it appeared."
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        # The tables keep the names they had when the models lived in the articles app.
        db_table = "articles_comment"
        ordering = ["created_at", "id"]
        get_latest_by = "created_at"
        indexes = [
            models.Index(fields=["article", "status", "created_at"], name="comment_article_idx"),
            # The moderation queue (a status, oldest first), its date drill-down, the bounded
            # search window and the capped counts per status, all from one index.
            models.Index(fields=["status", "created_at", "id"], name="comment_queue_idx"),
            # The moderation queue counts each commenter's record by e-mail and by address.
            # (The e-mail whatever its case: what email__iexact compares on PostgreSQL.)
            models.Index(Upper("email"), "status", name="comment_email_ci_status_idx"),
            models.Index(fields=["ip_address", "status"], name="comment_ip_status_idx"),
            # The outline of an article's comments (comments/threads.py), from the index alone.
            models.Index(
                fields=["article", "status", "created_at", "id", "parent"],
                name="comment_outline_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(depth__gte=1), name="comment_depth_positive"),
        ]

    def __str__(self):
        excerpt = " ".join(self.body.split())[:60]
        return f"{self.name}: {excerpt}"

    def get_absolute_url(self):
        """The article's page of comments that shows this one, at the comment."""
        from .threads import PAGE_PARAMETER, page_of

        address = reverse("articles:detail", kwargs={"slug": self.article.slug})
        page = page_of(self) if self.status == self.Status.APPROVED else 1
        query = f"?{PAGE_PARAMETER}={page}" if page > 1 else ""
        return f"{address}{query}#comment-{self.pk}"


class BlockedTerm(models.Model):
    """An entry of the block list: matching comments are held as spam suspects."""

    class Kind(models.TextChoices):
        WORD = "word", "Word or phrase (name or text)"
        EMAIL = "email", "Email address, or @domain"
        IP = "ip", "IP address or network (CIDR)"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    value = models.CharField(
        max_length=200,
        help_text="Words match whole words, any case. Emails match exactly, or a whole domain "
        'written "@example.com". IPs match an address or a network such as 203.0.113.0/24.',
    )
    note = models.CharField(max_length=200, blank=True, help_text="Why it is blocked.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "articles_blockedterm"
        ordering = ["kind", "value"]
        verbose_name = "blocked term"
        constraints = [
            models.UniqueConstraint(fields=["kind", "value"], name="blocked_term_once"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.value}"

    def clean(self):
        self.value = self.value.strip()
        if self.kind == self.Kind.IP:
            try:
                ipaddress.ip_network(self.value, strict=False)
            except ValueError as error:
                raise ValidationError({"value": "Enter an IP address or a network."}) from error
        elif self.kind == self.Kind.EMAIL:
            self.value = self.value.lower()
