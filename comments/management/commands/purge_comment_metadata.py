from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from comments.models import Comment


class Command(BaseCommand):
    help = "Erase the IP addresses and user agents of comments older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep this many days (default: NEWSDESK_COMMENTS['METADATA_RETENTION_DAYS']).",
        )

    def handle(self, *args, days, **options):
        if days is None:
            days = settings.NEWSDESK_COMMENTS["METADATA_RETENTION_DAYS"]
        cutoff = timezone.now() - timedelta(days=days)
        purged = (
            Comment.objects.filter(created_at__lt=cutoff)
            .filter(Q(ip_address__isnull=False) | ~Q(user_agent=""))
            .update(ip_address=None, user_agent="")
        )
        self.stdout.write(f"Purged IP address and user agent of {purged} comment(s).")
