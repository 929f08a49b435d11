"""A synthetic archive for benchmarks and cost tests: years of articles and a long tail of tags;
the apps built on the core add their own rows (the comments app its threads, comments/archive.py).

Rows are streamed to the database (COPY on PostgreSQL, articles/archive_rows.py) with ids
chosen here, so replies know their parents without reading anything back; the derived columns
(the stored search vector, and what the apps hand back, such as the approved-comment count) are
then computed set-based in one UPDATE, with the GIN index built once afterwards. 100,000
articles and 1,000,000 comments load in a few minutes. Generated articles carry a slug ending in "--<id>", which slugify never
produces: that is how the generator tells its own rows from an editor's and refuses to mix
them unasked.

The core never imports the comments app, nor knows its tables: `archive_articles_written` asks
whoever listens for their rows.
"""

import contextlib
import itertools
import random
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, cast

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from taggit.models import Tag

from .archive_rows import index_dropped, next_id, reset_sequences, write_rows
from .archive_vocabulary import (
    EXTRA_CATEGORIES,
    EXTRA_SOURCES,
    HEADLINE_VERBS,
    PLACE_NAMES,
    TAG_QUALIFIERS,
    TAG_STEMS,
    place_name,
)
from .authors import AuthorProfile
from .models import Article, Category, RelatedLink, Source, TaggedArticle
from .search_document import TEXT_FIELDS, weighted_vector

GENERATED_SLUG_REGEX = r"--[0-9]+$"
YEARS = 5
TAG_COUNT = 2000
STAFF = 24

# Sent inside the generator's transaction once the articles and their links are written, with
# `published` (the published articles' (id, publication time), oldest first), `comments` (how
# many the plan asks for), `pick` (the generator's random.Random: same seed, same archive) and
# `progress` (a report line). Receivers stream their own rows, and may answer with Article
# columns to derive set-based ({column: expression}, e.g. the comments app's approved count):
# they are computed in the generator's one UPDATE, since a second pass over every new article
# would cost as much again.
archive_articles_written = Signal()


@dataclass
class Plan:
    articles: int
    comments: int
    seed: int = 1


def generated_articles():
    return Article.objects.filter(slug__regex=GENERATED_SLUG_REGEX)


def foreign_articles_exist() -> bool:
    """Whether the database holds articles the generator did not write."""
    return Article.objects.exclude(slug__regex=GENERATED_SLUG_REGEX).exists()


