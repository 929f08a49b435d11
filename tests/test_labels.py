"""articles/labels.py: an article's categories and tags, read together in one query."""

import pytest

from articles.models import Article

from .factories import make_article, make_category

pytestmark = pytest.mark.django_db


def test_categories_in_navigation_order_and_tags_as_added_in_one_query(django_assert_num_queries):
    later = make_category(name="Alpha", position=2)
    first = make_category(name="Zulu", position=1)
    same_place = make_category(name="Bravo", position=2)
    make_category(name="Not this article's", position=0)
    article = make_article(categories=[later, same_place, first])
    for name in ["Navy", "Japan", "Army"]:  # one at a time: taggit orders a batch itself
        article.tags.add(name)
    article = Article.objects.get(pk=article.pk)
    with django_assert_num_queries(1):
        categories = [category.name for category in article.category_list]
        tags = [tag.name for tag in article.tag_list]
    assert categories == ["Zulu", "Alpha", "Bravo"]
    assert tags == ["Navy", "Japan", "Army"]
    # They are the real rows: their addresses, and a column not read up front on access.
    assert article.category_list[0].get_absolute_url() == first.get_absolute_url()
    assert article.category_list[0].description == first.description


def test_an_article_without_labels_has_empty_lists():
    article = Article.objects.get(pk=make_article().pk)
    assert article.category_list == [] and article.tag_list == []
