from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.functional import cached_property
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from images.body import responsive_body

from .addresses import slug_address
from .labels import labels_of
from .querysets import ArticleQuerySet
from .sanitize import sanitize_body_html
from .search_document import TEXT_FIELDS, PortableGinIndex, weighted_vector
from .slugs import validate_slug


class Category(models.Model):
    class Kind(models.TextChoices):
        TOPIC = "topic", "Topic"
        REGION = "region", "Region"
        FORMAT = "format", "Kind of story"

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(
        max_length=100, unique=True, allow_unicode=True, validators=[validate_slug]
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.TOPIC)
    description = models.TextField(blank=True, help_text="Shown at the top of the category page.")
    position = models.PositiveSmallIntegerField(
        default=100, help_text="Lower numbers come first in the site navigation."
    )
    show_on_home = models.BooleanField(
        "section on the home page",
        default=False,
        help_text="Tick to give this category its own section on the home page "
        "(in navigation order). With none ticked, the first four categories get one.",
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_address("articles:category", self.slug)


class Source(models.Model):
    """The agency or outlet credited for an article, e.g. Voice of America."""

    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(
        max_length=150, unique=True, allow_unicode=True, validators=[validate_slug]
    )
    url = models.URLField("website", blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_address("articles:source", self.slug)


class TaggedArticle(TaggedItemBase):
    content_object = models.ForeignKey("Article", on_delete=models.CASCADE)

    class Meta:
        indexes = [
            # A tag's articles, newest first (tag pages, related articles, the tag sitemap).
            models.Index(fields=["tag", "-content_object"], name="tagged_article_recent_idx"),
            # An article's tags, and whether it has one (related articles' scores).
            models.Index(fields=["content_object", "tag"], name="tagged_article_tags_idx"),
        ]


# Kept by the site, not written by editors: saving only these is no edit (edit_version).
NOT_EDITED_FIELDS = {"search_vector", "comment_count", "modified_at", "edit_version"}


# The stubs cannot follow taggit's through model to name its reverse manager.
class Article(models.Model):  # type: ignore[django-manager-missing]
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "review", "In review"
        PUBLISHED = "published", "Published"

    headline = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        allow_unicode=True,
        validators=[validate_slug],
        help_text="The article's address; keep it once published.",
    )
    standfirst = models.TextField(
        max_length=400,
        help_text="One or two sentences under the headline; also the summary in feeds and search.",
    )
    body = models.TextField(
        help_text="Headings, lists, links, quotes and images from the library: the toolbar has "
        "them all (Alt+F10 moves to it). Pasted text keeps its structure, not its styling."
    )
    byline = models.CharField(max_length=200, blank=True, help_text='e.g. "Newsdesk staff".')
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        help_text="The agency or outlet credited for this story, if any.",
    )
    categories = models.ManyToManyField(Category, related_name="articles")
    primary_category = models.ForeignKey(
        Category,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The one section this story belongs to: its label on cards, its breadcrumb and "
        "its section in search engines. Pick one of the categories above; empty means the first.",
    )
    author_profile = models.ForeignKey(
        "AuthorProfile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name="staff author",
        help_text="The journalist credited in the byline, linked to their author page. "
        "Leave empty for wire copy credited to its source.",
    )
    tags = TaggableManager(through=TaggedArticle, blank=True)

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "publication time",
        null=True,
        blank=True,
        db_index=True,
        help_text="Readers see the article from this moment on, once its status is Published. "
        "A future time schedules it.",
    )
    updated_at = models.DateTimeField(
        "updated",
        null=True,
        blank=True,
        help_text="Set when you change the substance of a published story; readers see "
        '"Updated" with this time. Leave empty for typo fixes.',
    )
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)

    # PROTECT: deleting a library image that leads articles would take the picture off their
    # published pages without a word; the admin lists those articles instead, to re-illustrate.
    lead_image = models.ForeignKey(
        "images.Image",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lead_of",
        help_text="From the image library; its alt text, caption and credit come with it.",
    )

    comments_open = models.BooleanField(
        default=True, help_text="Untick to close comments on this article."
    )
    # Kept by the comments app (comments/counts.py) whenever a comment is approved, un-approved
    # or deleted, so cards show it without counting comments per request.
    comment_count = models.PositiveIntegerField("approved comments", default=0, editable=False)
    is_lead = models.BooleanField(
        "pin as lead story",
        default=False,
        help_text="Tick to put this article at the top of the home page. If several are "
        "pinned, the most recently published wins; with none, the newest article leads.",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        help_text="The account that created the article; writers may edit only their own drafts.",
    )

    # Raised by every save that can change what editors wrote (the admin, the workflow's steps,
    # a restored revision): a form carries the number it was opened with, and a save from a form
    # older than the article is refused (workflow/collisions.py), never a silent overwrite.
    edit_version = models.PositiveIntegerField(default=0, editable=False)

    # The weighted text search document (articles/search_document.py), stored so that search
    # reads it instead of recomputing every match's vector; written on each save (PostgreSQL
    # only: SQLite's search does not use it). Bulk writes call refresh_search_vectors().
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        get_latest_by = "published_at"
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_visible_idx"),
            # The home page's pinned lead story: a handful of rows, found without a scan.
            models.Index(
                fields=["-published_at"], condition=Q(is_lead=True), name="article_pinned_lead_idx"
            ),
            PortableGinIndex(fields=["search_vector"], name="article_search_idx"),
            # The sitemaps' lastmod: the newest update, one index entry (few articles have one).
            models.Index(
                fields=["-updated_at"],
                condition=Q(updated_at__isnull=False),
                name="article_updated_idx",
            ),
        ]
        # Roles (workflow/policy.py): Writers lack both, Editors have both.
        permissions = [
            ("publish_article", "Can publish, schedule and unpublish articles"),
            ("edit_any_article", "Can edit anyone's article in any state, and restore revisions"),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or set(update_fields) - NOT_EDITED_FIELDS:
            self.edit_version += 1
            if update_fields is not None:
                kwargs["update_fields"] = update_fields = {*update_fields, "edit_version"}
        text_changed = update_fields is None or set(update_fields) & set(TEXT_FIELDS)
        self.derive_fields(search_vector=bool(text_changed))
        vector_written = isinstance(self.__dict__.get("search_vector"), models.Expression)
        if update_fields is not None and vector_written:
            kwargs["update_fields"] = {*update_fields, "search_vector"}
        try:
            super().save(*args, **kwargs)
        finally:
            self.forget_search_vector_expression()

    def get_absolute_url(self):
        return slug_address("articles:detail", self.slug)

    def derive_fields(self, *, search_vector=True):
        """What every write derives from the instance (save(), and ArticleQuerySet.insert_quietly
        for writes in bulk): the sanitised body, "now" for a published article without a time,
        and on PostgreSQL the stored search vector, computed by the database from the values
        being written, in the same statement."""
        self.body = sanitize_body_html(self.body)
        # Publishing without a time means "now"; a future time schedules the article.
        if self.status == self.Status.PUBLISHED and not self.published_at:
            self.published_at = timezone.now()
        if connection.vendor == "postgresql" and search_vector:
            self.search_vector = weighted_vector(
                *(models.Value(getattr(self, name)) for name in TEXT_FIELDS)
            )

    def forget_search_vector_expression(self):
        if isinstance(self.__dict__.get("search_vector"), models.Expression):
            # The stored value is read back only if someone asks for it.
            del self.__dict__["search_vector"]

    def clean(self):
        if self.lead_image is not None and not self.lead_image.alt_text.strip():
            raise ValidationError(
                {
                    "lead_image": "This image has no alt text: describe it for readers who "
                    "cannot see it (in the image library), or choose another."
                }
            )
        if self.updated_at and self.published_at and self.updated_at < self.published_at:
            raise ValidationError({"updated_at": "An update cannot come before publication."})

    def is_published(self, *, at=None):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= (at or timezone.now())
        )

    def is_scheduled(self, *, at=None):
        """Published with a publication time still to come: readers will see it by themselves."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > (at or timezone.now())
        )

    # An article page shows its categories and tags in several places (labels, tag list, meta
    # tags, JSON-LD, related articles): fetched once per instance, both in one query
    # (articles/labels.py), and only when one is shown.
    @cached_property
    def category_list(self):
        return self._labels.categories

    @cached_property
    def tag_list(self):
        return self._labels.tags

    @cached_property
    def _labels(self):
        return labels_of(self)

    @cached_property
    def body_html(self):
        """The body readers get, sanitised here whatever wrote the row: save() sanitises too,
        but a queryset update(), a fixture, a revision restore or an import bypasses save().
        Sanitising is a fixed point, so clean bodies come out unchanged."""
        # Its library images become responsive pictures (images/body.py: one query per body).
        return responsive_body(sanitize_body_html(self.body))

    @property
    def section(self):
        """The category a card labels and a breadcrumb names. Kept among the article's categories
        (the first, unless the editor chose another) by articles/signals.py, so no query here."""
        return self.primary_category if self.primary_category_id else None

    @property
    def last_changed_at(self):
        """When readers last saw a change: the update time if any, else publication."""
        return self.updated_at or self.published_at


class RelatedLink(models.Model):
    """An editor's choice of another article to show under this one, in order."""

    from_article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="related_links"
    )
    to_article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="+", verbose_name="related article"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["from_article", "to_article"], name="related_link_once_per_pair"
            ),
            models.CheckConstraint(
                condition=~Q(from_article=F("to_article")), name="related_link_not_to_itself"
            ),
        ]

    def __str__(self):
        return f"{self.from_article} → {self.to_article}"

    def clean(self):
        if self.from_article_id and self.from_article_id == self.to_article_id:
            raise ValidationError({"to_article": "An article cannot be related to itself."})


from .authors import AuthorProfile  # noqa: E402, F401  (staff profiles, in their own module)
