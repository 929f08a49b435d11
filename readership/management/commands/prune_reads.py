from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from readership.counting import KEEP_READS, prune_reads


class Command(BaseCommand):
    help = "Delete hourly read counts older than Most read needs (run daily from cron)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=KEEP_READS.days,
            help=f"Keep this many days of counts (default {KEEP_READS.days}; at least 7).",
        )

    def handle(self, *args, days, **options):
        try:
            deleted = prune_reads(keep=timedelta(days=days))
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Deleted {deleted} hourly read count(s) older than {days} days.")