class ArchiveGenerator:
    def __init__(self, plan: Plan, *, report=print, seed_dir: Path | None = None):
        self.plan = plan
        self.random = random.Random(plan.seed)
        self.report = report
        self.seed_dir = seed_dir or Path(settings.BASE_DIR) / "seeds"
        self.started = time.monotonic()

    def progress(self, message):
        self.report(f"[{time.monotonic() - self.started:6.1f}s] {message}")

    def run(self):
        # Inside a caller's transaction (tests), an index built after updating the same rows
        # could not serve that transaction: there it is kept and updated row by row instead.
        self.rebuild_search_index = not connection.in_atomic_block
        with transaction.atomic():
            categories, sources, tags = self.categories(), self.sources(), self.tags()
            staff = self.staff()
            self.paragraphs = [escape(text) for text in self.paragraph_pool()]
            # Place names in a long tail: a few in many stories, most in one or two.
            self.places = [place_name(rank) for rank in range(PLACE_NAMES)]
            self.place_weights = list(
                itertools.accumulate(1 / (rank + 1) ** 1.1 for rank in range(PLACE_NAMES))
            )
            first_id = next_id(Article)
            published = self.articles(first_id, categories, sources, tags, staff)
            self.related_links([pk for pk, _ in published])
            reset_sequences(Article)
            derived: dict[str, Any] = {}
            for _receiver, columns in archive_articles_written.send(
                sender=Article,
                published=published,
                comments=self.plan.comments,
                pick=self.random,
                progress=self.progress,
            ):
                derived.update(cast(dict[str, Any], columns or {}))
            self.derived_columns(first_id, derived)
        self.analyze()
        self.progress("done")

    def analyze(self):
        """Fresh planner statistics (and, outside a transaction, a vacuum so that index-only
        scans need no heap visits), so the first benchmark sees the archive as it is."""
        if connection.vendor != "postgresql":
            return
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
        with connection.cursor() as cursor:
            cursor.execute(command)
        self.progress(f"{command.lower()} done")

    # Reference data: the seed categories and sources plus more, staff, a long tail of tags.

    def categories(self):
        seeded = tomllib.loads((self.seed_dir / "categories.toml").read_text())["category"]
        wanted = [
            Category(
                name=entry["name"],
                slug=entry["slug"],
                kind=entry.get("kind", Category.Kind.TOPIC),
                position=entry.get("position", 100),
                show_on_home=entry.get("show_on_home", False),
            )
            for entry in seeded
        ] + [
            Category(name=name, slug=slugify(name), kind=kind, position=200 + n)
            for n, (name, kind) in enumerate(EXTRA_CATEGORIES)
        ]
        Category.objects.bulk_create(wanted, ignore_conflicts=True)
        return list(Category.objects.values_list("pk", flat=True))

    def sources(self):
        seeded = tomllib.loads((self.seed_dir / "sources.toml").read_text())["source"]
        wanted = [Source(name=entry["name"], slug=entry["slug"]) for entry in seeded] + [
            Source(name=name, slug=slugify(name)) for name in EXTRA_SOURCES
        ]
        Source.objects.bulk_create(wanted, ignore_conflicts=True)
        return list(Source.objects.values_list("pk", flat=True))

    def staff(self):
        """Desk accounts (the articles' `author`) and their byline profiles, in pairs."""
        User = get_user_model()
        unusable = make_password(None)
        names = [f"desk{n:02d}" for n in range(1, STAFF + 1)]
        User.objects.bulk_create(
            [User(username=name, is_staff=True, password=unusable) for name in names],
            ignore_conflicts=True,
        )
        AuthorProfile.objects.bulk_create(
            [
                AuthorProfile(name=f"Desk Writer {name[4:]}", slug=f"desk-writer-{name[4:]}")
                for name in names
            ],
            ignore_conflicts=True,
        )
        accounts = User.objects.filter(username__in=names).order_by("username")
        profiles = AuthorProfile.objects.filter(slug__startswith="desk-writer-").order_by("slug")
        return list(
            zip(
                accounts.values_list("pk", flat=True),
                profiles.values_list("pk", flat=True),
                strict=True,
            )
        )

    def tags(self):
        names = list(TAG_STEMS)
        for stem, qualifier in itertools.product(TAG_STEMS, TAG_QUALIFIERS):
            if len(names) >= TAG_COUNT:
                break
            names.append(f"{stem} {qualifier}")
        Tag.objects.bulk_create(
            [Tag(name=name, slug=slugify(name)) for name in names], ignore_conflicts=True
        )
        by_name = dict(Tag.objects.filter(name__in=names).values_list("name", "pk"))
        # Usage follows a long tail: the first tags are on many articles, most on a few.
        ids = [by_name[name] for name in names]
        weights = [1 / (rank + 1) ** 1.1 for rank in range(len(ids))]
        return ids, list(itertools.accumulate(weights))

    def paragraph_pool(self):
        pool = []
        for path in sorted((self.seed_dir / "articles").glob("*.toml")):
            pool.extend(tomllib.loads(path.read_text())["body"])
        return pool

    # Articles, their categories and tags.

    ARTICLE_COLUMNS = [
        "id",
        "headline",
        "slug",
        "standfirst",
        "body",
        "byline",
        "source_id",
        "primary_category_id",
        "author_id",
        "author_profile_id",
        "status",
        "published_at",
        "updated_at",
        "created_at",
        "modified_at",
        "comments_open",
        "is_lead",
    ]
    STATUS = ARTICLE_COLUMNS.index("status")

    def articles(self, first_id, categories, sources, tags, staff):
        """Write the articles, oldest first (ids grow with publication time), their category
        and tag links; return the published ones' (id, publication time)."""
        tag_ids, tag_weights = tags
        total, pick = self.plan.articles, self.random
        now = timezone.now()
        span = timedelta(days=365 * YEARS).total_seconds()
        filed: list[tuple[int, list[int]]] = []
        tagged: list[tuple[int, int]] = []
        published: list[tuple[int, datetime]] = []

        def rows() -> Iterator[tuple]:
            for n in range(total):
                pk = first_id + n
                at = now - timedelta(seconds=span * (1 - (n + 1) / total))
                chosen = pick.sample(categories, k=pick.randint(1, 3))
                filed.append((pk, chosen))
                tagged.extend(
                    (pk, tag)
                    for tag in set(
                        pick.choices(tag_ids, cum_weights=tag_weights, k=pick.randint(2, 8))
                    )
                )
                row = self.article_row(pk, at, chosen[0], sources, staff, lead=n == total - 3)
                if row[self.STATUS] == Article.Status.PUBLISHED:
                    published.append((pk, at))
                yield row
                if (n + 1) % 10_000 == 0:
                    self.progress(f"articles {n + 1:,}/{total:,}")

        write_rows(Article, self.ARTICLE_COLUMNS, rows())
        self.progress(f"articles {total:,}")
        write_rows(
            Article.categories.through,
            ["article_id", "category_id"],
            ((pk, category) for pk, chosen in filed for category in chosen),
        )
        write_rows(TaggedArticle, ["content_object_id", "tag_id"], tagged)
        self.progress(f"category and tag links {len(tagged):,} tags")
        return published

    def article_row(self, pk, at, category, sources, staff, *, lead):
        pick = self.random
        headline = (
            f"{pick.choice(TAG_STEMS)} {pick.choice(HEADLINE_VERBS)} {pick.choice(TAG_STEMS).lower()} "
            f"{pick.choice(TAG_QUALIFIERS)} amid {pick.choice(TAG_STEMS)} concerns"
        )[:200]
        paragraphs: list[str] = pick.sample(
            self.paragraphs, k=min(len(self.paragraphs), pick.randint(8, 22))
        )
        place = pick.choices(self.places, cum_weights=self.place_weights)[0]
        paragraphs.append(f"Officials in {place} said they were following the reports.")
        roll = pick.random()
        status = Article.Status.PUBLISHED
        if roll < 0.02:
            status = Article.Status.DRAFT
        elif roll < 0.03:
            status = Article.Status.IN_REVIEW
        # Staff write most stories, in unequal shares; the rest is wire copy.
        account, profile = (
            staff[int(len(staff) * pick.random() ** 2)] if staff and roll < 0.7 else (None, None)
        )
        return (
            pk,
            headline,
            f"{slugify(headline)[:180]}--{pk}",
            paragraphs[0][:400],
            "\n".join(f"<p>{text}</p>" for text in paragraphs[1:]),
            "Newsdesk staff" if roll < 0.5 else "",
            pick.choice(sources) if roll >= 0.7 else None,
            category,
            account,
            profile,
            status,
            at,
            at + timedelta(hours=3) if roll > 0.95 else None,
            at,
            at,
            roll > 0.1,
            lead,
        )

    def related_links(self, article_ids):
        links: list[tuple[int, int, int]] = []
        for position, article_id in enumerate(article_ids):
            if position < 10 or self.random.random() > 0.1:
                continue
            older = self.random.sample(
                article_ids[max(0, position - 500) : position], k=self.random.randint(1, 3)
            )
            links.extend((article_id, other, n) for n, other in enumerate(older))
        write_rows(RelatedLink, ["from_article_id", "to_article_id", "position"], links)
        self.progress(f"related links {len(links):,}")

    def derived_columns(self, first_id, derived):
        """The stored search vector (Article.save writes it; COPY does not) and the columns the
        apps hand back (`derived`), for every new article in one UPDATE, with the search index
        built once afterwards."""
        new = Article.objects.filter(pk__gte=first_id)
        if connection.vendor != "postgresql":
            if derived:
                new.update(**derived)
            return
        rebuilt = index_dropped(Article, "article_search_idx")
        with rebuilt if self.rebuild_search_index else contextlib.nullcontext():
            new.update(search_vector=weighted_vector(*TEXT_FIELDS), **derived)
            self.progress(f"search vectors{''.join(f', {name}' for name in derived)}")
        self.progress("search index ready")
