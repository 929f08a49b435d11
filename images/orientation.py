"""Which way up a photo is: cameras store pixels as the sensor saw them and say in EXIF how to
turn them (Orientation, tag 0x0112); readers must see the picture upright."""

from PIL import Image as PILImage

EXIF_ORIENTATION = 0x0112
# Orientations 5 to 8 turn the picture a quarter: width and height swap.
QUARTER_TURNS = {5, 6, 7, 8}


def oriented_size(file) -> tuple[int, int]:
    """The width and height of an image file as readers see it (after EXIF orientation)."""
    file.open("rb")
    try:
        file.seek(0)
        with PILImage.open(file) as picture:
            width, height = picture.size
            if picture.getexif().get(EXIF_ORIENTATION) in QUARTER_TURNS:
                width, height = height, width
    finally:
        file.seek(0)
    return width, height
