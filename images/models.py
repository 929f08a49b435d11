"""The image library: each picture once, with what readers and search engines are told about it,
and the resized copies (renditions) readers actually download.

This app imports no other app of the project: the core uses it (articles' lead images and body
figures), never the reverse.
"""

import functools

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from .orientation import oriented_size
from .querysets import ImageQuerySet, TrigramSearchIndex
from .validation import validate_image_file


class Image(models.Model):
    file = models.ImageField(
        upload_to="images/originals/%Y/%m/",
        validators=[validate_image_file],
        help_text="JPEG, PNG, WebP or GIF. Readers get resized copies, never this file.",
    )
    title = models.CharField(
        max_length=200, help_text="For finding the image in the library; readers do not see it."
    )
    alt_text = models.CharField(
        "alt text",
        max_length=250,
        help_text="What the image shows, for readers who cannot see it. Required.",
    )
    caption = models.CharField(max_length=300, blank=True)
    credit = models.CharField(
        max_length=150, blank=True, help_text='Who took or owns it, e.g. "Reuters/Jane Doe".'
    )
    # Where the subject is, as fractions of the width and height (0 left/top, 1 right/bottom);
    # empty means the centre. Kept for crops; renditions today keep the whole picture.
    focal_x = models.FloatField(
        "focal point x",
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="From 0 (left edge) to 1 (right edge). Empty: the centre.",
    )
    focal_y = models.FloatField(
        "focal point y",
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="From 0 (top) to 1 (bottom). Empty: the centre.",
    )
    # As readers see it (after the camera's EXIF orientation), stored so that pages reserve its
    # space without opening the file.
    width = models.PositiveIntegerField(default=0, editable=False)
    height = models.PositiveIntegerField(default=0, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # A copy of the stored renditions (the Rendition rows below, which stay the truth) as readers'
    # pages need them: [width, height, format, file name] each, by format then width. Pages read
    # it with the image, in the same row, instead of one more query for the rows; it is rewritten
    # in the transaction that makes or deletes rows (images/renditions.py, images/signals.py).
    # Empty in the database too for rows inserted without Django: their first page copies them.
    rendition_list = models.JSONField(default=list, db_default=[], blank=True, editable=False)

    objects = ImageQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        get_latest_by = "uploaded_at"
        indexes = [
            # The chooser's and the admin's search: a substring of the title, alt text, caption
            # or credit, case-insensitive (icontains is UPPER(...) LIKE UPPER('%q%')), through a
            # trigram index on PostgreSQL, so 100,000 images are not read one by one.
            TrigramSearchIndex(name="image_text_trgm_idx"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file and (not self.width or self._file_changed()):
            try:
                self.width, self.height = oriented_size(self.file)
            except (OSError, ValueError):
                pass  # not in storage (a dry run) or unreadable: sizes stay unknown (0)
        if not self._state.adding and kwargs.get("update_fields") is None:
            # The copy of the renditions is written by images/renditions.py alone, under a lock
            # on this row: saving what an editor changed never puts back the copy this instance
            # was read with (it may name renditions deleted since).
            deferred = self.get_deferred_fields()
            kwargs["update_fields"] = [name for name in EDITED_FIELDS if name not in deferred]
        super().save(*args, **kwargs)

    def _file_changed(self):
        return not getattr(self.file, "_committed", True)

    @property
    def aspect_ratio(self) -> float:
        return self.width / self.height if self.height else 1.0


# What Image.save() writes to a row already stored: every column but the renditions' copy.
EDITED_FIELDS = [
    field.attname
    for field in Image._meta.concrete_fields
    if not field.primary_key and field.name != "rendition_list"
]


class Rendition(models.Model):
    """A resized copy of an image at one width and format, made once and stored. Its file
    carries no metadata: no EXIF, so no camera serial number and no GPS position."""

    class Format(models.TextChoices):
        WEBP = "webp", "WebP"
        JPEG = "jpeg", "JPEG"

    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="renditions")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    format = models.CharField(max_length=4, choices=Format.choices)
    file = models.ImageField(upload_to="images/renditions/", width_field=None)
    size = models.PositiveIntegerField("bytes", default=0)

    class Meta:
        ordering = ["image", "format", "width"]
        constraints = [
            models.UniqueConstraint(
                fields=["image", "width", "format"], name="rendition_once_per_size"
            ),
        ]

    def __str__(self):
        return f"{self.image_id} {self.width}w {self.format}"

    @property
    def url(self):
        return rendition_url(self.file.name)

    @property
    def content_type(self):
        return f"image/{self.format}"


@functools.lru_cache(maxsize=50_000)
def rendition_url(name: str) -> str:
    """The storage's address of a rendition's file, worked out once per name and process: a
    list page's pictures ask for about 170 of them, and FileSystemStorage.url() parses and joins
    URLs each time (10-25 microseconds). Forgotten when the storage settings change
    (images/signals.py)."""
    return default_storage.url(name)
