"""A synthetic archive for benchmarks and cost tests: years of articles, a long tail of tags,
comments skewed as on a real site (most articles a few, some thousands, one 10,000), threaded.

Everything is bulk-inserted in batches, so 100,000 articles and 1,000,000 comments load in
minutes. Generated articles carry a slug ending in "--<number>", which slugify never produces:
that is how the generator tells its own rows from an editor's and refuses to mix them unasked.

The comment model is reached through the article's reverse relation, never imported: the core
app does not depend on the comments app.
"""

import contextlib
import itertools
import random
import time
import tomllib
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from taggit.models import Tag

from .models import Article, Category, RelatedLink, Source, TaggedArticle
from .search_document import weighted_vector

GENERATED_SLUG_REGEX = r"--[0-9]+$"
ARTICLE_BATCH = 2000
COMMENT_BATCH = 20000
YEARS = 5
TAG_COUNT = 2000
EXTRA_CATEGORIES = [
    ("Europe", "region"),
    ("Middle East", "region"),
    ("Americas", "region"),
    ("Africa", "region"),
    ("Air Power", "topic"),
    ("Land Forces", "topic"),
    ("Space", "topic"),
    ("Nuclear", "topic"),
    ("Defence Industry", "topic"),
    ("Budgets", "topic"),
    ("Interviews", "format"),
    ("Opinion", "format"),
]
EXTRA_SOURCES = ["Kyodo News", "Yonhap", "Defence Wire", "Jane's Desk", "Bernama", "ABC News"]
TAG_STEMS = [
    "Japan",
    "China",
    "Taiwan",
    "South Korea",
    "North Korea",
    "Philippines",
    "Vietnam",
    "Indonesia",
    "Australia",
    "India",
    "Pakistan",
    "Russia",
    "Ukraine",
    "United States",
    "European Union",
    "NATO",
    "AUKUS",
    "Quad",
    "ASEAN",
    "South China Sea",
    "East China Sea",
    "Taiwan Strait",
    "Korean Peninsula",
    "Indian Ocean",
    "Pacific Islands",
    "Submarines",
    "Frigates",
    "Destroyers",
    "Aircraft carriers",
    "Fighter jets",
    "F-35",
    "Drones",
    "Hypersonic missiles",
    "Ballistic missiles",
    "Cruise missiles",
    "Air defence",
    "Radar",
    "Satellites",
    "Cyber attacks",
    "Ransomware",
    "Espionage",
    "Sanctions",
    "Arms exports",
    "Defence budget",
    "Shipbuilding",
    "Joint exercises",
    "Naval cooperation",
    "Coast guard",
    "Marines",
    "Special forces",
    "Logistics",
    "Artificial intelligence",
    "Electronic warfare",
    "Nuclear deterrence",
    "Arms control",
    "Diplomacy",
    "Elections",
    "Disinformation",
    "Supply chains",
    "Semiconductors",
    "Rare earths",
    "Energy security",
    "Fisheries",
    "Humanitarian aid",
    "Disaster relief",
    "Peacekeeping",
    "Counterterrorism",
    "Piracy",
]
TAG_QUALIFIERS = [
    "policy",
    "procurement",
    "exercise",
    "deployment",
    "summit",
    "talks",
    "industry",
    "doctrine",
    "budget",
    "research",
    "training",
    "bases",
    "patrols",
    "intelligence",
    "alliance",
    "strategy",
    "tests",
    "readiness",
    "reform",
    "modernisation",
]
HEADLINE_VERBS = [
    "signs",
    "expands",
    "unveils",
    "tests",
    "deploys",
    "warns over",
    "boosts",
    "reviews",
    "delays",
    "approves",
    "joins",
    "condemns",
    "launches",
    "holds talks on",
    "orders",
]
COMMENT_WORDS = (
    "agree disagree the this that navy army budget really should would never always policy "
    "government minister ships aircraft missiles region allies treaty cost years time people "
    "think know article point good bad important question answer war peace deterrence exercise"
).split()
NAMES = ["Alex", "Sam", "Kenji", "Mei", "Ravi", "Anna", "Tom", "Hana", "Jae", "Lena", "Omar"]


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


