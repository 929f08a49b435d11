"""Seed corrections and updates (seeds/corrections.toml), loaded when the core's seeds are."""

import tomllib
from datetime import timedelta

from articles.models import Article

from .models import ArticleNote


def load_seed_notes(*, seed_dir, report, articles, **_kwargs):
    path = seed_dir / "corrections.toml"
    if not path.exists():
        return
    for entry in tomllib.loads(path.read_text(encoding="utf-8"))["note"]:
        article = articles[entry["article"]]
        if ArticleNote.objects.filter(article=article, text=entry["text"]).exists():
            report.unchanged.append(f"articlenote {article.slug}")
            continue
        at = article.published_at + timedelta(days=entry.get("days_after", 0), hours=3)
        ArticleNote.objects.create(
            article=article, kind=entry["kind"], text=entry["text"], created_at=at
        )
        # As in the admin: a correction or update changes the article's "Updated" time.
        if not article.updated_at or article.updated_at < at:
            Article.objects.filter(pk=article.pk).update(updated_at=at)
        report.created.append(f"articlenote {article.slug}")
