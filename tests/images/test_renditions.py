"""Renditions: resized once, stored, upright, without metadata, never upscaled."""

import io

import pytest
from django.core.files.storage import default_storage
from PIL import Image as PILImage

from images.models import Image, Rendition
from images.renditions import ListedRendition, make_renditions, renditions_of, widths_for
from tests.factories import image_bytes

from .conftest import upload

pytestmark = pytest.mark.django_db


def library_image(data, **fields):
    image = Image(file=upload(data), title="Test", alt_text="A test picture", **fields)
    image.full_clean()
    image.save()
    return image


def opened(rendition):
    """The picture in a rendition's file: a Rendition row's, or one listed in its image's copy."""
    name = rendition.name if isinstance(rendition, ListedRendition) else rendition.file.name
    with default_storage.open(name, "rb") as handle:
        picture = PILImage.open(io.BytesIO(handle.read()))
        picture.load()
        return picture


def test_widths_never_upscale():
    image = library_image(image_bytes((700, 400)))
    assert widths_for(image) == [160, 320, 480, 640, 700]
    made = make_renditions(image)
    assert {r.width for r in made} == {160, 320, 480, 640, 700}
    assert {r.format for r in made} == {"webp", "jpeg"}
    assert max(r.width for r in made) <= image.width


def test_a_large_photo_stops_at_1920():
    image = library_image(image_bytes((2400, 1600)))
    assert widths_for(image) == [160, 320, 480, 640, 800, 960, 1280, 1920]


def test_renditions_are_made_once_and_stored():
    image = library_image(image_bytes((700, 400)))
    first = make_renditions(image)
    again = make_renditions(Image.objects.get(pk=image.pk))
    assert sorted(r.pk for r in first) == sorted(r.pk for r in again)
    assert Rendition.objects.filter(image=image).count() == len(first)


def test_the_files_are_the_formats_they_say(settings):
    image = library_image(image_bytes((700, 400)))
    for rendition in make_renditions(image):
        picture = opened(rendition)
        assert picture.format == {"webp": "WEBP", "jpeg": "JPEG"}[rendition.format]
        assert picture.size == (rendition.width, rendition.height)
        assert rendition.size == rendition.file.size


def test_gps_exif_never_reaches_readers(gps_exif):
    """A phone photo with a GPS position: the renditions carry no EXIF at all."""
    image = library_image(image_bytes((1200, 800), exif=gps_exif))
    with image.file.open("rb") as handle:  # the original kept it (only editors see that file)
        assert PILImage.open(handle).getexif().get_ifd(0x8825)
    for rendition in make_renditions(image):
        picture = opened(rendition)
        assert not picture.getexif(), f"{rendition} has EXIF"
        assert "exif" not in picture.info
        with rendition.file.open("rb") as handle:
            raw = handle.read()
        assert b"Newsdesk Test Camera" not in raw
        assert b"Exif" not in raw


def test_exif_orientation_is_respected(gps_exif):
    """Stored sideways with "turn 90° clockwise": readers get it upright, portrait."""
    image = library_image(image_bytes((1200, 800), exif=gps_exif))
    assert (image.width, image.height) == (800, 1200)
    renditions = [r for r in renditions_of(image) if r.format == "jpeg"]
    widest = max(renditions, key=lambda r: r.width)
    picture = opened(widest).convert("L")
    assert picture.size == (800, 1200)
    # The dark left half of the stored picture is the top half once upright.
    top = picture.getpixel((400, 100))
    bottom = picture.getpixel((400, 1100))
    assert top < 60 < bottom


def test_png_with_transparency_gets_a_white_jpeg():
    transparent = image_bytes(
        (300, 200), format="PNG", mode="RGBA", color=(0, 0, 0, 0), marked=False
    )
    image = library_image(transparent)
    jpeg = next(r for r in make_renditions(image) if r.format == "jpeg")
    assert opened(jpeg).convert("RGB").getpixel((10, 10)) == pytest.approx((255, 255, 255), abs=3)


def test_a_replaced_original_gets_new_renditions():
    from images.services import replace_renditions

    image = library_image(image_bytes((700, 400)))
    old = {r.file.name for r in make_renditions(image)}
    image.file = upload(image_bytes((500, 300)), name="other.jpg")
    image.save()
    replace_renditions(image)
    new = {r.file.name for r in Rendition.objects.filter(image=image)}
    assert not old & new
    assert max(r.width for r in Rendition.objects.filter(image=image)) == 500


def test_an_unreadable_original_gives_no_picture_rather_than_an_error():
    from images.picture import picture_html
    from images.renditions import rendition

    image = Image.objects.create(
        file="images/originals/missing.jpg", title="Gone", alt_text="Gone", width=0, height=0
    )
    assert widths_for(image) == []
    assert rendition(image, 320) is None
    assert str(picture_html(image)) == ""


def test_the_shared_copy_is_made_with_the_upload():
    from images.services import add_image

    image = add_image(file=upload(image_bytes((2000, 1000))), title="Wide", alt_text="Wide")
    assert image.renditions.filter(width=1200, format="jpeg").exists()
