"""What the home page shows, fetched in a fixed number of queries whatever the content.

Every story appears once: the lead, then the two stories under it, then the latest list, then a
section per home category, each leaving out what is already shown.

Queries: lead story, the next stories (top and latest together), the home sections' categories,
then every section's articles in one windowed query. Cards need nothing else: their one label is
the primary category, fetched with the article (`for_listing()`).
"""

from dataclasses import dataclass, field

from django.db.models import F, Window
from django.db.models.functions import RowNumber

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
    in one query: a window numbers each category's articles newest first (SQLite 3.25+, PG)."""
    through = Article.categories.through
    return (
        through.objects.filter(
            category_id__in=[category.pk for category in categories],
            article__in=Article.objects.published(),
        )
        .exclude(article_id__in=leaving_out)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("category_id")],
                order_by=[F("article__published_at").desc(), F("article_id").desc()],
            )
        )
        .filter(rank__lte=SECTION_OVERFETCH)  # type: ignore[misc]  # the stubs miss window aliases
        .select_related("article__source", "article__primary_category", "article__author_profile")
        .order_by("category_id", "rank")
    )


def home_page():
    published = Article.objects.published()
    lead = published.lead_story_first().for_listing().first()
    shown = {lead.pk} if lead else set()
    following = list(published.exclude(pk__in=shown).for_listing()[: TOP_COUNT + LATEST_COUNT])
    top, latest = following[:TOP_COUNT], following[TOP_COUNT:]
    shown |= {article.pk for article in following}

    categories = home_categories()
    candidates: dict[int, list[Article]] = {category.pk: [] for category in categories}
    for row in section_rows(categories, leaving_out=shown):
        candidates[row.category_id].append(row.article)
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
