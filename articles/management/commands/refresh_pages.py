"""`manage.py refresh_pages`: every cached page and fragment is rendered again on its next request.

For what no save announces: a deploy that changes templates, code or settings (the page cache
lives in Redis and outlives the processes that filled it). Run it after the new code is live.
"""

from django.core.management.base import BaseCommand

from articles import cache_tags


class Command(BaseCommand):
    help = "Outdate every cached page and fragment (run after a deploy)."

    def handle(self, *args, **options):
        cache_tags.outdate_everything()
        self.stdout.write("Every cached page will be rendered again on its next request.")
