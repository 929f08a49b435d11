"""Photo-like test images: 3000×2000 JPEGs of a few megabytes' worth of detail (smooth colour
gradients with grain), like a writer's camera photo, not a flat colour that compresses to
nothing."""

import io
import random

from PIL import Image, ImageFilter


def camera_photo(seed: int, size=(3000, 2000)) -> bytes:
    rng = random.Random(seed)
    width, height = size
    # A smooth scene: a gradient between two random colours, scaled up from a small image.
    small = Image.new("RGB", (6, 4))
    small.putdata([tuple(rng.randrange(256) for _ in range(3)) for _ in range(24)])
    scene = small.resize(size, Image.Resampling.BICUBIC)
    # Texture at every scale (clouds, foliage, grain), so each smaller copy still has detail,
    # as a real photo has: noise made small and scaled up, blended coarse to fine.
    photo = scene
    for divisor, weight in ((40, 0.35), (12, 0.3), (4, 0.25), (1, 0.12)):
        layer = Image.effect_noise((width // divisor, height // divisor), 70)
        layer = layer.resize(size, Image.Resampling.BICUBIC).convert("RGB")
        photo = Image.blend(photo, layer, weight)
    photo = photo.filter(ImageFilter.GaussianBlur(0.5))
    buffer = io.BytesIO()
    photo.save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()
