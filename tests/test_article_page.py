from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone

from articles.models import Article

from .factories import make_article, make_category, make_library_image, make_source, relate

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
    # The public address answers 404 to everyone (one cacheable page); the preview shows it.
    assert editor_client.get(article.get_absolute_url()).status_code == 404
    response = editor_client.get(reverse("workflow:preview", args=[article.pk]))
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
    # First reader, cached fragments empty: the article with its source, its categories and
    # tags (one query), the ranking of the editor's links and the fill (one query, see
    # articles/related.py) and the ranked articles, corrections and updates, the masthead's
    # categories, and the approved comments, the breaking-news banner and the most-read ranking.
    with django_assert_max_num_queries(9):
        response = client.get(article.get_absolute_url())
    page = response.content.decode()
    assert page.count('<li><a href="/tag/') == count
    assert page.count('<li><a href="/category/') >= count  # labels (+ masthead)
    # The editor's links, up to the configured count of related articles.
    assert page.count('<li class="related__item') == min(
        count, settings.NEWSDESK["RELATED_ARTICLES_COUNT"]
    )
    # Every later reader: the article alone; the rest comes from the cached fragments.
    with django_assert_max_num_queries(1):
        again = client.get(article.get_absolute_url())
    assert again.content == response.content


def test_lead_image_shows_with_alt_text_caption_credit_and_size(client):
    article = make_article(
        lead_image=make_library_image(
            size=(800, 450),
            alt_text="Destroyers sailing in line",
            caption="Ships during a joint exercise.",
            credit="Navy photo",
        )
    )
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'width="800" height="450" alt="Destroyers sailing in line"' in page
    # The lead: fetched first, in the size the phone needs.
    assert 'loading="eager" fetchpriority="high"' in page
    assert '<source type="image/webp" srcset="' in page
    assert "Ships during a joint exercise." in page
    assert '<span class="credit">Navy photo</span>' in page


def test_an_edit_shows_at_once_despite_cached_fragments(client):
    article = make_article(headline="First version", tags=["Japan"])
    assert "First version" in client.get(article.get_absolute_url()).content.decode()
    article.headline = "Corrected version"
    article.save()
    article.tags.add("Taiwan")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Corrected version" in page
    assert "First version" not in page
    assert '<a href="/tag/taiwan/">Taiwan</a>' in page


def test_a_related_article_taken_down_leaves_the_page_at_once(client):
    article, other = make_article(), make_article(headline="Soon withdrawn")
    relate(article, other)
    assert "Soon withdrawn" in client.get(article.get_absolute_url()).content.decode()
    other.status = Article.Status.DRAFT
    other.save()
    assert "Soon withdrawn" not in client.get(article.get_absolute_url()).content.decode()


def test_a_category_renamed_shows_in_the_navigation_at_once(client):
    category = make_category(name="Cyber")
    article = make_article(categories=[category])
    client.get(article.get_absolute_url())
    category.name = "Cyber and space"
    category.save()
    assert ">Cyber and space</a>" in client.get("/").content.decode()


def test_pages_render_fully_with_the_fragment_cache_off(client, settings):
    settings.NEWSDESK = {**settings.NEWSDESK, "FRAGMENT_CACHE_SECONDS": 0, "PAGE_CACHE_SECONDS": 0}
    article = make_article(headline="Uncached headline", tags=["Japan"])
    assert "Uncached headline" in client.get(article.get_absolute_url()).content.decode()
    Article.objects.filter(pk=article.pk).update(headline="Changed unannounced")
    # With no fragment or page cache even a change no signal announced is visible at once.
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<h1 id="article-headline" class="article__headline">Changed unannounced</h1>' in page


def test_a_flushed_shared_cache_never_revives_old_fragments(client):
    article = make_article(headline="Before the flush")
    caches["default"].clear()  # the shared cache starts empty: a version is made afresh
    assert "Before the flush" in client.get(article.get_absolute_url()).content.decode()
    Article.objects.filter(pk=article.pk).update(headline="After the flush")
    caches["default"].clear()  # e.g. Redis restarted: the version is made afresh again
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<h1 id="article-headline" class="article__headline">After the flush</h1>' in page


def test_related_articles_with_images_cost_no_query_each(client, django_assert_max_num_queries):
    category = make_category()
    article = make_article(categories=[category], tags=["Navy"])
    for n in range(4):
        make_article(
            categories=[category],
            tags=["Navy"],
            lead_image=make_library_image(name=f"related-{n}.jpg", alt_text=f"Picture {n}"),
        )
    # The article, the site's domain, its categories and tags, the related ranking, the related
    # articles with their images (whose rows list their renditions), corrections, masthead,
    # comments, banner, most read: nothing per related article, though each has one.
    with django_assert_max_num_queries(10):
        page = client.get(article.get_absolute_url()).content.decode()
    assert page.count('class="related__image"') == 4


def test_filed_under_lists_categories_then_tags_linked_and_escaped(client):
    category = make_category(name="Arms & Armour", slug="arms", position=1)
    article = make_article(categories=[category], tags=["<Japan>"])
    page = client.get(article.get_absolute_url()).content.decode()
    filed = page.split('<footer class="article__tags">', 1)[1].split("</footer>", 1)[0]
    assert filed == (
        '<h2 class="visually-hidden">Filed under</h2><ul class="tag-list">'
        '<li><a class="tag-list__category" href="/category/arms/">Arms &amp; Armour</a></li>'
        '<li><a href="/tag/japan/">&lt;Japan&gt;</a></li></ul>'
    )


def test_an_article_with_no_labels_has_no_filed_under(client):
    page = client.get(make_article().get_absolute_url()).content.decode()
    assert "Filed under" not in page
