"""Staff profiles: the people credited in bylines, each with a page of their articles."""

from django.db import models

from .addresses import slug_address
from .slugs import validate_slug


class AuthorProfile(models.Model):
    """A journalist on the desk. Not an account: contributors need no login to be credited."""

    name = models.CharField(max_length=150)
    # The one slug policy (articles/slugs.py): a Russian or Japanese name keeps its letters.
    slug = models.SlugField(
        max_length=150,
        unique=True,
        allow_unicode=True,
        validators=[validate_slug],
        help_text="The author page's address.",
    )
    role = models.CharField(
        max_length=150, blank=True, help_text='e.g. "Defence correspondent, Tokyo".'
    )
    bio = models.TextField(
        "short bio",
        max_length=800,
        blank=True,
        help_text="Two or three plain sentences: beat, experience, what readers should know.",
    )
    photo = models.ImageField(
        upload_to="authors/",
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
        help_text="A square head-and-shoulders photo, at least 400 pixels wide.",
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    email = models.EmailField(blank=True, help_text="Shown on the author page for tips.")
    website = models.URLField(blank=True)
    x_handle = models.CharField(
        "X handle", max_length=50, blank=True, help_text="Without the @, e.g. newsdesk_tokyo."
    )
    linkedin = models.URLField("LinkedIn page", blank=True)
    position = models.PositiveSmallIntegerField(default=100)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = "author (staff profile)"
        verbose_name_plural = "authors (staff profiles)"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_address("articles:author", self.slug)

    @property
    def initials(self):
        return "".join(part[0] for part in self.name.split()[:2]).upper()

    @property
    def x_url(self):
        return f"https://x.com/{self.x_handle.lstrip('@')}" if self.x_handle else ""

    def profile_links(self):
        """Every public address of this person, for the page and for JSON-LD `sameAs`."""
        return [url for url in (self.website, self.x_url, self.linkedin) if url]
