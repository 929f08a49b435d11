"""What the home page shows, fetched in a fixed number of queries whatever the content, and
at a cost independent of the archive's size: each part reads a few rows from an index.

Queries: the pinned lead story (+ its categories; and the newest article when none is pinned),
latest articles (+ their categories), the home sections' categories, then every section's
articles in one query (+ their categories).
"""

from dataclasses import dataclass, field

from .models import Article, Category
from .querysets import any_of

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


def lead_story(published):
    """The newest pinned story (a partial index holds the pinned few), else the newest."""
    newest_first = published.order_by("-published_at", "-id").for_listing()
    return newest_first.filter(is_lead=True).first() or newest_first.first()


def section_articles(published, categories):
    """The newest SECTION_COUNT published articles of each category, in one query: a union of
    one small index range per category (articles in several sections come once)."""
    newest = (
        published.filter(categories=category)
        .order_by("-published_at", "-id")
        .values("pk")[:SECTION_COUNT]
        for category in categories
    )
    return published.filter(any_of(newest)).order_by("-published_at", "-id").for_listing()


def home_page():
    published = Article.objects.published()
    lead = lead_story(published)
    latest = list(
        published.exclude(pk=getattr(lead, "pk", None))
        .order_by("-published_at", "-id")
        .for_listing()[:LATEST_COUNT]
    )
    categories = home_categories()
    sections = {category.pk: Section(category) for category in categories}
    for article in section_articles(published, categories):
        for category in article.categories.all():
            section = sections.get(category.pk)
            if section is not None and len(section.articles) < SECTION_COUNT:
                section.articles.append(article)
    return {
        "lead_story": lead,
        "latest_articles": latest,
        "sections": [section for section in sections.values() if section.articles],
    }
