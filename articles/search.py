"""Full-text search over published articles, with filters and two sort orders.

The query is parsed once (articles/search_terms.py: spellings, possessives, phrases, exclusions).
PostgreSQL: each term becomes a tsquery (its spellings OR'ed, phrases as phrase queries) matched
against the stored weighted search vector (Article.search_vector: headline A, standfirst B, body
C; articles/search_document.py) and its GIN index. A common word matches most of the archive, so
by relevance only a bounded candidate set is ranked: the MAX_CANDIDATES most recent matches
(recency matters in news); highlighted snippets are computed only for the page shown (PostgreSQL
evaluates them after the sort and limit). So a search costs the same at any archive size.
SQLite (development): the same terms as case-insensitive matches, headline matches first. Both
return the same shape.
"""

import html
import re
import unicodedata

from django.db import connection, transaction
from django.db.models import Case, F, Q, When
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from .models import Article
from .search_document import SEARCH_CONFIG, TEXT_FIELDS, weighted_vector
from .search_terms import Term, highlight_pattern, parse

MAX_QUERY_LENGTH = 200
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


class Sort:
    RELEVANCE = "relevance"
    DATE = "date"


def _term_query(term: Term, *, loose: bool = False):
    """The tsquery of one term; `loose`: a phrase's words in any order and place (what the GIN
    index can answer alone, without reading each match's vector)."""
    from django.contrib.postgres.search import SearchQuery

    kind = "phrase" if term.is_phrase and not loose else "plain"
    alternatives = [
        SearchQuery(text, search_type=kind, config=SEARCH_CONFIG) for text in term.phrasings()
    ]
    query = alternatives[0]
    for alternative in alternatives[1:]:
        query |= alternative
    return ~query if term.excluded else query


def _all_of(queries):
    combined = queries[0]
    for query in queries[1:]:
        combined &= query
    return combined


def _search_postgresql(terms: list[Term], *, sort: str, narrow):
    from django.contrib.postgres.search import SearchHeadline, SearchRank

    search_query = _all_of([_term_query(term) for term in terms])
    matching = narrow(Article.objects.published().filter(search_vector=search_query))
    recent_only = None
    phrase = any(term.is_phrase for term in terms)
    if phrase:
        # A phrase is checked word position by word position in each candidate's stored vector.
        # Two common words that never meet would have every article holding both checked, so
        # only the MAX_CANDIDATES most recent of those are (the words' matches, bounded as a
        # common word's are below), and the phrase is checked in them.
        loose = _all_of([_term_query(term, loose=True) for term in terms if not term.excluded])
        loosely = narrow(Article.objects.published().filter(search_vector=loose))
        candidates = _few_matches(loosely)
        if candidates is None:
            recent_only = MAX_CANDIDATES
            candidates = loosely.order_by("-published_at", "-id").values("pk")[:MAX_CANDIDATES]
        matching = Article.objects.filter(pk__in=candidates, search_vector=search_query)
    if sort == Sort.DATE:
        found = matching.order_by("-published_at", "-id")
    else:
        # A phrase's matches are bounded already; else read a rare word's through the index.
        candidates = matching.values("pk") if phrase else _few_matches(matching)
        if candidates is None:
            # A common word: the most recent matches are dense among the newest articles,
            # found by walking the publication-time index and testing each stored vector.
            candidates = matching.order_by("-published_at", "-id").values("pk")[:MAX_CANDIDATES]
        found = (
            Article.objects.filter(pk__in=candidates)
            .annotate(rank=SearchRank(F("search_vector"), search_query))
            .order_by("-rank", "-published_at", "-id")
        )
    # One passage, the one that best covers the query: in fragment mode (two passages) PostgreSQL
    # takes twice as long, about 0.75 ms an article body, and a page of results is 12 of them.
    found = found.annotate(
        snippet_source=SearchHeadline(
            "body",
            search_query,
            config=SEARCH_CONFIG,
            start_sel=START,
            stop_sel=STOP,
            max_words=35,
            min_words=15,
        )
    )
    return found, recent_only


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


