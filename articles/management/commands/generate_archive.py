from django.core.management.base import BaseCommand, CommandError

from articles.archive import ArchiveGenerator, Plan, foreign_articles_exist


class Command(BaseCommand):
    help = (
        "Fill the database with a synthetic archive for benchmarks: N articles over five years, "
        "about 2,000 tags, and M threaded comments skewed as on a real site. Refuses to write "
        "beside articles it did not generate unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, help="How many articles.")
        parser.add_argument("--comments", type=int, default=0, help="How many comments.")
        parser.add_argument(
            "--seed", type=int, default=1, help="Random seed (same seed, same data)."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Write even though the database holds articles the generator did not write.",
        )

    def handle(self, *args, articles, comments, seed, force, **options):
        if articles < 1 or comments < 0:
            raise CommandError("--articles must be at least 1 and --comments at least 0.")
        if foreign_articles_exist() and not force:
            raise CommandError(
                "This database holds articles generate_archive did not write (real content?). "
                "Use an empty database, or --force to add generated articles beside them."
            )
        report = self.stdout.write if options["verbosity"] else (lambda message: None)
        ArchiveGenerator(Plan(articles=articles, comments=comments, seed=seed), report=report).run()
