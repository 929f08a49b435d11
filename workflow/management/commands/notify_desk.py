from django.core.management.base import BaseCommand

from workflow.notifications import notify_desk


class Command(BaseCommand):
    help = (
        "E-mail editors about submitted articles and writers about theirs returned or published "
        "(run from cron every few minutes). At most one batch per "
        "NEWSDESK['WORKFLOW_NOTIFY_INTERVAL_MINUTES'] unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Ignore the interval.")

    def handle(self, *args, force, **options):
        reported = notify_desk(force=force)
        self.stdout.write(f"{reported} workflow step(s) reported.")