@contextlib.contextmanager
def dates_as_given(*models):
    """Let bulk inserts keep the dates we give: auto_now fields would stamp them all "now"."""
    fields = [
        field
        for model in models
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    saved = [(field, field.auto_now, field.auto_now_add) for field in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


class ArchiveGenerator:
    def __init__(self, plan: Plan, *, report=print, seed_dir: Path | None = None):
        self.plan = plan
        self.random = random.Random(plan.seed)
        self.report = report
        self.seed_dir = seed_dir or Path(settings.BASE_DIR) / "seeds"
        self.started = time.monotonic()
        self.comment_model: Any = Article._meta.get_field("comments").related_model

    def progress(self, message):
        self.report(f"[{time.monotonic() - self.started:6.1f}s] {message}")

    def run(self):
        categories = self.categories()
        sources = self.sources()
        tags = self.tags()
        self.paragraphs = self.paragraph_pool()
        article_ids = self.articles(categories, sources, tags)
        self.related_links(article_ids)
        self.comments(article_ids)
        self.analyze()
        self.progress("done")

    def analyze(self):
        """Fresh planner statistics, so the first benchmark sees the archive as it is."""
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            self.progress("statistics analysed")

    # Reference data: the seed categories and sources plus more, and a long tail of tags.

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

    def next_number(self):
        numbers = generated_articles().values_list("slug", flat=True)
        return 1 + max((int(slug.rsplit("--", 1)[1]) for slug in numbers.iterator()), default=0)

    def article(self, number, *, published_at, sources):
        pick = self.random
        stem = pick.choice(TAG_STEMS)
        headline = (
            f"{stem} {pick.choice(HEADLINE_VERBS)} {pick.choice(TAG_STEMS).lower()} "
            f"{pick.choice(TAG_QUALIFIERS)} amid {pick.choice(TAG_STEMS)} concerns"
        )
        paragraphs = pick.sample(self.paragraphs, k=min(len(self.paragraphs), pick.randint(8, 22)))
        roll = pick.random()
        status = Article.Status.PUBLISHED
        if roll < 0.02:
            status = Article.Status.DRAFT
        elif roll < 0.03:
            status = Article.Status.IN_REVIEW
        headline, standfirst = headline[:200], paragraphs[0][:400]
        body = "\n".join(f"<p>{escape(text)}</p>" for text in paragraphs[1:])
        return Article(
            headline=headline,
            slug=f"{slugify(headline)[:180]}--{number}",
            standfirst=standfirst,
            body=body,
            # Written with the row (bulk inserts bypass Article.save, which keeps it current).
            search_vector=weighted_vector(Value(headline), Value(standfirst), Value(body))
            if connection.vendor == "postgresql"
            else None,
            byline="Newsdesk staff" if roll < 0.5 else "",
            source_id=pick.choice(sources) if roll < 0.8 else None,
            status=status,
            published_at=published_at,
            updated_at=published_at + timedelta(hours=3) if roll > 0.95 else None,
            created_at=published_at,
            modified_at=published_at,
            comments_open=roll > 0.1,
        )

    def articles(self, categories, sources, tags):
        tag_ids, tag_weights = tags
        total = self.plan.articles
        first = self.next_number()
        now = timezone.now()
        span = timedelta(days=365 * YEARS).total_seconds()
        ids: list[int] = []
        through = Article.categories.through
        for start in range(0, total, ARTICLE_BATCH):
            count = min(ARTICLE_BATCH, total - start)
            # Oldest first, evenly spread over the years, so ids grow with publication time.
            batch = [
                self.article(
                    first + start + n,
                    published_at=now - timedelta(seconds=span * (1 - (start + n + 1) / total)),
                    sources=sources,
                )
                for n in range(count)
            ]
            if start + count == total:
                # The newest articles: one pinned as the lead story.
                batch[-3].is_lead = True
            with transaction.atomic(), dates_as_given(Article):
                created = Article.objects.bulk_create(batch)
                links: list = []
                tagged: list[TaggedArticle] = []
                for article in created:
                    for category in self.random.sample(categories, k=self.random.randint(1, 3)):
                        links.append(through(article_id=article.pk, category_id=category))
                    chosen = set(
                        self.random.choices(
                            tag_ids, cum_weights=tag_weights, k=self.random.randint(2, 8)
                        )
                    )
                    tagged.extend(
                        TaggedArticle(content_object_id=article.pk, tag_id=t) for t in chosen
                    )
                through.objects.bulk_create(links)
                TaggedArticle.objects.bulk_create(tagged)
            ids.extend(
                article.pk for article in created if article.status == Article.Status.PUBLISHED
            )
            self.progress(f"articles {start + count:,}/{total:,}")
        return ids

    def related_links(self, article_ids):
        links: list[RelatedLink] = []
        for position, article_id in enumerate(article_ids):
            if position < 10 or self.random.random() > 0.1:
                continue
            older = self.random.sample(
                article_ids[max(0, position - 500) : position], k=self.random.randint(1, 3)
            )
            links.extend(
                RelatedLink(from_article_id=article_id, to_article_id=other, position=n)
                for n, other in enumerate(older)
            )
        RelatedLink.objects.bulk_create(links, batch_size=5000, ignore_conflicts=True)
        self.progress(f"related links {len(links):,}")

    # Comments: skewed counts, threads up to three deep, mostly approved.

    def comment_counts(self, article_ids):
        """How many comments each article gets: one 10,000, a few thousands, the rest a long tail."""
        remaining = self.plan.comments
        counts: dict[int, int] = {}
        if not article_ids or remaining <= 0:
            return counts
        busiest = article_ids[-5]
        counts[busiest] = min(10_000, remaining // 10 or remaining)
        remaining -= counts[busiest]
        # A few thousands each, scaled down for small archives.
        cap = max(1, self.plan.comments // 40)
        for article_id in self.random.sample(article_ids, k=min(len(article_ids), 25)):
            if remaining <= 0:
                break
            if article_id not in counts:
                counts[article_id] = min(remaining, cap, self.random.randint(1000, 4000))
                remaining -= counts[article_id]
        if remaining > 0:
            weights = list(
                itertools.accumulate(self.random.paretovariate(1.3) for _ in article_ids)
            )
            for article_id in self.random.choices(article_ids, cum_weights=weights, k=remaining):
                counts[article_id] = counts.get(article_id, 0) + 1
        return counts

    def comments(self, article_ids):
        Comment = self.comment_model
        counts = self.comment_counts(article_ids)
        published = (
            dict(Article.objects.filter(pk__in=list(counts)).values_list("pk", "published_at"))
            if len(counts) < 50_000
            else None
        )
        total, done = sum(counts.values()), 0
        pending = []
        for article_id, count in counts.items():
            pending.append((article_id, count))
            if sum(n for _, n in pending) >= COMMENT_BATCH:
                done += self.comment_batch(Comment, pending, published)
                pending = []
                self.progress(f"comments {done:,}/{total:,}")
        if pending:
            done += self.comment_batch(Comment, pending, published)
            self.progress(f"comments {done:,}/{total:,}")

    def comment_batch(self, Comment, batch, published):
        pick = self.random
        if published is None:
            published = dict(
                Article.objects.filter(pk__in=[a for a, _ in batch]).values_list(
                    "pk", "published_at"
                )
            )
        statuses = (
            [Comment.Status.APPROVED] * 90
            + [Comment.Status.PENDING] * 5
            + [Comment.Status.REJECTED] * 3
            + [Comment.Status.SPAM] * 2
        )
        levels: dict[int, list[Any]] = {1: [], 2: [], 3: []}
        for article_id, count in batch:
            start = published[article_id]
            for n in range(count):
                # Roughly a third reply to an earlier comment; depth is settled when parents exist.
                depth = 1 if n < 3 or pick.random() < 0.65 else pick.choice([2, 2, 3])
                created_at = start + timedelta(minutes=5 + n * pick.randint(1, 4))
                levels[depth].append(
                    Comment(
                        article_id=article_id,
                        depth=depth,
                        name=pick.choice(NAMES) + str(pick.randint(1, 999)),
                        email=f"reader{pick.randint(1, 50000)}@example.org",
                        body=" ".join(
                            pick.choices(COMMENT_WORDS, k=pick.randint(8, 60))
                        ).capitalize()
                        + ".",
                        status=pick.choice(statuses),
                        created_at=created_at,
                    )
                )
        with transaction.atomic(), dates_as_given(Comment):
            parents: dict[tuple[int, int], list[Any]] = {}
            for depth in (1, 2, 3):
                rows = levels[depth]
                for comment in rows:
                    candidates = parents.get((comment.article_id, depth - 1))
                    if depth > 1:
                        if not candidates:
                            comment.depth = 1
                        else:
                            parent = pick.choice(candidates)
                            comment.parent_id, comment.depth = parent.pk, depth
                            comment.created_at = max(
                                comment.created_at, parent.created_at + timedelta(minutes=1)
                            )
                created = Comment.objects.bulk_create(rows, batch_size=5000)
                for comment in created:
                    if comment.status == Comment.Status.APPROVED:
                        parents.setdefault((comment.article_id, comment.depth), []).append(comment)
            # The count each article carries (kept by the comments app on every change, which
            # bulk inserts bypass), recounted from the rows as that app does.
            approved = (
                Comment.objects.approved()
                .filter(article=OuterRef("pk"))
                .order_by()
                .values("article")
                .annotate(count=Count("pk"))
                .values("count")
            )
            Article.objects.filter(pk__in=[article_id for article_id, _ in batch]).update(
                comment_count=Coalesce(Subquery(approved), 0)
            )
        return sum(len(rows) for rows in levels.values())
