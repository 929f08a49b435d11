"""Small factories: each makes a valid, published-by-default object with readable defaults."""

import io
import itertools
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from articles.models import Article, Category, RelatedLink, Source

_sequence = itertools.count(1)


def make_category(**fields):
    n = next(_sequence)
    fields.setdefault("name", f"Category {n}")
    fields.setdefault("slug", f"category-{n}")
    return Category.objects.create(**fields)


def make_source(**fields):
    n = next(_sequence)
    fields.setdefault("name", f"Agency {n}")
    fields.setdefault("slug", f"agency-{n}")
    return Source.objects.create(**fields)


def make_article(*, categories=(), tags=(), **fields):
    n = next(_sequence)
    fields.setdefault("headline", f"Headline number {n}")
    fields.setdefault("slug", f"headline-number-{n}")
    fields.setdefault("standfirst", f"Standfirst of article {n}.")
    fields.setdefault("body", f"<p>Body of article {n}.</p>")
    fields.setdefault("status", Article.Status.PUBLISHED)
    # Minutes apart, so articles sort by creation yet stay recent (comments close after days).
    fields.setdefault("published_at", timezone.now() - timedelta(minutes=n))
    article = Article.objects.create(**fields)
    if categories:
        article.categories.set(categories)
    if tags:
        article.tags.set(list(tags))
    return article


def relate(article, *others):
    RelatedLink.objects.bulk_create(
        RelatedLink(from_article=article, to_article=other, position=position)
        for position, other in enumerate(others)
    )


def make_image_file(name="lead.png", size=(640, 360)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (40, 70, 110)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def make_library_image(*, name="photo.jpg", size=(640, 360), **fields):
    """An image in the library (images app), with a small JPEG file, uploaded as editors do
    (its renditions made at once)."""
    from images.services import add_image

    buffer = io.BytesIO()
    Image.new("RGB", size, (40, 70, 110)).save(buffer, format="JPEG")
    n = next(_sequence)
    fields.setdefault("title", f"Photo {n}")
    fields.setdefault("alt_text", f"What photo {n} shows")
    return add_image(file=SimpleUploadedFile(name, buffer.getvalue()), **fields)
