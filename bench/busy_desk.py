"""A busy desk's rows, shared by the desk benchmark (bench/desk_pages.py) and the query-plan tests
(tests/test_desk_query_plans.py): 8,000 articles, nearly all published, a few drafts and fewer
in review, each with its workflow step, and 20,000 comments of which 1 % await moderation."""

import random
from datetime import timedelta


def fill_busy_desk(author, *, slug_prefix="story", comment_body="A remark."):
    from django.db import connection
    from django.utils import timezone

    from articles.models import Article
    from comments.models import Comment
    from workflow.models import StatusChange

    rng, now = random.Random(14), timezone.now()
    articles = Article.objects.bulk_create(
        Article(
            headline=f"Story {n}",
            slug=f"{slug_prefix}-{n}",
            standfirst="S.",
            body="<p>B.</p>",
            author=author,
            status="review" if n % 100 == 0 else "draft" if n % 25 == 1 else "published",
            published_at=now - timedelta(hours=n),
        )
        for n in range(8000)
    )
    StatusChange.objects.bulk_create(
        StatusChange(
            article=article,
            action="submit",
            from_state="draft",
            to_state="review",
            at=now - timedelta(minutes=n),
            notified_at=now,
        )
        for n, article in enumerate(articles)
    )
    Comment.objects.bulk_create(
        Comment(
            article=rng.choice(articles),
            name="Reader",
            email=f"reader{rng.randrange(800)}@example.org",
            body=comment_body,
            ip_address=f"203.0.{rng.randrange(4)}.{rng.randrange(250)}",
            status="pending" if n % 100 == 0 else rng.choice(["approved", "rejected", "spam"]),
            notified_at=now,
        )
        for n in range(20000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
