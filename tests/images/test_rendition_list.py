"""Each image's copy of its renditions (Image.rendition_list): written with the Rendition rows
whenever they are made, replaced or deleted, and all that readers' pages read, so they show
the same pictures as from the rows without a query for them, and never a file that is gone."""

import re

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext

from images.models import Image, Rendition
from images.picture import picture_html
from images.renditions import make_renditions, rendition, renditions_of
from images.services import replace_renditions
from tests.factories import image_bytes, make_article, make_category, make_library_image

from .conftest import upload

pytestmark = pytest.mark.django_db

MEDIA_PATH = re.compile(r"/media/([^\"\s<>]+)")


def copy_in_database(image):
    return Image.objects.get(pk=image.pk).rendition_list


def rows_of(image):
    """The Rendition rows of `image` as the copy should list them, in the rows' own order."""
    return [
        [r.width, r.height, r.format, r.file.name] for r in Rendition.objects.filter(image=image)
    ]


def missing_files(html):
    """The media files a page names that storage does not have: broken pictures."""
    return [name for name in MEDIA_PATH.findall(html) if not default_storage.exists(name)]


def image_without_renditions(size=(700, 400)):
    """An image saved without the upload's service: no rendition made yet, an empty copy."""
    image = Image(file=upload(image_bytes(size)), title="New", alt_text="A new picture")
    image.full_clean()
    image.save()
    return image


def test_the_copy_is_written_with_the_renditions_of_an_upload():
    image = make_library_image(size=(700, 400))
    copy = copy_in_database(image)
    assert copy == rows_of(image)
    assert len(copy) == 10  # 160, 320, 480, 640 and 700 pixels, JPEG and WebP
    assert [entry[2] for entry in copy] == ["jpeg"] * 5 + ["webp"] * 5
    assert [entry[0] for entry in copy[:5]] == [160, 320, 480, 640, 700]


def test_the_first_page_showing_a_new_image_makes_its_renditions_and_copies_them():
    image = image_without_renditions()
    assert copy_in_database(image) == []
    html = str(picture_html(image))
    assert html.count(" 700w") == 2 and not missing_files(html)
    assert copy_in_database(image) == rows_of(image) != []
    # One more asked for later (the admin's preview): made, and copied too.
    assert rendition(image, 320, "webp") is not None
    assert copy_in_database(image) == rows_of(image)


def test_a_picture_from_the_copy_is_the_picture_from_the_rows():
    image = make_library_image(size=(700, 400), alt_text="A frigate")
    rows = list(Rendition.objects.filter(image=image))

    def srcset(fmt):
        return ", ".join(f"/media/{r.file.name} {r.width}w" for r in rows if r.format == fmt)

    fallback = next(r for r in rows if r.format == "jpeg" and r.width == 640)
    assert str(picture_html(Image.objects.get(pk=image.pk), sizes="50vw")) == (
        f'<picture><source type="image/webp" srcset="{srcset("webp")}" sizes="50vw">'
        f'<img src="/media/{fallback.file.name}" srcset="{srcset("jpeg")}" sizes="50vw" '
        'width="700" height="400" alt="A frigate" loading="lazy" decoding="async"></picture>'
    )


def test_replaced_renditions_are_copied_and_the_old_files_named_nowhere(
    django_capture_on_commit_callbacks,
):
    image = make_library_image(size=(700, 400))
    old = {entry[3] for entry in copy_in_database(image)}
    image.file = upload(image_bytes((500, 300)), name="other.jpg")
    image.save()
    with django_capture_on_commit_callbacks(execute=True):
        replace_renditions(image)
    copy = copy_in_database(image)
    assert copy == rows_of(image)
    assert max(entry[0] for entry in copy) == 500
    assert not old & {entry[3] for entry in copy}
    assert not any(default_storage.exists(name) for name in old)  # gone with their rows
    html = str(picture_html(Image.objects.get(pk=image.pk)))
    assert " 500w" in html and not missing_files(html)


@pytest.mark.parametrize("how", ["one row", "a queryset"])
def test_a_deleted_rendition_leaves_the_copy_in_the_same_transaction(
    how, django_capture_on_commit_callbacks
):
    image = make_library_image(size=(700, 400))
    gone = Rendition.objects.filter(image=image, width__gte=480, format="jpeg")
    names = [str(r.file.name) for r in gone]
    with django_capture_on_commit_callbacks(execute=True):
        if how == "one row":
            for row in gone:
                row.delete()
        else:
            gone.delete()
    copy = copy_in_database(image)
    assert copy == rows_of(image)
    assert not {entry[3] for entry in copy} & set(names)
    assert not any(default_storage.exists(name) for name in names)
    # The next page makes them again and names only files that are there.
    html = str(picture_html(Image.objects.get(pk=image.pk)))
    assert html.count("w.jpg ") == 5 and not missing_files(html)
    assert copy_in_database(image) == rows_of(image)


