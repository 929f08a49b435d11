from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wordpress_import.importer import BATCH_SIZE, WordPressImport
from wordpress_import.wxr import UnsafeExport


class Command(BaseCommand):
    help = (
        "Import a WordPress export (Tools → Export → All content, WXR 1.1/1.2): posts, "
        "categories, tags, authors, images and comments, with the old addresses answering 301. "
        "Safe to run again: what was imported is updated, never duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="The WXR file WordPress wrote (.xml).")
        parser.add_argument(
            "--uploads",
            metavar="DIR",
            help="A copy of the old site's wp-content/uploads folder, where images are looked "
            "up first.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Read everything and print the report, but write nothing.",
        )
        parser.add_argument(
            "--old-site-url",
            metavar="URL",
            help="Where to download images missing from --uploads (default: the export's "
            "site address).",
        )
        parser.add_argument(
            "--no-download", action="store_true", help="Never download images from the old site."
        )
        parser.add_argument(
            "--timeout",
            type=float,
            default=10.0,
            metavar="SECONDS",
            help="How long to wait for the old site per image (default 10).",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            metavar="POSTS",
            help="Posts committed together (default 1: each post is committed on its own). "
            "Each post is all or nothing either way; an interrupted run loses the batch in "
            "progress, which the next run imports.",
        )

    def handle(self, *args, export, uploads, dry_run, old_site_url, no_download, timeout,
               batch_size, **options):  # fmt: skip
        if not Path(export).is_file():
            raise CommandError(f"No such file: {export}")
        if uploads and not Path(uploads).is_dir():
            raise CommandError(f"No such folder: {uploads}")
        verbosity = options["verbosity"]

        def progress(message):
            if verbosity:
                self.stderr.write(message)

        importer = WordPressImport(
            export,
            uploads_dir=uploads,
            old_site_url=old_site_url,
            download=not no_download,
            timeout=timeout,
            dry_run=dry_run,
            batch_size=batch_size,
            progress=progress,
        )
        try:
            report = importer.run()
        except UnsafeExport as error:
            raise CommandError(str(error)) from error
        except OSError as error:
            raise CommandError(f"Cannot read {export}: {error}") from error
        self.stdout.write(str(report))
        if report.errors:
            raise CommandError("The import stopped early: see Errors above.")