def _term_condition(term: Term, field_name: str) -> Q:
    if not term.is_phrase:
        condition = Q()
        for spelling in term.variants[0]:
            condition |= Q(**{f"{field_name}__icontains": spelling})
        return condition
    # A phrase: its words in order, separated by anything that is not a letter, possessives
    # allowed ("Japan's navy" matches "japan navy"); SQLite runs REGEXP through Python's re.
    words = [
        "(?:" + "|".join(re.escape(spelling) for spelling in spellings) + ")(?:['’]s)?"
        for spellings in term.variants
    ]
    return Q(**{f"{field_name}__iregex": r"\b" + r"\W+".join(words) + r"\b"})


def _matches(term: Term, *fields: str) -> Q:
    condition = Q()
    for field_name in fields:
        condition |= _term_condition(term, field_name)
    return condition


def _search_fallback(terms: list[Term], *, sort: str):
    fields = ("headline", "standfirst", "body")
    condition = Q()
    for term in terms:
        matches = _matches(term, *fields)
        condition &= ~matches if term.excluded else matches
    found = Article.objects.published().filter(condition)
    if sort == Sort.DATE:
        return found.order_by("-published_at", "-id")
    # Relevance without a ranking function: headline matches, then standfirst, then the rest.
    wanted = [term for term in terms if not term.excluded]
    in_headline, in_standfirst = Q(), Q()
    for term in wanted:
        in_headline &= _matches(term, "headline")
        in_standfirst &= _matches(term, "standfirst")
    return found.annotate(
        rank=Case(When(in_headline, then=2), When(in_standfirst, then=1), default=0)
    ).order_by("-rank", "-published_at", "-id")


def search_articles(query: str, *, category=None, since=None, until=None, sort=Sort.RELEVANCE):
    """Published articles matching `query` (already cleaned), in `category` (a Category), published
    on or after the date `since` and on or before the date `until`, best first or newest first."""
    terms = parse(query)
    if not terms:
        return Article.objects.none()

    def narrow(found):
        if category is not None:
            found = found.filter(categories=category)
        if since:
            found = found.filter(published_at__date__gte=since)
        if until:
            found = found.filter(published_at__date__lte=until)
        return found

    recent_only = None
    if connection.vendor == "postgresql":
        # The filters narrow the matches before the candidates are bounded.
        found, recent_only = _search_postgresql(terms, sort=sort, narrow=narrow)
    else:
        found = narrow(_search_fallback(terms, sort=sort))
    found = found.for_listing()
    if connection.vendor != "postgresql":
        # Without PostgreSQL's highlighted passage, the snippet is cut from the body here.
        found = found.defer(None).defer("search_vector")
    # A phrase looked for in the most recent articles holding its words only: the page says so.
    found.phrase_among_recent = recent_only  # type: ignore[attr-defined]
    return found


def _word_boundary_excerpt(text: str, start: int, end: int) -> str:
    """text[start:end], widened to whole words, with an ellipsis where it is cut."""
    if start > 0:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space != -1 else 0
    if end < len(text):
        space = text.find(" ", end)
        end = space if space != -1 else len(text)
    excerpt = text[start:end].strip()
    return ("… " if start > 0 else "") + excerpt + (" …" if end < len(text) else "")


def snippet_for(article, query: str) -> str:
    """The highlighted snippet of one result: on PostgreSQL the body's matched passages; else
    the standfirst, or the body's passage around the first match (cut at word boundaries), with
    every spelling of the query's words marked."""
    source = getattr(article, "snippet_source", None)
    if source and START in source:
        return marked_snippet(source, from_html=True)
    pattern = highlight_pattern(parse(query))
    if pattern is None:
        return marked_snippet(article.standfirst)
    text = article.standfirst
    # PostgreSQL looked for the words in the body already (snippet_source): they are not there.
    if source is None and not pattern.search(text):
        body = " ".join(html.unescape(strip_tags(article.body)).split())
        match = pattern.search(body)
        if match:
            text = _word_boundary_excerpt(
                body, match.start() - SNIPPET_CONTEXT, match.end() + SNIPPET_CONTEXT * 2
            )
    return marked_snippet(pattern.sub(lambda m: f"{START}{m.group(0)}{STOP}", text))
