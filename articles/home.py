"""What the home page shows, fetched in a fixed number of queries whatever the content.

Queries: lead story (+ its categories), latest articles (+ their categories), the home
sections' categories, then every section's articles in one windowed query (+ their categories).
"""

from dataclasses import dataclass, field

from django.db.models import F, Prefetch, Window
from django.db.models.functions import RowNumber

from .models import Article, Category

LATEST_COUNT = 6
SECTION_COUNT = 4
FALLBACK_SECTIONS = 4


@dataclass
class Section:
    category: Category
    articles: list = field(default_factory=list)


def home_categories():
    """The categories ticked "section on the home page"; with none ticked, the first four."""
    ticked = list(Category.objects.filter(show_on_home=True))
    return ticked or list(Category.objects.all()[:FALLBACK_SECTIONS])


def home_page():
    published = Article.objects.published()
    lead = published.lead_story_first().for_listing().first()
    latest = list(published.exclude(pk=getattr(lead, "pk", None)).for_listing()[:LATEST_COUNT])
    categories = home_categories()
    sections = {category.pk: Section(category) for category in categories}
    # One query for every section: number each category's articles newest first and keep the
    # first few of each (a window function: SQLite 3.25+ and PostgreSQL).
    through = Article.categories.through
    rows = (
        through.objects.filter(category_id__in=sections, article__in=published)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("category_id")],
                order_by=[F("article__published_at").desc(), F("article_id").desc()],
            )
        )
        .filter(rank__lte=SECTION_COUNT)  # type: ignore[misc]  # the stubs miss window aliases
        .select_related("article__source")
        .prefetch_related(
            Prefetch("article__categories", queryset=Category.objects.only("name", "slug"))
        )
        .order_by("category_id", "rank")
    )
    for row in rows:
        sections[row.category_id].articles.append(row.article)
    return {
        "lead_story": lead,
        "latest_articles": latest,
        "sections": [section for section in sections.values() if section.articles],
    }
