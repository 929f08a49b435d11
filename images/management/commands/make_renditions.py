"""Make the missing renditions of every image in the library (after a migration brought old
images in, after a change of NEWSDESK_IMAGES["WIDTHS"]), or remake them all (--replace: after a
change of quality). Pages make missing renditions themselves on first view; this spares those
first readers the wait."""

from django.core.management.base import BaseCommand

from images.models import Image
from images.renditions import make_renditions
from images.services import replace_renditions


class Command(BaseCommand):
    help = "Make the missing renditions of the library's images (--replace: remake them all)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--replace", action="store_true", help="Delete and remake every rendition."
        )
        parser.add_argument("ids", nargs="*", type=int, help="Only these images (ids).")

    def handle(self, *args, replace=False, ids=(), verbosity=1, **options):
        images = Image.objects.with_renditions().order_by("pk")
        if ids:
            images = images.filter(pk__in=ids)
        made = 0
        for image in images.iterator(chunk_size=100):
            before = len(image.renditions.all())
            if replace:
                replace_renditions(image)
                made += image.renditions.count()
            else:
                made += len(make_renditions(image)) - before
        if verbosity:
            self.stdout.write(f"{made} renditions made.")
