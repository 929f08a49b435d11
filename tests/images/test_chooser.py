"""The chooser's JSON endpoints: search with pages, upload with validation, permissions."""

import pytest
from django.urls import reverse

from images.models import Image
from tests.factories import image_bytes, make_library_image

from .conftest import upload

pytestmark = pytest.mark.django_db

CHOOSER = "/admin/images/image/chooser/"
UPLOAD = "/admin/images/image/chooser/upload/"
KEYS = {
    "id", "title", "alt_text", "caption", "credit", "width", "height", "thumbnail_url",
    "editor_url",
}  # fmt: skip


def test_the_addresses_are_pinned():
    assert reverse("admin:images_image_chooser") == CHOOSER
    assert reverse("admin:images_image_chooser_upload") == UPLOAD


def test_search_finds_images_by_any_of_their_texts(client, editor):
    client.force_login(editor)
    make_library_image(title="Cutter at dawn", alt_text="A grey ship", credit="Coast Guard")
    make_library_image(title="Parliament", alt_text="A vote", caption="Budget day in Tokyo")
    data = client.get(CHOOSER, {"q": "coast guard"}).json()
    assert [r["title"] for r in data["results"]] == ["Cutter at dawn"]
    assert set(data["results"][0]) >= KEYS
    assert data["has_next"] is False
    assert [r["title"] for r in client.get(CHOOSER, {"q": "tokyo"}).json()["results"]] == [
        "Parliament"
    ]


def test_results_come_in_pages_newest_first(client, editor):
    client.force_login(editor)
    for n in range(26):
        make_library_image(title=f"Photo {n:02}", size=(40, 30))
    first = client.get(CHOOSER).json()
    assert len(first["results"]) == 24 and first["has_next"] is True
    assert first["results"][0]["title"] == "Photo 25"
    second = client.get(CHOOSER, {"page": 2}).json()
    assert [r["title"] for r in second["results"]] == ["Photo 01", "Photo 00"]
    assert second["has_next"] is False
    assert client.get(CHOOSER, {"page": "x"}).status_code == 200


def test_urls_are_renditions_not_the_original(client, editor):
    client.force_login(editor)
    image = make_library_image(size=(1600, 900))
    result = client.get(CHOOSER).json()["results"][0]
    assert result["id"] == image.pk
    assert "/renditions/" in result["thumbnail_url"] and "-320w" in result["thumbnail_url"]
    assert "-800w" in result["editor_url"]
    assert (result["width"], result["height"]) == (1600, 900)


def test_the_search_query_count_does_not_grow_per_image(
    client, editor, django_assert_max_num_queries
):
    client.force_login(editor)
    for _ in range(6):
        make_library_image(size=(400, 300))
    client.get(CHOOSER)  # thumbnails made once
    # session, user, (otp device), images (their rows list their renditions)
    with django_assert_max_num_queries(5):
        client.get(CHOOSER)


def test_upload_adds_an_image_with_its_texts(client, editor):
    client.force_login(editor)
    response = client.post(
        UPLOAD,
        {
            "file": upload(image_bytes((1200, 800))),
            "title": "Frigate",
            "alt_text": "A frigate leaving port",
            "caption": "HMS Example sails",
            "credit": "Navy photo",
        },
    )
    assert response.status_code == 201
    data = response.json()
    image = Image.objects.get(pk=data["id"])
    assert (image.alt_text, image.caption, image.credit) == (
        "A frigate leaving port", "HMS Example sails", "Navy photo",
    )  # fmt: skip
    assert image.uploaded_by == editor
    assert (data["width"], data["height"]) == (1200, 800)
    # Every reader's rendition is made with the upload.
    assert image.renditions.filter(format="webp").count() == 7  # 160 to 1200 (its own)


def test_upload_needs_alt_text_and_an_image(client, editor):
    client.force_login(editor)
    response = client.post(UPLOAD, {"file": upload(b"not an image at all"), "title": "x"})
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"file", "alt_text"}
    assert not Image.objects.exists()


@pytest.mark.parametrize("kind, content_type", [("BMP", "image/bmp"), ("TIFF", "image/tiff")])
def test_only_web_formats_are_accepted(client, editor, kind, content_type):
    client.force_login(editor)
    response = client.post(
        UPLOAD,
        {"file": upload(image_bytes((50, 50), format=kind), name="x.img", content_type=content_type),
         "alt_text": "x"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "file" in response.json()["errors"]


def test_too_many_pixels_is_refused(client, editor, settings):
    settings.NEWSDESK_IMAGES = {**settings.NEWSDESK_IMAGES, "MAX_PIXELS": 1000}
    client.force_login(editor)
    response = client.post(UPLOAD, {"file": upload(image_bytes((100, 100))), "alt_text": "x"})
    assert response.status_code == 400
    assert "megapixels" in response.json()["errors"]["file"][0]


def test_too_many_bytes_is_refused(client, editor, settings):
    settings.NEWSDESK_IMAGES = {**settings.NEWSDESK_IMAGES, "MAX_UPLOAD_BYTES": 100}
    client.force_login(editor)
    response = client.post(UPLOAD, {"file": upload(image_bytes((100, 100))), "alt_text": "x"})
    assert response.status_code == 400
    assert "limit" in response.json()["errors"]["file"][0]


def test_upload_needs_the_csrf_token(editor):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(UPLOAD, {"file": upload(image_bytes((100, 100))), "alt_text": "x"})
    assert response.status_code == 403


def test_readers_and_staff_without_permission_are_refused(client, django_user_model):
    assert client.get(CHOOSER).status_code == 302  # to the admin's sign-in
    clerk = django_user_model.objects.create_user("clerk", password="x", is_staff=True)
    client.force_login(clerk)
    assert client.get(CHOOSER).status_code == 403
    assert client.post(UPLOAD, {}).status_code == 403


def test_writers_may_choose_and_upload(client, writer):
    client.force_login(writer)
    assert client.get(CHOOSER).status_code == 200
    response = client.post(UPLOAD, {"file": upload(image_bytes((100, 100))), "alt_text": "x"})
    assert response.status_code == 201
    assert Image.objects.get().title == "photo"  # named after the file
