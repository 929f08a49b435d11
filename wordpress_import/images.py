"""Images from the old site: found in a copy of wp-content/uploads, else downloaded, else missing.

Each file is stored once under MEDIA_ROOT/wordpress/<its uploads path> (so 2024/03/radar.jpg
stays recognisable) and remembered by that path, so a second run copies nothing. Only files
that open as images are kept: a downloaded error page never becomes a "photo".
"""

import io
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote, urlsplit

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from PIL import Image, UnidentifiedImageError

from images.models import Image as LibraryImage

from .models import ImportedFile

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".bmp", ".tif", ".tiff"}
MAX_DOWNLOAD_BYTES = 25 * 1024 * 1024
STORAGE_PREFIX = "wordpress"
# WordPress's resized copies: photo-300x200.jpg is a size of photo.jpg.
RESIZED = re.compile(r"-\d+x\d+(?=\.[A-Za-z0-9]+$)")


@dataclass
class StoredImage:
    name: str  # in default_storage
    width: int | None
    height: int | None

    @property
    def url(self):
        return default_storage.url(self.name)


class MissingImage(Exception):
    pass


class ImageStore:
    def __init__(self, *, uploads_dir=None, old_site_url="", download=True, timeout=10.0,
                 dry_run=False):  # fmt: skip
        self.uploads_dir = Path(uploads_dir).resolve() if uploads_dir else None
        self.old_site_url = old_site_url.rstrip("/")
        self.download = download and bool(self.old_site_url)
        self.timeout = timeout
        self.dry_run = dry_run
        self.site_unreachable = False
        self.known = {}  # relative path -> StoredImage, this run
        self.library = {}  # stored name -> its image in the library, this run
        self.failed = {}  # relative path -> MissingImage, so nothing is tried twice
        self.created = 0
        self.reused = 0

    # Addresses
    def relative_path(self, url, *, hosts):
        """The path under wp-content/uploads of a URL of the old site, else None."""
        parts = urlsplit(url.strip())
        if parts.netloc and parts.netloc.lower().removeprefix("www.") not in hosts:
            return None
        path = unquote(parts.path)
        marker = "/wp-content/uploads/"
        if marker not in path:
            return None
        relative = path.split(marker, 1)[1]
        clean = PurePosixPath(relative)
        if not relative or ".." in clean.parts or clean.is_absolute():
            return None
        return str(clean)

    @staticmethod
    def is_image(relative_path):
        return PurePosixPath(relative_path).suffix.lower() in IMAGE_SUFFIXES

    # Getting a file
    def get(self, relative_path):
        """The stored image for an uploads path (copied or downloaded if needed).

        Raises MissingImage with the reason when neither source has it. A resized copy that is
        missing falls back to its original, which is what readers would want to see anyway.
        """
        if relative_path in self.known:
            return self.known[relative_path]
        if relative_path in self.failed:
            raise self.failed[relative_path]
        try:
            try:
                stored = self._get_exact(relative_path)
            except MissingImage:
                original = RESIZED.sub("", relative_path)
                if original == relative_path:
                    raise
                stored = self._get_exact(original)
        except MissingImage as missing:
            self.failed[relative_path] = missing
            raise
        self.known[relative_path] = stored
        return stored

    def _get_exact(self, relative_path):
        if relative_path in self.known:
            return self.known[relative_path]
        record = ImportedFile.objects.filter(wp_path=relative_path).first()
        if record and (self.dry_run or default_storage.exists(record.stored_name)):
            self.reused += 1
            stored = StoredImage(record.stored_name, record.width, record.height)
            self.known[relative_path] = stored
            return stored
        content = self._read_local(relative_path)
        if content is None:
            content = self._download(relative_path)
        width, height = _dimensions(content, relative_path)
        name = f"{STORAGE_PREFIX}/{relative_path}"
        if not self.dry_run:
            name = _save(name, content)
            ImportedFile.objects.update_or_create(
                wp_path=relative_path,
                defaults={"stored_name": name, "width": width, "height": height},
            )
        self.created += 1
        stored = StoredImage(name, width, height)
        self.known[relative_path] = stored
        return stored

    def _read_local(self, relative_path):
        if not self.uploads_dir:
            return None
        candidate = (self.uploads_dir / relative_path).resolve()
        if not candidate.is_relative_to(self.uploads_dir) or not candidate.is_file():
            return None
        return candidate.read_bytes()

    def _download(self, relative_path):
        if not self.download:
            raise MissingImage(
                "not in the uploads folder" if self.uploads_dir else "no --uploads, no download"
            )
        if self.site_unreachable:
            raise MissingImage("not in the uploads folder, and the old site is unreachable")
        if self.dry_run:
            raise MissingImage("would be downloaded (not tried in a dry run)")
        url = f"{self.old_site_url}/wp-content/uploads/{quote(relative_path)}"
        request = urllib.request.Request(url, headers={"User-Agent": "Newsdesk WordPress import"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                data = response.read(MAX_DOWNLOAD_BYTES + 1)
        except urllib.error.HTTPError as error:
            raise MissingImage(f"the old site answered {error.code}") from error
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            # One unreachable site would otherwise cost a timeout per image.
            self.site_unreachable = True
            raise MissingImage("not in the uploads folder, and the old site is unreachable") from (
                error
            )
        if len(data) > MAX_DOWNLOAD_BYTES:
            raise MissingImage("larger than 25 MB")
        return data

    def library_image(self, stored: StoredImage, *, title, alt_text, caption, credit):
        """The stored file as an image of the library (one per file: a photo featured by
        several posts is one image), looked up once per run; its words follow WordPress's."""
        texts = {
            "title": title[:200],
            "alt_text": alt_text[:250],
            "caption": caption[:300],
            "credit": credit[:150],
        }
        image = self.library.get(stored.name)
        if image is None:
            image = LibraryImage.objects.filter(file=stored.name).first()
            if image is not None:
                self.library[stored.name] = image
        if image is None:
            image = LibraryImage(
                file=stored.name, width=stored.width or 0, height=stored.height or 0
            )
            # Remembered once its post's transaction commits: a post that fails takes it away.
            transaction.on_commit(lambda: self.library.setdefault(stored.name, image))
        if image.pk is None or any(getattr(image, k) != v for k, v in texts.items()):
            for name, value in texts.items():
                setattr(image, name, value)
            image.save()
        return image


def _dimensions(content, relative_path):
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
        with Image.open(io.BytesIO(content)) as image:
            return image.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise MissingImage(f"{relative_path} is not a readable image") from error


def _save(name, content):
    """Store `content` as `name`; an identical file already there (an earlier, interrupted run)
    is reused rather than copied again under another name."""
    if default_storage.exists(name) and default_storage.size(name) == len(content):
        return name
    return default_storage.save(name, ContentFile(content))
