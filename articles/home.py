"""What the home page shows, fetched in a fixed number of queries whatever the content.

Every story appears once: the lead, then the two stories under it, then the latest list, then a
section per home category, each leaving out what is already shown.

Queries: the newest stories and the pinned lead story (lead, top and latest together), the home
sections' categories, then every section's articles in one query (its per-category parts
written as SQL, articles/link_queries.py) and their categories in another, each reading a few
index entries whatever the archive's size. Cards need nothing else: their one label is
the primary category and their picture's renditions are listed on the lead image's row, both
fetched with the article (`for_listing()`).
"""

from dataclasses import dataclass, field

from .link_queries import newest_and_pinned, newest_in_categories
from .models import Article, Category

TOP_COUNT = 2
LATEST_COUNT = 6
SECTION_COUNT = 4
FALLBACK_SECTIONS = 4
# A story filed in several home categories is shown in the first only; fetching a few more per
# section than it shows keeps later sections full without another query.
SECTION_OVERFETCH = 2 * SECTION_COUNT


@dataclass
class Section:
    category: Category
    articles: list = field(default_factory=list)


def home_categories():
    """The categories ticked "section on the home page"; with none ticked, the first four."""
    ticked = list(Category.objects.filter(show_on_home=True))
    return ticked or list(Category.objects.all()[:FALLBACK_SECTIONS])


def section_rows(categories, *, leaving_out):
    """Each category's newest published articles (up to SECTION_OVERFETCH), not in `leaving_out`,
    as (category id, article) pairs newest first, in two queries whatever the archive's size:
    the articles, from one small index range per category (a UNION ALL), then which of the
    categories each belongs to. (A window numbering every category's articles read them all.)"""
    newest = newest_in_categories(
        [category.pk for category in categories],
        leaving_out=leaving_out,
        per_category=SECTION_OVERFETCH,
    )
    if newest is None:
        return
    articles = {
        article.pk: article
        for article in Article.objects.published()
        .filter(pk__in=newest)
        .order_by("-published_at", "-id")
        .for_listing()
    }
    links = Article.categories.through.objects.filter(
        article_id__in=list(articles), category_id__in=[category.pk for category in categories]
    ).values_list("category_id", "article_id")
    by_category: dict[int, list[Article]] = {}
    for category_id, article_id in links:
        by_category.setdefault(category_id, []).append(articles[article_id])
    order = list(articles)
    for category_id, found in by_category.items():
        found.sort(key=lambda article: order.index(article.pk))
        for article in found[:SECTION_OVERFETCH]:
            yield category_id, article


def top_of_page(published):
    """The lead story and the stories after it: the newest pinned story (a partial index holds
    the pinned ones), else the newest. One query reads the newest few and the newest pinned
    story together: a pinned story among the newest few is the newest pinned (any newer one
    would be among them too), so the first pinned row, newest first, is the lead."""
    rows = list(
        published.filter(pk__in=newest_and_pinned(1 + TOP_COUNT + LATEST_COUNT))
        .order_by("-published_at", "-id")
        .for_listing()
    )
    lead = next((article for article in rows if article.is_lead), rows[0] if rows else None)
    following = [article for article in rows if article != lead][: TOP_COUNT + LATEST_COUNT]
    return lead, following


def home_page():
    published = Article.objects.published()
    lead, following = top_of_page(published)
    top, latest = following[:TOP_COUNT], following[TOP_COUNT:]
    shown = {article.pk for article in [lead, *following] if article}

    categories = home_categories()
    candidates: dict[int, list[Article]] = {category.pk: [] for category in categories}
    for category_id, article in section_rows(categories, leaving_out=shown):
        candidates[category_id].append(article)
    sections = []
    for category in categories:  # in navigation order: earlier sections keep shared stories
        fresh = [article for article in candidates[category.pk] if article.pk not in shown]
        fresh = fresh[:SECTION_COUNT]
        shown |= {article.pk for article in fresh}
        if fresh:
            sections.append(Section(category, fresh))
    return {
        "lead_story": lead,
        "top_stories": top,
        "latest_articles": latest,
        "sections": sections,
    }
