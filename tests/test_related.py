"""articles/related.py: the editor's links first, then the articles sharing most tags+categories."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.dates import isoformat, shown_day
from articles.models import Article, RelatedLink
from articles.related import related_articles

from .factories import make_article, make_category, make_library_image, relate

pytestmark = pytest.mark.django_db


def headlines(articles):
    return [article.headline for article in articles]


def test_editor_links_come_first_then_most_shared_newer_first(settings):
    settings.NEWSDESK = {**settings.NEWSDESK, "RELATED_ARTICLES_COUNT": 4}
    region, topic = make_category(), make_category()
    now = timezone.now()
    article = make_article(categories=[region, topic], tags=["Japan", "Navy", "China"])
    chosen = make_article(headline="Editor's pick", published_at=now - timedelta(days=30))
    make_article(headline="Shares one, newer", tags=["Japan"], published_at=now - timedelta(days=1))
    make_article(headline="Shares one, older", tags=["Navy"], published_at=now - timedelta(days=9))
    make_article(
        headline="Shares four",
        categories=[region, topic],
        tags=["Japan", "Navy"],
        published_at=now - timedelta(days=20),
    )
    make_article(headline="Shares two", categories=[region], tags=["China"])
    make_article(headline="Shares nothing", tags=["Brazil"])
    relate(article, chosen)
    assert headlines(related_articles(article)) == [
        "Editor's pick",
        "Shares four",
        "Shares two",
        "Shares one, newer",
    ]


def test_never_itself_never_a_draft_or_future_and_no_duplicates():
    category = make_category()
    article = make_article(categories=[category], tags=["Japan"])
    linked = make_article(headline="Linked and similar", categories=[category], tags=["Japan"])
    make_article(headline="Draft", categories=[category], status=Article.Status.DRAFT)
    make_article(
        headline="Future", categories=[category], published_at=timezone.now() + timedelta(hours=1)
    )
    draft_link = make_article(headline="Linked draft", status=Article.Status.DRAFT)
    relate(article, draft_link, linked)
    result = headlines(related_articles(article, count=10))
    assert result == ["Linked and similar"]


def test_editor_links_beyond_the_count_are_cut_in_order():
    article = make_article()
    picks = [make_article(headline=f"Pick {n}") for n in range(5)]
    relate(article, *picks)
    assert headlines(related_articles(article, count=3)) == ["Pick 0", "Pick 1", "Pick 2"]


def test_an_article_with_no_tags_or_categories_gets_only_editor_links():
    article = make_article()
    make_article(tags=["Japan"])
    assert related_articles(article) == []


@pytest.mark.parametrize("scale", [1, 30])
def test_related_articles_take_a_fixed_number_of_queries(django_assert_num_queries, scale):
    categories = [make_category() for _ in range(scale)]
    tags = [f"tag {n}" for n in range(scale)]
    article = make_article(categories=categories, tags=tags)
    for _ in range(scale):
        make_article(categories=categories[:1], tags=tags[:2])
    relate(article, make_article())
    # The article's tags and categories (one query), the ranking of the editor's links and the
    # fill (one), the ranked articles.
    with django_assert_num_queries(3):
        related = related_articles(article, count=4)
    assert len(related) == min(4, scale + 1)


def test_article_page_shows_related_articles(client):
    category = make_category()
    article = make_article(categories=[category])
    make_article(headline="A neighbour in the same category", categories=[category])
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Related Articles" in page
    assert "A neighbour in the same category" in page.split('class="related"', 1)[1]


def test_a_related_article_without_an_image_shows_no_picture_box(client):
    article = make_article()
    with_image = make_article(headline="Pictured", lead_image=make_library_image(alt_text="A ship"))
    without_image = make_article(headline="Words only")
    relate(article, with_image, without_image)
    page = client.get(article.get_absolute_url()).content.decode()
    related = page.split('class="related"', 1)[1].split("</aside>", 1)[0]
    items = dict(
        (re.search(r">([^<]+)</a>", item).group(1), item)  # type: ignore[union-attr]
        for item in related.split("<li")[1:]
    )
    assert set(items) == {"Pictured", "Words only"}
    assert 'class="related__item related__item--text"' in items["Words only"]
    assert "<picture" not in items["Words only"] and "<img" not in items["Words only"]
    # The other keeps its picture, so the check above is not vacuous.
    assert 'class="related__item"' in items["Pictured"] and "<img" in items["Pictured"]


def test_related_items_show_headline_link_and_date_escaped(client):
    article = make_article()
    linked = make_article(
        headline="Tanks <& drones>", published_at=timezone.now() - timedelta(days=40)
    )
    relate(article, linked)
    page = client.get(article.get_absolute_url()).content.decode()
    related = page.split('<aside class="related"', 1)[1].split("</aside>", 1)[0]
    assert '<h2 id="related-heading">Related Articles</h2>' in related
    assert (
        f'<a href="{linked.get_absolute_url()}">Tanks &lt;&amp; drones&gt;</a>'
        f' <time datetime="{isoformat(linked.published_at)}">{shown_day(linked.published_at)}</time>'
    ) in related


def test_no_related_articles_no_related_section(client):
    page = client.get(make_article().get_absolute_url()).content.decode()
    assert 'class="related"' not in page


def test_editor_links_keep_the_editors_order_not_their_creation_order():
    article = make_article()
    picks = [make_article(headline=f"Pick {n}") for n in range(3)]
    # Linked first to last, placed last to first: the positions rule.
    for position, pick in zip([2, 1, 0], picks, strict=True):
        RelatedLink.objects.create(from_article=article, to_article=pick, position=position)
    assert headlines(related_articles(article, count=3)) == ["Pick 2", "Pick 1", "Pick 0"]


def test_the_fill_is_drawn_from_each_subjects_most_recent_articles(monkeypatch):
    # Bounded cost: only the most recently filed articles of each tag are candidates, so an old
    # article sharing the tag is left out, however recent its publication date.
    monkeypatch.setattr("articles.related.CANDIDATES_PER_LINK", 2)
    article = make_article(tags=["Navy"])
    make_article(headline="Filed long ago", tags=["Navy"], published_at=timezone.now())
    make_article(
        headline="Filed lately", tags=["Navy"], published_at=timezone.now() - timedelta(days=3)
    )
    make_article(
        headline="Filed last", tags=["Navy"], published_at=timezone.now() - timedelta(days=5)
    )
    assert headlines(related_articles(article, count=4)) == ["Filed lately", "Filed last"]
