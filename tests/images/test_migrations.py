"""Lead images move into the image library and back without losing a word (articles 0011/0012).

A database at articles 0010 (lead image columns on the article) is filled, migrated to today's
schema, checked, migrated back, checked, and forward again, as tests/test_app_migrations.py does
for the apps' move.
"""

import json

import pytest
from django.utils import timezone

from tests.factories import image_bytes
from tests.migrating import latest, migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = ("articles", "0010_unicode_slugs")
REVERSION = ("reversion", "0002_add_index_on_version_for_content_type_and_db")


LEADS = {
    # slug: (file, width, height, alt, caption, credit)
    "frigate": ("articles/2024/01/frigate.jpg", 800, 450, "A frigate", "At sea.", "Navy"),
    "frigate-again": ("articles/2024/01/frigate.jpg", 800, 450, "A frigate", "At sea.", "Navy"),
    "frigate-other-words": ("articles/2024/01/frigate.jpg", 800, 450, "Grey ship", "", "Navy"),
    "no-size-stored": ("articles/2024/01/map.png", None, None, "A map", "Map caption", ""),
}


def fill(old, settings):
    # One file present in storage without its size stored (as a fixture or an import left it).
    folder = settings.MEDIA_ROOT / "articles" / "2024" / "01"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "map.png").write_bytes(image_bytes((30, 20), format="PNG"))
    Article = old.get_model("articles", "Article")
    for slug, (name, width, height, alt, caption, credit) in LEADS.items():
        Article.objects.create(
            headline=f"Headline {slug}", slug=slug, standfirst="S", body="<p>B</p>",
            status="published", published_at=timezone.now(), lead_image=name,
            lead_image_width=width, lead_image_height=height, lead_image_alt=alt,
            lead_image_caption=caption, lead_image_credit=credit,
        )  # fmt: skip
    Article.objects.create(headline="No image", slug="plain", standfirst="S", body="<p>B</p>")
    # A revision of each, as django-reversion stored it then (the lead image as a file path),
    # one of them with a photo the article no longer shows.
    ContentType = old.get_model("contenttypes", "ContentType")
    Revision = old.get_model("reversion", "Revision")
    Version = old.get_model("reversion", "Version")
    article_type = ContentType.objects.get_or_create(app_label="articles", model="article")[0]
    revision = Revision.objects.create(date_created=timezone.now(), comment="")
    for article in Article.objects.all():
        fields = {
            "headline": article.headline, "slug": article.slug, "lead_image": article.lead_image.name,
            "lead_image_alt": article.lead_image_alt, "lead_image_caption": article.lead_image_caption,
            "lead_image_credit": article.lead_image_credit,
        }  # fmt: skip
        if article.slug == "frigate-again":
            fields.update(lead_image="articles/2023/12/old-photo.jpg", lead_image_alt="Old photo")
        Version.objects.create(
            revision=revision, object_id=str(article.pk), content_type=article_type, db="default",
            format="json", object_repr=article.headline,
            serialized_data=json.dumps(
                [{"model": "articles.article", "pk": article.pk, "fields": fields}]
            ),
        )  # fmt: skip


def check_old_columns(old):
    Article = old.get_model("articles", "Article")
    for slug, (name, width, height, alt, caption, credit) in LEADS.items():
        article = Article.objects.get(slug=slug)
        assert article.lead_image.name == name
        assert (article.lead_image_alt, article.lead_image_caption) == (alt, caption)
        assert article.lead_image_credit == credit
        assert (article.lead_image_width, article.lead_image_height) == (
            (width, height) if width else (30, 20)
        )
    assert not Article.objects.get(slug="plain").lead_image


def check_library(new):
    Article = new.get_model("articles", "Article")
    Image = new.get_model("images", "Image")
    for slug, (name, width, height, alt, caption, credit) in LEADS.items():
        image = Article.objects.get(slug=slug).lead_image
        assert image.file.name == name
        assert (image.alt_text, image.caption, image.credit) == (alt, caption, credit)
        assert (image.width, image.height) == ((width, height) if width else (30, 20))
        assert image.title == f"Headline {slug}" or image.title == "Headline frigate"
    assert Article.objects.get(slug="plain").lead_image_id is None
    # One image per file and words: the two identical leads share theirs (and one more for the
    # photo only an old revision shows).
    assert Image.objects.count() == 4
    frigate = Article.objects.get(slug="frigate")
    assert Article.objects.get(slug="frigate-again").lead_image_id == frigate.lead_image_id


def check_revisions(new):
    """Old revisions load with today's model: their lead image is an image of the library."""
    from reversion.models import Version

    for version in Version.objects.filter(content_type__model="article"):
        restored = version._object_version.object
        slug = restored.slug
        if slug == "plain":
            assert restored.lead_image_id is None
        elif slug == "frigate-again":
            assert restored.lead_image.file.name == "articles/2023/12/old-photo.jpg"
            assert restored.lead_image.alt_text == "Old photo"
        else:
            assert restored.lead_image.file.name == LEADS[slug][0]
            assert restored.lead_image.alt_text == LEADS[slug][3]


def check_old_revisions(old):
    Version = old.get_model("reversion", "Version")
    paths = {
        json.loads(v.serialized_data)[0]["fields"]["slug"]: json.loads(v.serialized_data)[0][
            "fields"
        ]["lead_image"]
        for v in Version.objects.all()
    }
    assert paths["frigate"] == LEADS["frigate"][0]
    assert paths["frigate-again"] == "articles/2023/12/old-photo.jpg"
    assert paths["plain"] == ""


def test_lead_images_move_into_the_library_and_back_without_loss(settings):
    old = migrate([BEFORE, REVERSION])
    fill(old, settings)
    check_library(migrate(latest()))
    check_revisions(None)
    old = migrate([BEFORE, REVERSION])
    check_old_columns(old)
    check_old_revisions(old)
    check_library(migrate(latest()))
    check_revisions(None)


RENDITION_LIST = ("images", "0002_image_rendition_list")


def test_existing_images_get_the_copy_of_their_renditions():
    """images 0002 fills each image's rendition_list from its Rendition rows, by format then
    width as the rows come; an image without renditions gets an empty list."""
    old = migrate([("images", "0001_initial")])
    Image = old.get_model("images", "Image")
    Rendition = old.get_model("images", "Rendition")
    shown = Image.objects.create(file="images/originals/a.jpg", title="A", alt_text="A", width=700, height=400)  # fmt: skip
    bare = Image.objects.create(file="images/originals/b.jpg", title="B", alt_text="B", width=90, height=60)  # fmt: skip
    for width, fmt in [(700, "webp"), (160, "jpeg"), (700, "jpeg"), (160, "webp")]:
        extension = "jpg" if fmt == "jpeg" else fmt
        Rendition.objects.create(
            image=shown, width=width, height=width * 4 // 7, format=fmt,
            file=f"images/renditions/{shown.pk}/a-{width}w.{extension}",
        )  # fmt: skip
    new = migrate([RENDITION_LIST])
    copies = dict(new.get_model("images", "Image").objects.values_list("pk", "rendition_list"))
    assert copies[shown.pk] == [
        [160, 91, "jpeg", f"images/renditions/{shown.pk}/a-160w.jpg"],
        [700, 400, "jpeg", f"images/renditions/{shown.pk}/a-700w.jpg"],
        [160, 91, "webp", f"images/renditions/{shown.pk}/a-160w.webp"],
        [700, 400, "webp", f"images/renditions/{shown.pk}/a-700w.webp"],
    ]
    assert copies[bare.pk] == []
    migrate(latest())
