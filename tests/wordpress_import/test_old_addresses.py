"""The old site's addresses answer 301 to their new homes, and only to pages readers may see."""

from urllib.parse import quote

import pytest
from django.utils.encoding import iri_to_uri

from articles.models import Article
from wordpress_import.models import ImportedPost, LegacyAddress

from .conftest import CLASSIC, DRAFT, RUSSIAN, SCHEDULED

pytestmark = pytest.mark.django_db


def new_url(wp_post_id):
    """The article's address as a Location header carries it (non-ASCII percent-encoded)."""
    return iri_to_uri(ImportedPost.objects.get(wp_post_id=wp_post_id).article.get_absolute_url())


@pytest.mark.parametrize(
    "old",
    [
        "/2024/03/12/radar-upgrade",  # the export's <link>, as WordPress wrote it
        "/2024/03/12/radar-upgrade/",
        "/radar-upgrade/",
        "/?p=7",
    ],
)
def test_every_permalink_form_of_a_post_answers_301(imported, client, old):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new_url(CLASSIC) == "/news/radar-upgrade/"


def test_percent_encoded_non_latin_permalinks_redirect(imported, client):
    old = "/2024/03/14/" + quote("Учения-Северного-флота").lower() + "/"
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new_url(RUSSIAN)
    assert client.get(f"/?p={RUSSIAN}").status_code == 301


@pytest.mark.parametrize(
    "old, new",
    [
        ("/category/defence/naval/", "/category/naval/"),
        ("/category/defence/naval/feed/", "/category/naval/feed/"),
        ("/category/" + quote("Оборона") + "/", "/category/" + quote("оборона") + "/"),
        ("/?cat=3", "/category/naval/"),
        ("/tag/" + quote("Россия") + "/", "/tag/" + quote("россия") + "/"),
        ("/tag/" + quote("Россия") + "/feed/", "/tag/" + quote("россия") + "/feed/"),
        ("/?tag=nandu", "/tag/nandu/"),
        ("/feed/rss2/", "/feed/"),
        ("/?feed=rss2", "/feed/"),
        ("/?feed=atom", "/feed/atom/"),
    ],
)
def test_category_tag_and_feed_addresses_redirect(imported, client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new
    assert client.get(new).status_code == 200


@pytest.mark.parametrize("old", ["/category/defence/", "/tag/defense-aerienne/", "/feed/"])
def test_addresses_that_did_not_change_answer_directly(imported, client, old):
    assert client.get(old).status_code == 200


@pytest.mark.parametrize("wp_post_id", [SCHEDULED, DRAFT])
def test_nothing_redirects_to_a_page_readers_may_not_see(imported, client, wp_post_id):
    article = ImportedPost.objects.get(wp_post_id=wp_post_id).article
    assert client.get(f"/?p={wp_post_id}").status_code == 200  # the home page, nothing revealed
    assert client.get(f"/{article.slug}/").status_code == 404


def test_an_unpublished_article_stops_redirecting_at_once(imported, client):
    article = ImportedPost.objects.get(wp_post_id=CLASSIC).article
    article.status = Article.Status.DRAFT
    article.save()
    assert client.get("/radar-upgrade/").status_code == 404
    assert client.get("/?p=7").status_code == 200


def test_a_scheduled_article_redirects_once_its_time_comes(imported, client):
    article = ImportedPost.objects.get(wp_post_id=SCHEDULED).article
    Article.objects.filter(pk=article.pk).update(published_at="2020-01-01T00:00:00Z")
    assert client.get("/budget-day/").status_code == 301


def test_unknown_and_hostile_addresses_stay_404(imported, client):
    assert client.get("/no-such-post/").status_code == 404
    assert client.get("/" + "a" * 5000 + "/").status_code == 404
    assert client.get("/?p=" + "9" * 500).status_code == 200
    assert client.get("/%FF%FE/").status_code == 404
    # PostgreSQL refuses NUL in text: never looked up, never a 500.
    assert client.get("/a%00b/").status_code == 404
    assert client.get("/?p=7%00").status_code == 200
    assert client.get("/?tag=%00").status_code == 200


def test_live_pages_cost_no_lookup(
    imported, client, django_assert_num_queries, site_cache, settings
):
    # Rendered, not served from the page cache: the one query is the article's own.
    settings.NEWSDESK = {**settings.NEWSDESK, "PAGE_CACHE_SECONDS": 0}
    client.get("/news/radar-upgrade/")  # warm the fragments
    with django_assert_num_queries(1):
        assert client.get("/news/radar-upgrade/").status_code == 200


def test_a_404_costs_one_lookup(imported, client, django_assert_num_queries, site_cache):
    client.get("/no-such-page/")  # warm the masthead fragment of the 404 page
    with django_assert_num_queries(1):
        assert client.get("/no-such-post/").status_code == 404


def test_editors_see_the_old_addresses_in_the_admin(imported, admin_client):
    page = admin_client.get("/admin/wordpress_import/legacyaddress/?q=radar")
    assert page.status_code == 200
    assert "/2024/03/12/radar-upgrade/" in page.content.decode()
    assert LegacyAddress.objects.filter(article__slug="radar-upgrade").count() == 3


def test_only_reading_requests_are_redirected(imported, client):
    assert client.post("/radar-upgrade/").status_code == 404
    assert client.post("/?p=7").status_code != 301