def test_saving_an_image_read_before_its_renditions_changed_keeps_the_new_copy(
    django_capture_on_commit_callbacks,
):
    image = make_library_image(size=(700, 400))
    read_before = Image.objects.get(pk=image.pk)
    with django_capture_on_commit_callbacks(execute=True):
        Rendition.objects.filter(image=image, width=700).delete()
    read_before.caption = "A new caption"
    read_before.save()
    saved = Image.objects.get(pk=image.pk)
    assert saved.caption == "A new caption"
    assert saved.rendition_list == rows_of(image)
    assert not missing_files(str(picture_html(saved)))


def test_deleting_an_image_does_not_rewrite_its_copy_on_the_way_out():
    image = make_library_image(size=(700, 400))
    with CaptureQueriesContext(connection) as queries:
        image.delete()
    assert not Rendition.objects.filter(image_id=image.pk).exists()
    assert not [q["sql"] for q in queries if q["sql"].startswith('UPDATE "images_image"')]


def test_a_copy_behind_its_rows_is_brought_up_to_date_without_making_anything():
    """Rows written by something else than make_renditions (a script, a restore): the first page
    copies them; no rendition is made a second time."""
    image = make_library_image(size=(700, 400))
    Image.objects.filter(pk=image.pk).update(rendition_list=[])
    stale = Image.objects.get(pk=image.pk)
    with CaptureQueriesContext(connection) as queries:
        html = str(picture_html(stale))
    assert not [q for q in queries if q["sql"].startswith('INSERT INTO "images_rendition"')]
    assert html.count(" 700w") == 2 and not missing_files(html)
    assert copy_in_database(image) == rows_of(image)


def test_a_page_showing_one_new_image_twice_makes_its_renditions_once():
    image = image_without_renditions()
    first, second = Image.objects.get(pk=image.pk), Image.objects.get(pk=image.pk)
    made = str(picture_html(first))
    with CaptureQueriesContext(connection) as queries:
        again = str(picture_html(second))
    assert again == made
    assert not [q for q in queries if q["sql"].startswith('INSERT INTO "images_rendition"')]
    assert [r.width for r in renditions_of(second) if r.format == "jpeg"] == [
        160, 320, 480, 640, 700
    ]  # fmt: skip


def test_make_renditions_returns_the_rows_it_copied():
    image = image_without_renditions()
    made = make_renditions(image)
    assert [[r.width, r.height, r.format, r.file.name] for r in made] == rows_of(image)
    assert image.rendition_list == copy_in_database(image) == rows_of(image)


def figure(image):
    return f'<figure><img src="/media/x.jpg" alt="In the body" data-image-id="{image.pk}"></figure>'


def test_readers_pages_read_no_rendition_row(client, django_assert_max_num_queries):
    """Warm pages (renditions made at upload), cached pages cleared: the home page, a category,
    a tag, an article with a lead image, related cards and a body figure, and the feed show
    their pictures without a query touching the renditions' table."""
    from django.core.cache import caches

    navy = make_category(name="Navy", slug="navy", show_on_home=True)
    articles = [
        make_article(
            categories=[navy], tags=["Frigates"], lead_image=make_library_image(size=(1200, 675))
        )
        for _ in range(4)
    ]
    shown = articles[0]
    shown.body += figure(make_library_image(size=(900, 600)))
    shown.save()
    pages = ["/", "/category/navy/", "/tag/frigates/", shown.get_absolute_url(), "/feed/"]
    for url in pages:
        client.get(url)
    for each in caches.all():
        each.clear()
    for url in pages:
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url).content.decode()
        assert "/media/images/renditions/" in page, url
        assert not missing_files(page), url
        touching = [q["sql"] for q in queries if "images_rendition" in q["sql"]]
        assert not touching, (url, touching)
    article_page = client.get(shown.get_absolute_url()).content.decode()
    # lead image, body figure, three related cards; the share copy in the head
    assert article_page.count("<picture>") == 5
    assert '-1200w.jpg">' in article_page
