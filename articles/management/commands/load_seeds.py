from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from articles.seeding import load_seeds


class Command(BaseCommand):
    help = "Load the seed categories, sources and articles from seeds/ (safe to run repeatedly)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir", type=Path, default=settings.BASE_DIR / "seeds", help="Seed folder."
        )

    def handle(self, *args, dir, **options):
        report = load_seeds(dir)
        self.stdout.write(
            self.style.SUCCESS(
                f"Seeds loaded: {len(report.created)} created, {len(report.updated)} updated, "
                f"{len(report.unchanged)} unchanged."
            )
        )
