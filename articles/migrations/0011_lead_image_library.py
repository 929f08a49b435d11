"""Lead images move into the image library: each article's lead image file, with its alt text,
caption, credit and size, becomes an images.Image that the article points to. Nothing is lost
either way: backwards, each article gets its image's file and texts back in its own columns.

The old columns go in 0012, a separate transaction: PostgreSQL refuses to alter a table whose
rows this one just updated while their foreign-key checks are still pending.
"""

import django.db.models.deletion
from django.db import migrations, models

BATCH = 500


def image_size(storage, name):
    """Width and height of a stored file as readers see it, for rows that never stored them."""
    from PIL import Image as PILImage

    try:
        with storage.open(name, "rb") as handle, PILImage.open(handle) as picture:
            width, height = picture.size
            if picture.getexif().get(0x0112) in {5, 6, 7, 8}:
                width, height = height, width
            return width, height
    except (OSError, ValueError):
        return 0, 0


def into_the_library(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Image = apps.get_model("images", "Image")
    storage = Image._meta.get_field("file").storage
    with_image = Article.objects.exclude(lead_image_file="").exclude(lead_image_file__isnull=True)
    # One library image per distinct file and texts: articles sharing a photo share its image,
    # and one already in the library (migrated forward before, then back) is used again.
    made = {
        (image.file.name, image.alt_text, image.caption, image.credit): image
        for image in Image.objects.order_by("-pk").iterator(chunk_size=BATCH)
    }
    pending = []

    def flush():
        fresh = [image for key, image in made.items() if image.pk is None]
        Image.objects.bulk_create(fresh)
        for article, key in pending:
            article.lead_image_id = made[key].pk
        Article.objects.bulk_update([article for article, _key in pending], ["lead_image"])
        pending.clear()

    rows = with_image.only(
        "pk", "headline", "lead_image_file", "lead_image_width", "lead_image_height",
        "lead_image_alt", "lead_image_caption", "lead_image_credit",
    ).order_by("pk")  # fmt: skip
    for article in rows.iterator(chunk_size=BATCH):
        key = (
            article.lead_image_file.name,
            article.lead_image_alt,
            article.lead_image_caption,
            article.lead_image_credit,
        )
        if key not in made:
            width, height = article.lead_image_width, article.lead_image_height
            if not width or not height:
                width, height = image_size(storage, article.lead_image_file.name)
            made[key] = Image(
                file=article.lead_image_file.name,
                title=article.headline[:200],
                alt_text=article.lead_image_alt,
                caption=article.lead_image_caption,
                credit=article.lead_image_credit,
                width=width,
                height=height,
            )
        pending.append((article, key))
        if len(pending) >= BATCH:
            flush()
    flush()


def out_of_the_library(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    rows = (
        Article.objects.filter(lead_image__isnull=False)
        .select_related("lead_image")
        .only("pk", "lead_image")
        .order_by("pk")
    )
    batch = []
    for article in rows.iterator(chunk_size=BATCH):
        image = article.lead_image
        article.lead_image_file = image.file.name
        article.lead_image_width, article.lead_image_height = image.width, image.height
        article.lead_image_alt = image.alt_text
        article.lead_image_caption = image.caption
        article.lead_image_credit = image.credit
        batch.append(article)
        if len(batch) >= BATCH:
            _write_back(Article, batch)
    _write_back(Article, batch)


def _write_back(Article, batch):
    Article.objects.bulk_update(
        batch,
        [
            "lead_image_file", "lead_image_width", "lead_image_height", "lead_image_alt",
            "lead_image_caption", "lead_image_credit",
        ],
    )  # fmt: skip
    batch.clear()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_unicode_slugs"),
        ("images", "0001_initial"),
    ]

    operations = [
        migrations.RenameField("article", "lead_image", "lead_image_file"),
        migrations.AddField(
            model_name="article",
            name="lead_image",
            field=models.ForeignKey(
                blank=True,
                help_text="From the image library; its alt text, caption and credit come with it.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="lead_of",
                to="images.image",
            ),
        ),
        migrations.RunPython(into_the_library, out_of_the_library, elidable=False),
    ]
