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


def image_bytes(
    size=(1200, 800), *, format="JPEG", mode="RGB", color=(90, 120, 150), exif=None, marked=True
) -> bytes:
    """The bytes of a picture file, the one test image maker. `marked`: its left half darker, so
    a test can tell which way the picture was turned (off for a picture of one colour, such as
    a transparent PNG)."""
    buffer = io.BytesIO()
    picture = Image.new(mode, size, color)
    if marked:
        picture.paste((10, 10, 10), (0, 0, size[0] // 2, size[1]))
    picture.save(buffer, format=format, **({"exif": exif} if exif is not None else {}))
    return buffer.getvalue()


def make_library_image(*, name="photo.jpg", size=(640, 360), **fields):
    """An image in the library (images app), with a small JPEG file, uploaded as editors do
    (its renditions made at once)."""
    from images.services import add_image

    n = next(_sequence)
    fields.setdefault("title", f"Photo {n}")
    fields.setdefault("alt_text", f"What photo {n} shows")
    return add_image(file=SimpleUploadedFile(name, image_bytes(size)), **fields)
