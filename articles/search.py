"""Full-text search over published articles.

PostgreSQL: the stored weighted search vector (Article.search_vector: headline A, standfirst B,
body C; articles/search_document.py) and its GIN index find the matches. A common word matches
most of the archive, so only a bounded candidate set is ranked: the MAX_CANDIDATES most recent
matches (recency matters in news), best first; highlighted snippets are computed only for the
page shown (PostgreSQL evaluates them after the sort and limit). So a search costs the same at
any archive size. SQLite (development): every word must appear somewhere (icontains), newest
first; the snippet is the standfirst with the words marked. Both return the same shape.
"""

import html
import re
import unicodedata

from django.db import connection, transaction
from django.db.models import F, Q
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from .models import Article
from .search_document import SEARCH_CONFIG, TEXT_FIELDS, weighted_vector

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
SNIPPET_CONTEXT = 80
MAX_CANDIDATES = 1000
# Private-use characters mark matches inside the snippet until it has been escaped.
START, STOP = "\ue000", "\ue001"


def clean_query(raw: str) -> str:
    """A query safe to send anywhere: no control characters (NUL included), folded white space,
    capped in length."""
    text = unicodedata.normalize("NFKC", raw or "")[: MAX_QUERY_LENGTH * 4]
    text = "".join(
        " " if unicodedata.category(char) in {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"} else char
        for char in text
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def search_vector():
    """The document's vector computed from the columns (the stored one is Article.search_vector)."""
    return weighted_vector(*TEXT_FIELDS)


def marked_snippet(raw: str, *, from_html: bool = False) -> str:
    """Escape a snippet and turn the match markers into <mark>; from HTML, tags are dropped and
    entities decoded first."""
    if from_html:
        raw = html.unescape(strip_tags(raw))
    text = escape(" ".join(raw.split()))
    return mark_safe(text.replace(START, "<mark>").replace(STOP, "</mark>"))


def _search_postgresql(query: str):
    from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank

    # websearch syntax never raises on odd input: quotes, "or", "-word", stray & | ! :*.
    search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
    matching = Article.objects.published().filter(search_vector=search_query)
    candidates = _few_matches(matching)
    if candidates is None:
        # A common word: the most recent matches are dense among the newest articles, found by
        # walking the publication-time index and testing each stored vector.
        candidates = matching.order_by("-published_at", "-id").values("pk")[:MAX_CANDIDATES]
    return (
        Article.objects.filter(pk__in=candidates)
        .annotate(rank=SearchRank(F("search_vector"), search_query))
        .annotate(
            snippet_source=SearchHeadline(
                "body",
                search_query,
                config=SEARCH_CONFIG,
                start_sel=START,
                stop_sel=STOP,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )
        .order_by("-rank", "-published_at", "-id")
    )


def _few_matches(matching):
    """The ids of all matches if there are at most MAX_CANDIDATES, else None.

    Read through the GIN index only (a bitmap scan, stopped after MAX_CANDIDATES + 1 rows): the
    planner's estimate of how many rows match a phrase or a rare word can be off by a factor of
    thousands, and it would then walk the whole archive testing each row for matches that are
    not there."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('enable_seqscan', 'off', true), "
            "set_config('enable_indexscan', 'off', true)"
        )
        ids = list(matching.order_by().values_list("pk", flat=True)[: MAX_CANDIDATES + 1])
    return ids if len(ids) <= MAX_CANDIDATES else None


def _search_fallback(query: str):
    terms = query.split()[:MAX_TERMS]
    condition = Q()
    for term in terms:
        condition &= (
            Q(headline__icontains=term) | Q(standfirst__icontains=term) | Q(body__icontains=term)
        )
    return Article.objects.published().filter(condition)


def search_articles(query: str):
    """Published articles matching `query` (already cleaned), best first."""
    if connection.vendor == "postgresql":
        return _search_postgresql(query).select_related("source").prefetch_related("categories")
    return _search_fallback(query).for_listing()


def snippet_for(article, query: str) -> str:
    """The highlighted snippet of one result: on PostgreSQL the body's matched passages; else
    the standfirst, or the body's passage around the first match, with the query's words marked."""
    source = getattr(article, "snippet_source", None)
    if source and START in source:
        return marked_snippet(source, from_html=True)
    terms = [term for term in query.split()[:MAX_TERMS] if term.strip()]
    if not terms:
        return marked_snippet(article.standfirst)
    pattern = re.compile("|".join(re.escape(term) for term in terms), re.IGNORECASE)
    text = article.standfirst
    if not pattern.search(text):
        body = " ".join(html.unescape(strip_tags(article.body)).split())
        match = pattern.search(body)
        if match:
            start = max(0, match.start() - SNIPPET_CONTEXT)
            text = body[start : match.end() + SNIPPET_CONTEXT * 2]
            text = ("… " if start else "") + text + (" …" if len(body) > start + len(text) else "")
    return marked_snippet(pattern.sub(lambda m: f"{START}{m.group(0)}{STOP}", text))
