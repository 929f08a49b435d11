"""One slug policy: names in any alphabet, or with no letters at all, give pages that answer 200."""

from urllib.parse import quote

import feedparser
import pytest
from django.urls import reverse
from taggit.models import Tag

from articles.models import Category
from articles.slugs import slug_for_name
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db

NAMES = {
    "French": "Défense aérienne",
    "Russian": "Оборона",
    "Japanese": "防衛省",
    "Arabic": "الدفاع الجوي",
}


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Défense aérienne", "défense-aérienne"),
        ("Оборона", "оборона"),
        ("防衛省", "防衛省"),
        ("الدفاع الجوي", "الدفاع-الجوي"),
        ("ＦＵＬＬ width", "full-width"),  # NFKC: what a reader would type
    ],
)
def test_slug_keeps_letters_of_every_alphabet(name, slug):
    assert slug_for_name(name) == slug


def test_a_name_without_letters_gets_a_stable_non_empty_slug():
    first = slug_for_name("!!!", prefix="tag")
    assert first.startswith("tag-") and first == slug_for_name("!!!", prefix="tag")
    assert slug_for_name("★") != first


def test_slug_is_cut_at_a_word_boundary_within_the_limit():
    # U+FDFA expands to 18 characters under NFKC: a 100-character name can outgrow its column.
    slug = slug_for_name("\ufdfa" * 20, max_length=100)
    assert 0 < len(slug) <= 100 and not slug.endswith("-")


@pytest.mark.parametrize("language", NAMES)
def test_tag_in_any_language_works_from_article_to_sitemap(client, language):
    name = NAMES[language]
    article = make_article(slug=slug_for_name(f"{name} story"), tags=[name])
    tag = Tag.objects.get(name=name)
    assert tag.slug == slug_for_name(name)

    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    tag_url = reverse("articles:tag", kwargs={"slug": tag.slug})
    assert quote(f"/tag/{tag.slug}/") == tag_url
    assert tag_url in page.content.decode()

    listing = client.get(tag_url)
    assert listing.status_code == 200 and article.headline in listing.content.decode()
    feed = feedparser.parse(client.get(reverse("articles:tag-feed", args=[tag.slug])).content)
    assert not feed.bozo and [entry.title for entry in feed.entries] == [article.headline]

    sitemap = client.get("/sitemap-tags.xml")
    assert sitemap.status_code == 200
    assert f"http://example.com{tag_url}".encode() in sitemap.content


@pytest.mark.parametrize("language", NAMES)
def test_category_in_any_language_has_its_page_and_feed(client, language):
    category = make_category(name=NAMES[language], slug=slug_for_name(NAMES[language]))
    article = make_article(categories=[category])
    page = client.get(category.get_absolute_url())
    assert page.status_code == 200 and article.headline in page.content.decode()
    assert (
        client.get(reverse("articles:category-feed-atom", args=[category.slug])).status_code == 200
    )
    sitemap = client.get("/sitemap-categories.xml")
    assert sitemap.status_code == 200
    # RFC 3986, as the sitemaps protocol requires, and the address reverse() gives.
    loc = f"<loc>http://example.com/category/{quote(category.slug)}/</loc>"
    assert loc in sitemap.content.decode()
    assert (
        loc == f"<loc>http://example.com{reverse('articles:category', args=[category.slug])}</loc>"
    )
    assert f'href="/category/{quote(category.slug)}/"' in page.content.decode()


@pytest.mark.parametrize("language", NAMES)
def test_article_in_any_language_is_linked_and_listed_percent_encoded(client, language):
    article = make_article(slug=slug_for_name(f"{NAMES[language]} story"))
    address = f"/news/{quote(article.slug)}/"
    assert article.get_absolute_url() == address == reverse("articles:detail", args=[article.slug])
    assert client.get(address).status_code == 200
    for sitemap in ("/sitemap-articles.xml", "/sitemap-news.xml"):
        assert f"<loc>http://example.com{address}</loc>" in client.get(sitemap).content.decode()
    home = client.get("/").content.decode()
    assert f'href="{address}"' in home


def test_tag_without_letters_gets_a_page(client):
    article = make_article(tags=["!!!"])
    tag = Tag.objects.get(name="!!!")
    assert tag.slug.startswith("tag-")
    assert client.get(article.get_absolute_url()).status_code == 200
    assert client.get(reverse("articles:tag", args=[tag.slug])).status_code == 200


def test_tags_whose_slugs_collide_both_get_pages(client):
    make_article(tags=["Défense", "défense"])
    slugs = sorted(Tag.objects.values_list("slug", flat=True))
    assert slugs[0] == "défense" and len(set(slugs)) == 2
    for slug in slugs:
        assert client.get(reverse("articles:tag", args=[slug])).status_code == 200


def test_admin_fills_the_slug_of_a_category_named_without_letters(editor_client):
    response = editor_client.post(
        reverse("admin:articles_category_add"),
        {"name": "★★★", "slug": "", "kind": "topic", "position": 1},
    )
    assert response.status_code == 302
    category = Category.objects.get(name="★★★")
    assert category.slug.startswith("category-")
    assert editor_client.get(category.get_absolute_url()).status_code == 200


def test_admin_accepts_a_unicode_slug_and_refuses_one_without_letters(editor_client):
    add = reverse("admin:articles_category_add")
    ok = editor_client.post(
        add, {"name": "Оборона", "slug": "оборона", "kind": "topic", "position": 1}
    )
    assert ok.status_code == 302
    refused = editor_client.post(
        add, {"name": "Dashes", "slug": "---", "kind": "topic", "position": 1}
    )
    assert refused.status_code == 200
    assert "at least one letter or digit" in refused.content.decode()
