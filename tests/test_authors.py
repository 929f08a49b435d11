"""Staff profiles: bylines link to author pages with their articles, feeds and a Person."""

import json

import feedparser
import pytest

from articles.models import Article, AuthorProfile

from .factories import make_article, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def aiko():
    return AuthorProfile.objects.create(
        name="Aiko Mori",
        slug="aiko-mori",
        role="Tokyo correspondent",
        bio="Aiko covers Japan.",
        x_handle="aikomori_desk",
        email="aiko@example.org",
    )


def ld_blocks(page):
    return [
        json.loads(chunk.split("</script>", 1)[0])
        for chunk in page.split('<script type="application/ld+json">')[1:]
    ]


def test_byline_links_to_the_author_page_and_json_ld_names_a_person(client, aiko):
    article = make_article(headline="Tokyo budget", author_profile=aiko)
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<a href="/author/aiko-mori/" rel="author">Aiko Mori</a>' in page
    assert "Tokyo correspondent" in page
    news = ld_blocks(page)[0]
    assert news["author"] == [
        {
            "@type": "Person",
            "name": "Aiko Mori",
            "url": "http://example.com/author/aiko-mori/",
            "jobTitle": "Tokyo correspondent",
            "sameAs": ["https://x.com/aikomori_desk"],
        }
    ]


def test_wire_copy_is_credited_to_its_source(client):
    reuters = make_source(name="Reuters", slug="reuters", url="https://www.reuters.com/")
    article = make_article(byline="Reuters", source=reuters)
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'Source: <a href="https://www.reuters.com/" rel="external">Reuters</a>' in page
    assert ld_blocks(page)[0]["author"] == [{"@type": "Organization", "name": "Reuters"}]


def test_author_page_lists_only_their_published_articles_with_bio_links_and_feed(client, aiko):
    make_article(headline="By Aiko", author_profile=aiko)
    make_article(headline="Aiko draft", author_profile=aiko, status=Article.Status.DRAFT)
    make_article(headline="By someone else")
    response = client.get("/author/aiko-mori/")
    page = response.content.decode()
    assert "<h1>Aiko Mori</h1>" in page
    assert "Aiko covers Japan." in page
    assert "By Aiko" in page
    assert "Aiko draft" not in page and "By someone else" not in page
    assert 'href="mailto:aiko@example.org"' in page
    assert 'href="/author/aiko-mori/feed/"' in page
    profile = ld_blocks(page)[0]
    assert profile["@type"] == "ProfilePage"
    assert profile["mainEntity"]["@type"] == "Person"
    assert client.get("/author/nobody/").status_code == 404


def test_authors_feed_and_list(client, aiko):
    make_article(headline="By Aiko", author_profile=aiko)
    feed = feedparser.parse(client.get("/author/aiko-mori/feed/").content)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["By Aiko"]
    assert feed.entries[0].author == "Aiko Mori"
    atom = feedparser.parse(client.get("/author/aiko-mori/feed/atom/").content)
    assert atom.version == "atom10" and len(atom.entries) == 1
    assert "Aiko Mori" in client.get("/authors/").content.decode()


def test_cards_name_the_author(client, aiko):
    make_article(headline="By Aiko", author_profile=aiko)
    page = client.get("/").content.decode()
    assert '<a href="/author/aiko-mori/">Aiko Mori</a>' in page


def test_editors_manage_profiles_in_the_admin(editor_client):
    response = editor_client.post(
        "/admin/articles/authorprofile/add/",
        {"name": "Dan Reyes", "slug": "dan-reyes", "role": "Correspondent", "position": 1},
    )
    assert response.status_code == 302
    assert AuthorProfile.objects.get(slug="dan-reyes").get_absolute_url() == "/author/dan-reyes/"


@pytest.mark.parametrize(
    "name",
    ["Amélie Dupré", "Анна Смирнова", "森 愛子", "ليلى حداد", "★★★"],
    ids=["French", "Russian", "Japanese", "Arabic", "no letters"],
)
def test_an_author_in_any_language_gets_a_slug_by_the_policy_and_a_page(
    editor_client, client, name
):
    from urllib.parse import quote

    from articles.slugs import slug_for_name

    response = editor_client.post(
        "/admin/articles/authorprofile/add/", {"name": name, "slug": "", "position": 1}
    )
    assert response.status_code == 302
    author = AuthorProfile.objects.get(name=name)
    assert author.slug == slug_for_name(name, max_length=150, prefix="author")
    assert author.get_absolute_url() == f"/author/{quote(author.slug)}/"
    make_article(author_profile=author, headline="Filed from the desk")
    page = client.get(author.get_absolute_url())
    assert page.status_code == 200 and "Filed from the desk" in page.content.decode()
