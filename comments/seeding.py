"""Seed comment threads (seeds/comments.toml), approved, loaded when the core's seeds are."""

import tomllib
from datetime import timedelta

from .counts import recount_comments
from .models import Comment


def load_seed_comments(*, seed_dir, report, articles, **_kwargs):
    path = seed_dir / "comments.toml"
    if not path.exists():
        return
    by_article: dict[str, list[Comment]] = {}
    for entry in tomllib.loads(path.read_text(encoding="utf-8"))["comment"]:
        article = articles[entry["article"]]
        thread = by_article.setdefault(article.slug, [])
        comment = Comment.objects.filter(
            article=article, name=entry["name"], body=entry["body"]
        ).first()
        if comment is None:
            parent = thread[entry["reply_to"] - 1] if entry.get("reply_to") else None
            comment = Comment.objects.create(
                article=article,
                parent=parent,
                depth=(parent.depth + 1) if parent else 1,
                name=entry["name"],
                email=entry["email"],
                body=entry["body"],
                status=Comment.Status.APPROVED,
            )
            # Comments come after the article, a few hours apart.
            at = article.published_at + timedelta(hours=2 + 3 * len(thread))
            Comment.objects.filter(pk=comment.pk).update(created_at=at, moderated_at=at)
            report.created.append(f"comment {article.slug}")
        else:
            report.unchanged.append(f"comment {article.slug}")
        thread.append(comment)
    recount_comments({articles[slug].pk for slug in by_article})
