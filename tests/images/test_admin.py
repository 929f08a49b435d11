"""The library in the admin, and the article form's image field."""

import pytest
from django.urls import reverse

from articles.models import Article
from images.models import Image
from tests.admin_forms import article_form_data
from tests.factories import image_bytes, make_article, make_category, make_library_image

from .conftest import upload

pytestmark = pytest.mark.django_db


def test_the_library_lists_thumbnails_and_finds_by_words(
    editor_client, django_assert_max_num_queries
):
    for n in range(3):
        make_library_image(title=f"Harbour {n}", credit="Port authority")
    make_library_image(title="Parliament")
    url = reverse("admin:images_image_changelist")
    editor_client.get(url)
    # session, user, OTP device, images (their rows list their renditions), filters' users (and
    # the count)
    with django_assert_max_num_queries(8):
        page = editor_client.get(url).content.decode()
    assert page.count('class="image-thumbnail"') == 4
    found = editor_client.get(url, {"q": "port harb"}).content.decode()
    assert found.count('class="image-thumbnail"') == 3 and "Parliament" not in found


def test_the_change_form_previews_the_image(editor_client):
    image = make_library_image(size=(1000, 600), alt_text="Harbour at dusk")
    page = editor_client.get(reverse("admin:images_image_change", args=[image.pk])).content
    page = page.decode()
    assert '-800w.jpg" width="800" height="480" alt="Harbour at dusk"' in page
    assert "1000 × 600" in page


def test_the_article_list_shows_thumbnails_without_a_query_each(
    editor_client, django_assert_max_num_queries
):
    from django.utils import timezone

    url = reverse("admin:articles_article_changelist")
    when = timezone.now()  # one day in the date hierarchy either way
    make_article(lead_image=make_library_image(), published_at=when)
    editor_client.get(url)
    with django_assert_max_num_queries(40) as one:
        editor_client.get(url)
    with_one = len(one.captured_queries)
    for _ in range(5):
        make_article(lead_image=make_library_image(), published_at=when)
    editor_client.get(url)  # the list's count, kept a while (articles/pagination.py)
    with django_assert_max_num_queries(with_one):
        page = editor_client.get(url).content.decode()
    assert page.count('class="image-thumbnail"') == 6


def test_the_article_form_chooses_images_with_the_chooser(editor_client):
    image = make_library_image(title="Frigate", alt_text="A frigate")
    article = make_article(lead_image=image)
    page = editor_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    page = page.content.decode()
    assert f'name="lead_image" value="{image.pk}"' in page
    assert "Choose from library" in page and "Upload new" in page and ">Clear<" in page
    assert "/static/images/chooser.js" in page and "/static/images/image-field.js" in page
    assert 'data-chooser-url="/admin/images/image/chooser/"' in page
    # No add/change pop-up links of the admin around it: the chooser does that.
    assert "add_id_lead_image" not in page


def test_an_upload_survives_a_form_error(editor_client, category):
    """The writer uploads in the chooser (stored at once), then saves with a mistake: the form
    comes back with the image still chosen, and saving again keeps it."""
    article = make_article(categories=[category])
    response = editor_client.post(
        "/admin/images/image/chooser/upload/",
        {"file": upload(image_bytes((900, 600))), "title": "Dock", "alt_text": "A dry dock"},
    )
    image_id = response.json()["id"]
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = article_form_data(article, lead_image=image_id, headline="")
    response = editor_client.post(url, data)
    assert response.status_code == 200  # the error: no headline
    page = response.content.decode()
    assert f'name="lead_image" value="{image_id}"' in page
    assert 'alt="A dry dock"' in page
    response = editor_client.post(url, {**data, "headline": "Dry dock opens"})
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).lead_image_id == image_id


def test_an_image_leading_an_article_cannot_be_deleted(editor_client):
    image = make_library_image()
    make_article(lead_image=image, headline="Still illustrated")
    page = editor_client.post(
        reverse("admin:images_image_delete", args=[image.pk]), {"post": "yes"}
    ).content.decode()
    assert "Still illustrated" in page
    assert Image.objects.filter(pk=image.pk).exists()


@pytest.fixture
def category():
    return make_category()


def test_adding_in_the_library_names_the_uploader_and_makes_renditions(editor_client, editor):
    response = editor_client.post(
        reverse("admin:images_image_add"),
        {"file": upload(image_bytes((900, 600)), name="dry-dock.jpg"), "alt_text": "A dry dock"},
    )
    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.title, image.uploaded_by, image.width) == ("dry-dock", editor, 900)
    assert image.renditions.filter(format="webp").count() == 6  # 160 to 800, and 900
    page = editor_client.get(reverse("admin:images_image_changelist")).content.decode()
    assert 'class="image-thumbnail"' in page
