"""Characters XML cannot carry: refused in editor forms, and never reaching a feed or sitemap."""

from datetime import timedelta

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from articles.models import Article
from tests.admin_forms import article_form_data
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db

# A lone surrogate cannot travel in UTF-8 form data; the form-level test below covers it.
ILLEGAL = ["\x00", "\x07", "\x0b", "\x0c", "\x1f", "\ufffe", "\uffff"]


def test_a_lone_surrogate_is_refused_by_the_form_itself():
    from django.forms import modelform_factory

    from articles.admin import CategoryForm
    from articles.models import Category

    form = modelform_factory(Category, form=CategoryForm, fields="__all__")(
        {"name": "Cyber\ud800", "slug": "cyber", "kind": "topic", "position": 1}
    )
    assert not form.is_valid()
    assert "U+D800" in form.errors["name"][0]


@pytest.mark.parametrize("char", ILLEGAL)
def test_editor_is_told_which_character_to_remove(editor_client, char):
    category = make_category()
    data = article_form_data(
        headline=f"Drills{char} begin",
        slug="drills-begin",
        standfirst="Fine.",
        body="<p>Fine.</p>",
        categories=[category.pk],
        status=Article.Status.DRAFT,
    )
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    told = "Null characters are not allowed" if char == "\x00" else f"U+{ord(char):04X}"
    assert told in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.parametrize("field", ["standfirst", "body", "byline", "tags"])
def test_every_article_field_refuses_a_control_character(editor_client, field):
    category = make_category()
    data = article_form_data(
        headline="Drills begin",
        slug="drills-begin",
        standfirst="Fine.",
        body="<p>Fine.</p>",
        categories=[category.pk],
        status=Article.Status.DRAFT,
    )
    data[field] = "Bell\x07 here"
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200 and "U+0007" in response.content.decode()
    assert not Article.objects.exists()


def test_tabs_and_newlines_are_welcome(editor_client):
    category = make_category()
    data = article_form_data(
        headline="Drills\tbegin",
        slug="drills-begin",
        standfirst="Line one\r\nline two",
        body="<p>Fine.</p>",
        categories=[category.pk],
        status=Article.Status.DRAFT,
    )
    assert editor_client.post(reverse("admin:articles_article_add"), data).status_code == 302


def test_category_form_refuses_a_control_character(editor_client):
    response = editor_client.post(
        reverse("admin:articles_category_add"),
        {"name": "Cy\x0cber", "slug": "cyber", "kind": "topic", "position": 1},
    )
    assert response.status_code == 200 and "U+000C" in response.content.decode()


@pytest.fixture
def smuggled():
    """Text written without the form (a fixture, an import, a queryset update)."""
    category = make_category(name="Cyber\x07", slug="cyber")
    article = make_article(
        categories=[category],
        tags=["Bell\x07"],
        published_at=timezone.now() - timedelta(hours=1),
    )
    Article.objects.filter(pk=article.pk).update(
        headline="Alarm\x07 sounded\x0b", standfirst="Form\x0cfeed", byline="Wire\x1b"
    )
    return category


@pytest.mark.parametrize("name", ["articles:feed", "articles:feed-atom"])
def test_feeds_strip_what_slipped_past_the_form(client, smuggled, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert feed.entries[0].title == "Alarm sounded"


def test_category_feed_strips_its_own_title(client, smuggled):
    response = client.get(reverse("articles:category-feed", args=["cyber"]))
    assert response.status_code == 200
    assert feedparser.parse(response.content).feed.title.startswith("Cyber —")


def test_news_sitemap_stays_well_formed(client, smuggled):
    response = client.get("/sitemap-news.xml")
    assert response.status_code == 200
    tree = etree.fromstring(response.content)
    titles = tree.findall(".//{http://www.google.com/schemas/sitemap-news/0.9}title")
    assert [title.text for title in titles] == ["Alarm sounded"]
