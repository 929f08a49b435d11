import pytest

from articles.models import Article
from tests.factories import make_article, make_category


@pytest.fixture
def category():
    return make_category(name="Partnerships", slug="partnerships")


@pytest.fixture
def writers_draft(writer, category):
    return make_article(
        headline="Writer's draft on naval drills",
        status=Article.Status.DRAFT,
        published_at=None,
        author=writer,
        categories=[category],
    )
