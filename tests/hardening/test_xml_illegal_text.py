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


def test_a_smuggled_image_alt_text_keeps_every_feed_well_formed(client):
    """The lead image's alt text travels nested in the feed item (media:description)."""
    from images.models import Image
    from tests.factories import make_library_image

    image = make_library_image(alt_text="Map")
    make_article(headline="With a map", lead_image=image)
    Image.objects.filter(pk=image.pk).update(alt_text="Map\x07 of\x0b the strait")
    for url in ("/feed/", "/feed/atom/"):
        response = client.get(url)
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert not feed.bozo
        assert "Map of the strait" in response.content.decode()


@pytest.mark.parametrize("field", ["alt_text", "caption", "credit", "title"])
def test_the_image_upload_refuses_a_control_character(editor_client, field):
    from images.models import Image
    from tests.factories import image_bytes
    from tests.images.conftest import upload

    data = {"alt_text": "A map"}
    data[field] = "Map\x07"
    for url in (reverse("admin:images_image_add"), reverse("admin:images_image_chooser_upload")):
        data["file"] = upload(image_bytes((300, 200)))
        response = editor_client.post(url, data)
        assert response.status_code in (200, 400)
        assert "U+0007" in response.content.decode()
    assert not Image.objects.exists()


EDITOR_FORMS = {
    "author profile": (
        "admin:articles_authorprofile_add",
        {"name": "Aiko\x07 Tanaka", "slug": "aiko", "position": 0},
    ),
    "breaking news": (
        "admin:breaking_breakingnews_add",
        {
            "text": "Missile\x07 launch",
            "starts_at_0": "2026-01-01",
            "starts_at_1": "10:00",
            "expires_at_0": "2026-01-01",
            "expires_at_1": "12:00",
        },
    ),
    "tag": (
        "admin:taggit_tag_add",
        {"name": "Bell\x07", "slug": "bell"},
    ),
    "blocked term": (
        "admin:comments_blockedterm_add",
        {"kind": "word", "value": "casino", "note": "Spam\x07"},
    ),
}


@pytest.mark.parametrize("name", EDITOR_FORMS)
def test_every_editor_form_refuses_a_control_character(editor_client, name):
    url, data = EDITOR_FORMS[name]
    response = editor_client.post(reverse(url), data)
    assert response.status_code == 200
    assert "U+0007" in response.content.decode()


def test_a_standards_page_refuses_a_control_character(editor_client):
    from django.contrib.flatpages.models import FlatPage

    page = FlatPage.objects.earliest("pk")
    url = reverse("admin:flatpages_flatpage_change", args=[page.pk])
    response = editor_client.post(url, {"title": "Ethics\x07", "content": "<p>Fine.</p>"})
    assert response.status_code == 200 and "U+0007" in response.content.decode()
    page.refresh_from_db()
    assert "\x07" not in page.title


def test_a_staff_reply_refuses_a_control_character(editor_client):
    from comments.models import Comment
    from tests.comments.conftest import make_comment

    comment = make_comment(make_article(), status=Comment.Status.APPROVED)
    url = reverse("admin:comments_comment_reply", args=[comment.pk])
    response = editor_client.post(url, {"body": "Thank\x07 you."})
    assert response.status_code == 200 and "U+0007" in response.content.decode()
    assert not comment.replies.exists()
