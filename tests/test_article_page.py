from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article

from .factories import make_article, make_category, make_source, relate

pytestmark = pytest.mark.django_db


def test_reader_sees_a_published_article(client):
    source = make_source(name="Voice of America", url="https://www.voanews.com/")
    region = make_category(name="Northeast Asia", slug="northeast-asia")
    article = make_article(
        headline="Japan, EU sign defense pact",
        standfirst="A first for the EU in the Indo-Pacific.",
        byline="Newsdesk staff",
        source=source,
        categories=[region],
        tags=["Japan", "European Union"],
        body="<p>The European Union and Japan reached a security agreement.</p>",
    )
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        '<h1 id="article-headline" class="article__headline">Japan, EU sign defense pact</h1>'
        in page
    )
    assert "A first for the EU in the Indo-Pacific." in page
    assert "By Newsdesk staff" in page
    assert '<a href="https://www.voanews.com/" rel="external">Voice of America</a>' in page
    assert '<a href="/category/northeast-asia/">Northeast Asia</a>' in page
    assert '<a href="/tag/japan/">Japan</a>' in page
    assert '<a href="/tag/european-union/">European Union</a>' in page
    assert "<p>The European Union and Japan reached a security agreement.</p>" in page
    assert '<a class="back-to-top" href="#top">' in page
    assert '<html lang="en" id="top">' in page
    assert "Updated" not in page


def test_update_time_is_shown_once_set(client):
    published = timezone.now() - timedelta(days=2)
    article = make_article(published_at=published, updated_at=published + timedelta(days=1))
    response = client.get(article.get_absolute_url())
    assert "Updated <time" in response.content.decode()


@pytest.mark.parametrize(
    ("status", "delta"),
    [(Article.Status.DRAFT, timedelta(days=-1)), (Article.Status.PUBLISHED, timedelta(days=1))],
)
def test_drafts_and_future_articles_are_not_found_by_readers(client, status, delta):
    article = make_article(status=status, published_at=timezone.now() + delta)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_editors_can_open_a_draft_marked_as_preview(editor_client):
    article = make_article(status=Article.Status.DRAFT, published_at=None)
    response = editor_client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Preview: readers cannot see this article yet" in response.content.decode()
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_related_articles_show_only_published_ones_in_editor_order(client):
    article = make_article()
    first = make_article(headline="Chosen first")
    second = make_article(headline="Chosen second")
    draft = make_article(headline="Still a draft", status=Article.Status.DRAFT)
    relate(article, first, draft, second)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Related Articles" in page
    assert page.index("Chosen first") < page.index("Chosen second")
    assert "Still a draft" not in page


def test_comments_section_says_when_comments_are_closed(client):
    article = make_article(comments_open=False)
    assert (
        "Comments are closed on this article."
        in client.get(article.get_absolute_url()).content.decode()
    )


def test_no_asset_comes_from_another_host(client):
    article = make_article()
    page = client.get(article.get_absolute_url()).content.decode()
    for attribute in ('src="http', 'src="//', 'href="//'):
        assert attribute not in page
    assert 'rel="stylesheet" href="/static/' in page


@pytest.mark.parametrize("count", [1, 20])
def test_article_page_query_budget_does_not_grow(
    client, django_assert_max_num_queries, site_cache, count
):
    categories = [make_category() for _ in range(count)]
    article = make_article(
        source=make_source(), categories=categories, tags=[f"tag {n}" for n in range(count)]
    )
    relate(article, *[make_article(categories=categories[:1]) for _ in range(count)])
    # session-less anonymous reader: article + source (joined), categories, tags,
    # related links with their articles, the related articles filling up to the count (one
    # query, see articles/related.py), and the masthead's categories.
    with django_assert_max_num_queries(6):
        response = client.get(article.get_absolute_url())
    page = response.content.decode()
    assert page.count('class="related__list"') == 1
    assert page.count('<li><a href="/tag/') == count
