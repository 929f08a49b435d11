from django.core.management.base import BaseCommand

from comments.notifications import notify_commenters
from comments.services import notify_moderators


class Command(BaseCommand):
    help = (
        "Email moderators about new pending comments, and commenters who asked about their "
        "approved ones (run from cron every few minutes). Moderators, and each commenter, get at "
        "most one email per NEWSDESK_COMMENTS['NOTIFY_INTERVAL_MINUTES'] unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Ignore the interval.")

    def handle(self, *args, force, **options):
        reported = notify_moderators(force=force)
        self.stdout.write(f"{reported} comment(s) reported to moderators.")
        told = notify_commenters(force=force)
        self.stdout.write(f"{told} approved comment(s) announced to their commenters.")
