"""Load the structured seed content in `seeds/` into the database, idempotently.

Running it twice leaves the database as it was after the first run: rows are matched on their
slug, and a row whose fields already match is not saved again (so its modification time stays).
"""

import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.dispatch import Signal
from django.utils.html import escape

from images.models import Image
from images.services import add_image

from .models import Article, AuthorProfile, Category, RelatedLink, Source
from .sanitize import sanitize_body_html

# Sent inside the loading transaction once articles are in place, with `seed_dir` and `report`:
# apps built on the core (workflow corrections, comments, read counts) load their own seed
# files, since the core never imports them.
seeds_loaded = Signal()


@dataclass
class SeedReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def paragraphs_to_html(paragraphs: list[str]) -> str:
    return "\n".join(f"<p>{escape(text)}</p>" for text in paragraphs)


def _upsert(model, report, *, slug, **values):
    instance = model.objects.filter(slug=slug).first()
    if instance is None:
        instance = model.objects.create(slug=slug, **values)
        report.created.append(f"{model._meta.model_name} {slug}")
        return instance
    changed = {name: value for name, value in values.items() if getattr(instance, name) != value}
    if changed:
        for name, value in changed.items():
            setattr(instance, name, value)
        instance.save()
        report.updated.append(f"{model._meta.model_name} {slug}")
    else:
        report.unchanged.append(f"{model._meta.model_name} {slug}")
    return instance


def _read(path: Path) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


@transaction.atomic
def load_seeds(seed_dir: Path) -> SeedReport:
    report = SeedReport()
    for entry in _read(seed_dir / "categories.toml")["category"]:
        _upsert(
            Category,
            report,
            slug=entry["slug"],
            name=entry["name"],
            kind=entry.get("kind", Category.Kind.TOPIC),
            description=entry.get("description", ""),
            position=entry.get("position", 100),
            show_on_home=entry.get("show_on_home", False),
        )
    sources = {}
    for entry in _read(seed_dir / "sources.toml")["source"]:
        sources[entry["name"]] = _upsert(
            Source, report, slug=entry["slug"], name=entry["name"], url=entry.get("url", "")
        )

    authors = {}
    authors_file = seed_dir / "authors.toml"
    for entry in _read(authors_file)["author"] if authors_file.exists() else []:
        fields = ("name", "role", "bio", "email", "website", "x_handle", "linkedin", "position")
        authors[entry["slug"]] = _upsert(
            AuthorProfile,
            report,
            slug=entry["slug"],
            **{name: entry.get(name, "" if name != "position" else 100) for name in fields},
        )

    seeded = [_read(path) for path in sorted((seed_dir / "articles").glob("*.toml"))]
    articles = {}
    for entry in seeded:
        article = _upsert(
            Article,
            report,
            slug=entry["slug"],
            headline=entry["headline"],
            standfirst=entry["standfirst"],
            body=sanitize_body_html(paragraphs_to_html(entry["body"])),
            byline=entry.get("byline", ""),
            source=sources[entry["source"]] if entry.get("source") else None,
            author_profile=authors[entry["author"]] if entry.get("author") else None,
            status=Article.Status.PUBLISHED,
            published_at=datetime.fromisoformat(entry["published_at"]),
            comments_open=entry.get("comments_open", True),
            lead_image=_library_image(seed_dir, entry, report),
        )
        wanted_categories = set(Category.objects.filter(slug__in=entry["categories"]))
        if set(article.categories.all()) != wanted_categories:
            article.categories.set(wanted_categories)
        primary = entry.get("primary_category")
        if primary and article.section and article.section.slug != primary:
            article.primary_category = Category.objects.get(slug=primary)
            article.save(update_fields=["primary_category"])
        if sorted(article.tags.names()) != sorted(entry.get("tags", [])):
            article.tags.set(entry.get("tags", []))
        articles[entry["slug"]] = article

    for entry in seeded:
        wanted = [
            (position, articles[slug]) for position, slug in enumerate(entry.get("related", []))
        ]
        article = articles[entry["slug"]]
        current = [(link.position, link.to_article) for link in article.related_links.all()]
        if current != wanted:
            article.related_links.all().delete()
            RelatedLink.objects.bulk_create(
                RelatedLink(from_article=article, to_article=other, position=position)
                for position, other in wanted
            )
    seeds_loaded.send(sender=Article, seed_dir=seed_dir, report=report, articles=articles)
    return report


def _library_image(seed_dir: Path, entry: dict, report: SeedReport) -> Image | None:
    """The seed's lead image in the image library: one image per file and texts (articles with
    the same photo and words share it), found again on the next run by those."""
    relative_path = entry.get("lead_image")
    if not relative_path:
        return None
    image_path = seed_dir / relative_path
    texts = {
        "title": image_path.stem.replace("-", " ").capitalize(),
        "alt_text": entry.get("lead_image_alt", ""),
        "caption": entry.get("lead_image_caption", ""),
        "credit": entry.get("lead_image_credit", ""),
    }
    found = Image.objects.filter(**texts).first()
    if found is not None:
        return found
    with image_path.open("rb") as handle:
        image = add_image(file=File(handle, name=image_path.name), **texts)
    report.created.append(f"image {image_path.name}")
    return image
