import pytest
from django.urls import reverse

from articles.models import Article

from .admin_forms import NO_NOTES, article_form_data
from .factories import make_article, make_category, make_source

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url_name",
    ["admin:articles_article_add", "admin:articles_category_add", "admin:articles_source_add"],
)
def test_add_pages_render_for_an_editor(editor_client, url_name):
    assert editor_client.get(reverse(url_name)).status_code == 200


def test_article_list_offers_search_filters_and_dates(editor_client, editor):
    make_article(
        author=editor,
        headline="Japan, EU sign defense pact",
        source=make_source(name="Voice of America"),
        categories=[make_category(name="Partnerships")],
    )
    make_article(headline="Something else entirely")
    response = editor_client.get(reverse("admin:articles_article_changelist"), {"q": "pact"})
    page = " ".join(response.content.decode().split())
    assert response.status_code == 200
    assert "Japan, EU sign defense pact" in page
    assert "Something else entirely" not in page
    for heading in ("By state", "By category", "By source", "By author"):
        assert f"<summary> {heading} </summary>" in page
    assert "published_at__year=" in page  # the date hierarchy


def test_editor_writes_and_publishes_an_article_end_to_end(editor_client, client):
    category = make_category(name="Partnerships", slug="partnerships")
    source = make_source(name="Voice of America")
    other = make_article(headline="An earlier story")
    response = editor_client.post(
        reverse("admin:articles_article_add"),
        {
            "headline": "EU and Japan hold first naval drill",
            "slug": "eu-and-japan-hold-first-naval-drill",
            "standfirst": "Ships from both sides sailed together.",
            "body": "<p>Ships sailed.</p><script>steal()</script>",
            "byline": "Newsdesk staff",
            "source": source.pk,
            "categories": [category.pk],
            "tags": "Japan, European Union",
            "_transition": "publish",  # the add form's "Publish now" button
            "comments_open": "on",
            "related_links-TOTAL_FORMS": "1",
            "related_links-INITIAL_FORMS": "0",
            "related_links-MIN_NUM_FORMS": "0",
            "related_links-MAX_NUM_FORMS": "1000",
            "related_links-0-position": "0",
            "related_links-0-to_article": other.pk,
            **NO_NOTES,
        },
    )
    assert response.status_code == 302, response.context["errors"]
    article = Article.objects.get(slug="eu-and-japan-hold-first-naval-drill")
    assert article.is_published()
    assert "<script" not in article.body
    assert sorted(article.tags.names()) == ["European Union", "Japan"]

    page = client.get(article.get_absolute_url()).content.decode()
    assert "EU and Japan hold first naval drill" in page
    assert "An earlier story" in page
    assert "Partnerships" in page


def test_change_page_renders_and_saves(editor_client):
    article = make_article(headline="Old headline", categories=[make_category()])
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = editor_client.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert "View on site" in page
    assert 'id="id_slug"' in page

    response = editor_client.post(url, article_form_data(article, headline="New headline"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "New headline"
    assert "New headline" in editor_client.get(article.get_absolute_url()).content.decode()


def test_admin_refuses_an_article_related_to_itself(editor_client):
    article = make_article(categories=[make_category()])
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = {
        "headline": article.headline,
        "slug": article.slug,
        "standfirst": article.standfirst,
        "body": article.body,
        "categories": [c.pk for c in article.categories.all()],
        "status": "published",
        "published_at_0": article.published_at.strftime("%Y-%m-%d"),
        "published_at_1": article.published_at.strftime("%H:%M:%S"),
        "related_links-TOTAL_FORMS": "1",
        "related_links-INITIAL_FORMS": "0",
        "related_links-MIN_NUM_FORMS": "0",
        "related_links-MAX_NUM_FORMS": "1000",
        "related_links-0-position": "0",
        "related_links-0-to_article": article.pk,
        **NO_NOTES,
    }
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "An article cannot be related to itself." in response.content.decode()
    assert not article.related_links.exists()


def test_editors_can_pin_a_lead_story_and_choose_home_sections(editor_client):
    article = make_article()
    make_category()
    page = editor_client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert 'name="is_lead"' in page and "pin as lead story" in page.lower()
    assert "show_on_home" in editor_client.get("/admin/articles/category/").content.decode()


def test_admin_refuses_a_primary_category_outside_the_articles_categories(editor_client):
    land, sea, elsewhere = (make_category(position=position) for position in range(3))
    article = make_article(categories=[land, sea])
    url = reverse("admin:articles_article_change", args=[article.pk])
    # The autocomplete offers every category; the form must refuse one the article is not under.
    response = editor_client.post(
        url, article_form_data(article, primary_category=elsewhere.pk, headline="Changed")
    )
    assert response.status_code == 200
    assert "Choose one of the article&#x27;s categories, or leave it empty." in (
        response.content.decode()
    )
    article.refresh_from_db()
    assert article.headline != "Changed"
    assert article.primary_category == land

    response = editor_client.post(url, article_form_data(article, primary_category=sea.pk))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.primary_category == sea
