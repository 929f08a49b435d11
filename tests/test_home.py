from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article

from .factories import make_article, make_category, make_source

pytestmark = pytest.mark.django_db


def fill_top_of_page():
    """Nine uncategorised stories newer than any other: the lead, the two under it and the six
    latest, so that older stories are left for the sections (a story appears once)."""
    for n in range(9):
        make_article(headline=f"Top story {n}", published_at=timezone.now() - timedelta(seconds=n))


def test_newest_article_leads_when_none_is_pinned(client):
    make_article(headline="Older story", published_at=timezone.now() - timedelta(days=2))
    make_article(headline="Newest story", published_at=timezone.now() - timedelta(minutes=5))
    page = client.get("/").content.decode()
    lead = page.split('class="card card--lead"', 1)[1].split("</article>", 1)[0]
    assert "Newest story" in lead
    assert "Older story" not in lead


def test_newest_pinned_story_leads(client):
    make_article(
        headline="Pinned long ago", is_lead=True, published_at=timezone.now() - timedelta(days=5)
    )
    make_article(
        headline="Pinned lately", is_lead=True, published_at=timezone.now() - timedelta(days=3)
    )
    make_article(headline="Breaking, unpinned", published_at=timezone.now() - timedelta(minutes=1))
    make_article(
        headline="Pinned draft",
        is_lead=True,
        status=Article.Status.DRAFT,
        published_at=timezone.now() - timedelta(minutes=2),
    )
    page = client.get("/").content.decode()
    lead = page.split('class="card card--lead"', 1)[1].split("</article>", 1)[0]
    assert "Pinned lately" in lead
    assert "Breaking, unpinned" in page.split('class="top-stories"', 1)[1]
    assert "Pinned draft" not in page


def test_a_pinned_story_older_than_the_newest_still_leads(client):
    make_article(
        headline="Pinned days ago", is_lead=True, published_at=timezone.now() - timedelta(days=4)
    )
    fill_top_of_page()
    page = client.get("/").content.decode()
    lead = page.split('class="card card--lead"', 1)[1].split("</article>", 1)[0]
    assert "Pinned days ago" in lead
    under_the_lead = page.split('class="top-stories"', 1)[1]
    # The eight newest follow it (two top stories and six latest); the ninth waits its turn.
    for n in range(8):
        assert f"Top story {n}<" in under_the_lead
    assert "Top story 8<" not in under_the_lead.split('class="home-section', 1)[0]
    assert page.count("Pinned days ago<") == 1


def test_home_shows_cards_with_standfirst_date_categories_and_sections(client):
    region = make_category(name="Northeast Asia", slug="northeast-asia", show_on_home=True)
    topic = make_category(name="Cyber", slug="cyber", show_on_home=True)
    hidden = make_category(name="Analysis", slug="analysis")
    make_article(
        headline="Seoul hardens networks",
        standfirst="A new cyber command opens.",
        categories=[region, topic],
        source=make_source(name="Reuters", slug="reuters"),
        published_at=timezone.now() - timedelta(hours=3),
    )
    make_article(headline="Only analysis", categories=[hidden])
    fill_top_of_page()
    response = client.get("/")
    page = response.content.decode()
    assert page.count("<h1") == 1
    assert "A new cyber command opens." in page
    # Its label: the primary category (the first in navigation order, "Cyber" by name); its
    # section: the first home section that has it; it is not repeated under Northeast Asia.
    assert '<p class="category-label"><a href="/category/cyber/">Cyber</a></p>' in page
    assert 'id="section-cyber"' in page
    assert 'id="section-northeast-asia"' not in page
    assert 'id="section-analysis"' not in page
    assert '<a href="/source/reuters/">Reuters</a>' in page
    assert "<time datetime=" in page


