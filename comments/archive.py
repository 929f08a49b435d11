"""The comments of the synthetic archive (articles/archive.py): skewed as on a real site (most
articles a few, some thousands, exactly one 10,000), threaded three deep, mostly approved.

The generator knows nothing of comments: it sends `archive_articles_written` once its articles
are in, and this app answers with the rows, streamed like the articles' (COPY on PostgreSQL)
with ids chosen here, so a reply knows its parent without reading anything back. The approved
count each article carries is handed back as a column to derive (comments/counts.py), so the
generator computes it in the one UPDATE it runs anyway, not in a second pass over every article.
"""

import random
from collections.abc import Iterator
from datetime import timedelta

from articles.archive_rows import next_id, reset_sequences, write_rows
from articles.archive_vocabulary import COMMENT_WORDS, NAMES

from .counts import approved_count_subquery
from .models import Comment

BUSIEST = 10_000  # the one article with the most comments
FEW_THOUSANDS = 25  # articles with a thousand comments or more
TAIL_WEIGHT_CAP = 100  # the rest: a Pareto long tail, cut so none nears the few thousands

COLUMNS = [
    "id",
    "article_id",
    "parent_id",
    "depth",
    "name",
    "email",
    "body",
    "status",
    "created_at",
]

# Nine in ten approved: the statuses drawn from, in proportion.
STATUSES = (
    [Comment.Status.APPROVED] * 90
    + [Comment.Status.PENDING] * 5
    + [Comment.Status.REJECTED] * 3
    + [Comment.Status.SPAM] * 2
)


def comment_counts(article_ids: list[int], total: int, pick: random.Random) -> dict[int, int]:
    """How many comments each article gets: exactly one the most (10,000 of a million, a tenth
    of a small archive's), a few thousands each, and a long tail of a few for the rest."""
    if not article_ids or total <= 0:
        return {}
    busiest = article_ids[-5] if len(article_ids) >= 5 else article_ids[-1]
    counts = {busiest: min(BUSIEST, total // 10 or total)}
    remaining = total - counts[busiest]
    # A few thousands each, scaled down for small archives, always below the busiest.
    cap = min(max(1, total // 40), counts[busiest] - 1 or 1)
    others = [pk for pk in article_ids if pk != busiest]
    for article_id in pick.sample(others, k=min(len(others), FEW_THOUSANDS)):
        if remaining <= 0:
            break
        counts[article_id] = min(remaining, cap, pick.randint(1000, 4000))
        remaining -= counts[article_id]
    tail = [pk for pk in others if pk not in counts] or others
    # Shares of a capped Pareto draw: most articles get a few, none more than a few hundred.
    weights = [min(pick.paretovariate(1.3), TAIL_WEIGHT_CAP) for _ in tail]
    scale = remaining / sum(weights)
    shares = {pk: int(weight * scale) for pk, weight in zip(tail, weights, strict=True)}
    for article_id in pick.choices(tail, k=remaining - sum(shares.values())):
        shares[article_id] += 1
    for article_id, share in shares.items():
        if share:
            counts[article_id] = counts.get(article_id, 0) + share
    return counts


def write_archive_comments(sender, *, published, comments, pick, progress, **_kwargs):
    """Receiver of articles.archive.archive_articles_written: `comments` rows over the
    `published` articles ((id, publication time), oldest first), drawn from the generator's
    own `pick` so that a seed gives the same archive. Returns the article column to derive."""
    counts = comment_counts([pk for pk, _ in published], comments, pick)
    if not counts:
        return {}
    total = sum(counts.values())
    first_id = next_id(Comment)
    approved = Comment.Status.APPROVED

    def rows() -> Iterator[tuple]:
        pk = first_id
        for article_id, at in published:
            count = counts.get(article_id, 0)
            # Approved comments by depth, that a reply may answer (roughly a third reply).
            parents: dict[int, list[int]] = {1: [], 2: []}
            moment = at + timedelta(minutes=5)
            for n in range(count):
                depth = 1 if n < 3 or pick.random() < 0.65 else pick.choice((2, 2, 3))
                parent = None
                if depth > 1:
                    if candidates := parents[depth - 1]:
                        parent = pick.choice(candidates)
                    else:
                        depth = 1
                status = pick.choice(STATUSES)
                moment += timedelta(minutes=pick.randint(1, 4))
                if status == approved and depth < 3:
                    parents[depth].append(pk)
                yield (
                    pk,
                    article_id,
                    parent,
                    depth,
                    pick.choice(NAMES) + str(pick.randint(1, 999)),
                    f"reader{pick.randint(1, 50000)}@example.org",
                    " ".join(pick.choices(COMMENT_WORDS, k=pick.randint(8, 60))).capitalize() + ".",
                    status,
                    moment,
                )
                pk += 1
                if (pk - first_id) % 100_000 == 0:
                    progress(f"comments {pk - first_id:,}/{total:,}")

    written = write_rows(Comment, COLUMNS, rows())
    reset_sequences(Comment)
    progress(f"comments {written:,}")
    return {"comment_count": approved_count_subquery()}
