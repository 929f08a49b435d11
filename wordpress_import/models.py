"""What the import remembers: WordPress IDs of what it made, and the old site's addresses.

The ID tables make a second run update rather than duplicate; LegacyAddress answers the old
site's links with a 301 to their new home (wordpress_import/middleware.py).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article, AuthorProfile, Category

from .querysets import LegacyAddressQuerySet


class ImportedPost(models.Model):
    """A WordPress post that became this article; keyed by its ID, with its GUID to tell two
    sites' posts of the same ID apart."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, related_name="wordpress_origin"
    )
    wp_post_id = models.PositiveBigIntegerField("WordPress post ID", unique=True)
    guid = models.CharField("WordPress GUID", max_length=500)
    fingerprint = models.CharField(
        max_length=64, help_text="Of the post as exported: unchanged means nothing to update."
    )
    missing_images = models.PositiveSmallIntegerField(
        default=0, help_text="Images not found at the last run: the next run looks again."
    )
    lead_attachment_id = models.PositiveBigIntegerField(null=True, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "imported post"
        ordering = ["wp_post_id"]

    def __str__(self):
        return f"WordPress post {self.wp_post_id} → {self.article}"


class ImportedComment(models.Model):
    comment = models.OneToOneField(
        "comments.Comment", on_delete=models.CASCADE, related_name="wordpress_origin"
    )
    wp_comment_id = models.PositiveBigIntegerField("WordPress comment ID", unique=True)
    fingerprint = models.CharField(max_length=64)

    class Meta:
        ordering = ["wp_comment_id"]

    def __str__(self):
        return f"WordPress comment {self.wp_comment_id}"


class ImportedAuthor(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    wp_login = models.CharField("WordPress login", max_length=200, unique=True)
    profile = models.ForeignKey(
        AuthorProfile,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The staff profile (author page) credited in this author's bylines.",
    )
    fingerprint = models.CharField(
        max_length=64,
        blank=True,
        help_text="Of the author as exported: unchanged means the profile is left as edited.",
    )

    class Meta:
        ordering = ["wp_login"]

    def __str__(self):
        return f"WordPress author {self.wp_login}"


class ImportedTerm(models.Model):
    """A WordPress category or tag (by its decoded slug) and what it became."""

    class Taxonomy(models.TextChoices):
        CATEGORY = "category", "Category"
        TAG = "post_tag", "Tag"

    taxonomy = models.CharField(max_length=10, choices=Taxonomy.choices)
    wp_slug = models.CharField("WordPress slug", max_length=200)
    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    fingerprint = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["taxonomy", "wp_slug"]
        constraints = [
            models.UniqueConstraint(fields=["taxonomy", "wp_slug"], name="imported_term_once"),
        ]

    def __str__(self):
        return f"WordPress {self.taxonomy} {self.wp_slug}"


class ImportedFile(models.Model):
    """A file of wp-content/uploads, by its path there, and where it is stored now."""

    wp_path = models.CharField("path under wp-content/uploads", max_length=500, unique=True)
    stored_name = models.CharField(max_length=500)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["wp_path"]

    def __str__(self):
        return self.wp_path


class LegacyAddress(models.Model):
    """An address of the old site: its path (`/2024/03/12/radar-upgrade/`, decoded) or its
    query (`?p=7`), and what it leads to now. Followed only while the target is visible."""

    class Feed(models.TextChoices):
        NONE = "", "Page"
        RSS = "rss", "RSS feed"
        ATOM = "atom", "Atom feed"

    old_address = models.CharField(max_length=500, unique=True)
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    feed = models.CharField(max_length=4, choices=Feed.choices, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = LegacyAddressQuerySet.as_manager()

    class Meta:
        verbose_name = "old WordPress address"
        verbose_name_plural = "old WordPress addresses"
        ordering = ["old_address"]
        constraints = [
            # One target at most; none means the site's home feed (/feed/).
            models.CheckConstraint(
                condition=(
                    Q(article__isnull=True, category__isnull=True, tag__isnull=True)
                    | Q(article__isnull=False, category__isnull=True, tag__isnull=True)
                    | Q(article__isnull=True, category__isnull=False, tag__isnull=True)
                    | Q(article__isnull=True, category__isnull=True, tag__isnull=False)
                ),
                name="legacy_address_one_target",
            ),
        ]

    def __str__(self):
        return f"{self.old_address} → {self.target_url() or '(hidden)'}"

    def target_url(self):
        """Where the old address leads now, or None when readers may not see it."""
        article, category, tag = self.article, self.category, self.tag
        if article is not None:
            # is_published() is the model's side of Article.objects.published().
            return article.get_absolute_url() if article.is_published() else None
        if category is not None:
            names = {"rss": "category-feed", "atom": "category-feed-atom"}
            name = names.get(self.feed, "category")
            return reverse(f"articles:{name}", kwargs={"slug": category.slug})
        if tag is not None:
            names = {"rss": "tag-feed", "atom": "tag-feed-atom"}
            name = names.get(self.feed, "tag")
            return reverse(f"articles:{name}", kwargs={"slug": tag.slug})
        return reverse("articles:feed-atom" if self.feed == "atom" else "articles:feed")