def test_without_ticked_categories_the_first_four_get_sections(client):
    categories = [make_category(position=n) for n in range(6)]
    for category in categories:
        make_article(categories=[category])
    fill_top_of_page()
    page = client.get("/").content.decode()
    for category in categories[:4]:
        assert f'id="section-{category.slug}"' in page
    for category in categories[4:]:
        assert f'id="section-{category.slug}"' not in page


def test_a_section_shows_its_newest_four_published_articles(client):
    category = make_category(show_on_home=True)
    now = timezone.now()
    for n in range(6):
        make_article(
            headline=f"Section story {n}",
            categories=[category],
            published_at=now - timedelta(days=n + 1),
        )
    make_article(headline="Section draft", categories=[category], status=Article.Status.DRAFT)
    make_article(
        headline="Section future", categories=[category], published_at=now + timedelta(days=1)
    )
    fill_top_of_page()
    section = client.get("/").content.decode().split(f'id="section-{category.slug}"', 1)[1]
    section = section.split("</section>", 1)[0]
    assert [f"Section story {n}" in section for n in range(6)] == [True] * 4 + [False] * 2
    assert "Section draft" not in section and "Section future" not in section


def test_empty_site_home_page_says_so(client):
    assert "No articles yet." in client.get("/").content.decode()


@pytest.mark.parametrize("scale", [1, 8])
def test_home_query_budget_does_not_grow(client, django_assert_max_num_queries, site_cache, scale):
    categories = [make_category(show_on_home=True) for _ in range(2 * scale)]
    for n in range(6 * scale):
        make_article(
            categories=categories[n % len(categories) :][:3],
            tags=[f"tag {n}", "common"],
            source=make_source(),
            is_lead=n == 3,
        )
    # The lead and the newest stories together, the home categories, every section's articles
    # in one query (+ which categories they are in), the pictures' renditions, the masthead's
    # categories, the most-read list.
    with django_assert_max_num_queries(7):
        response = client.get("/")
    assert response.status_code == 200


def test_a_story_appears_once_whatever_sections_it_is_filed_in(client):
    sections = [make_category(show_on_home=True, position=n) for n in range(3)]
    for n in range(20):
        make_article(headline=f"Story {n:02d}", categories=sections)
    page = client.get("/").content.decode()
    for n in range(20):
        assert page.count(f">Story {n:02d}</a>") <= 1
    # 1 lead + 2 under it + 6 latest, then each section the next four not shown yet: the
    # query fetches eight per section, so the third has nothing new left.
    assert sum(page.count(f">Story {n:02d}</a>") for n in range(20)) == 17
    assert f'id="section-{sections[1].slug}"' in page
    assert f'id="section-{sections[2].slug}"' not in page


def test_a_card_shows_one_label_the_primary_category(client):
    first, chosen, other = (make_category(position=n) for n in range(3))
    article = make_article(headline="Filed thrice", categories=[first, chosen, other])
    article.primary_category = chosen
    article.save()
    card = client.get("/").content.decode().split('class="card card--lead"', 1)[1]
    card = card.split("</article>", 1)[0]
    assert card.count('class="category-label"') == 1
    assert f'<a href="{chosen.get_absolute_url()}">{chosen.name}</a>' in card
    assert first.name not in card


def test_a_quiet_section_keeps_its_old_stories_beside_a_busy_one(client):
    busy = make_category(name="Busy", show_on_home=True)
    quiet = make_category(name="Quiet", show_on_home=True)
    now = timezone.now()
    for n in range(30):
        make_article(
            headline=f"Busy story {n}", categories=[busy], published_at=now - timedelta(hours=n + 1)
        )
    for n in range(2):
        make_article(
            headline=f"Quiet story {n}",
            categories=[quiet],
            published_at=now - timedelta(days=400 + n),
        )
    fill_top_of_page()
    page = client.get("/").content.decode()
    section = page.split(f'id="section-{quiet.slug}"', 1)[1].split("</section>", 1)[0]
    assert "Quiet story 0" in section and "Quiet story 1" in section
    assert "Busy story" not in section
