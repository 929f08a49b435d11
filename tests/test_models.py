from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from articles.models import Article, RelatedLink

from .factories import make_article, make_category, make_library_image

pytestmark = pytest.mark.django_db

NOW = timezone.now()
PAST = NOW - timedelta(days=1)
FUTURE = NOW + timedelta(days=1)


@pytest.mark.parametrize(
    ("status", "published_at", "visible"),
    [
        (Article.Status.PUBLISHED, PAST, True),
        (Article.Status.PUBLISHED, FUTURE, False),
        (Article.Status.DRAFT, PAST, False),
        (Article.Status.DRAFT, FUTURE, False),
        (Article.Status.DRAFT, None, False),
    ],
)
def test_published_is_the_one_visibility_rule(status, published_at, visible):
    article = make_article(status=status, published_at=published_at)
    assert (article in Article.objects.published()) is visible
    assert article.is_published() is visible


def test_future_article_becomes_visible_when_its_time_comes():
    article = make_article(published_at=FUTURE)
    assert article not in Article.objects.published()
    assert article in Article.objects.published(at=FUTURE + timedelta(seconds=1))


def test_publishing_without_a_time_means_now():
    article = make_article(published_at=None)
    assert article.published_at is not None
    assert article.published_at <= timezone.now()
    assert article in Article.objects.published()


@pytest.mark.parametrize(
    "payload",
    [
        '<p>Hi</p><script>alert("x")</script>',
        '<p>Hi</p><img src="x.png" onerror="alert(1)">',
        '<p>Hi</p><a href="javascript:alert(1)">click</a>',
        '<p onclick="alert(1)">Hi</p>',
        '<p>Hi</p><iframe src="https://evil.example/"></iframe>',
        '<p style="background:url(javascript:alert(1))">Hi</p>',
        # A quotation's source is a URL too, though nh3 checks only href and src.
        '<p>Hi</p><blockquote cite="javascript:alert(1)">q</blockquote>',
        '<p>Hi</p><q cite="java&#x09;script:alert(1)">q</q>',
    ],
)
def test_body_is_sanitised_on_save(payload):
    article = make_article(body=payload)
    article.refresh_from_db()
    stored = article.body.lower()
    assert "hi" in stored
    for forbidden in ("<script", "onerror", "onclick", "javascript:", "<iframe", "style=", "alert"):
        assert forbidden not in stored


def test_sanitising_keeps_the_journalism():
    html = (
        '<h2>Context</h2><p>A <a href="https://example.org/report">report</a> said:</p>'
        "<blockquote><p>“We live in a very dangerous world.”</p></blockquote>"
        "<ul><li>one</li></ul>"
    )
    article = make_article(body=html)
    assert (
        '<a href="https://example.org/report" rel="noopener noreferrer">report</a>' in article.body
    )
    assert "<blockquote><p>“We live in a very dangerous world.”</p></blockquote>" in article.body
    assert "<h2>Context</h2>" in article.body


def test_a_quotation_keeps_a_web_source():
    article = make_article(
        body='<blockquote cite="https://example.org/speech"><p>Q</p></blockquote>'
    )
    assert 'cite="https://example.org/speech"' in article.body


def test_an_article_is_never_related_to_itself():
    article = make_article()
    with pytest.raises(ValidationError):
        RelatedLink(from_article=article, to_article=article).full_clean()
    with pytest.raises(IntegrityError):
        RelatedLink.objects.create(from_article=article, to_article=article)


def test_a_related_link_is_unique_per_pair():
    article, other = make_article(), make_article()
    RelatedLink.objects.create(from_article=article, to_article=other)
    with pytest.raises(IntegrityError):
        RelatedLink.objects.create(from_article=article, to_article=other, position=2)


def test_lead_image_needs_alt_text():
    article = make_article()
    article.lead_image = make_library_image(alt_text="  ")
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "lead_image" in error.value.message_dict


def test_update_cannot_precede_publication():
    article = make_article(published_at=PAST)
    article.updated_at = PAST - timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "updated_at" in error.value.message_dict


def test_urls_are_readable_and_stable():
    article = make_article(slug="japan-eu-defense-pact")
    assert article.get_absolute_url() == "/news/japan-eu-defense-pact/"


def test_inserting_quietly_derives_what_save_derives():
    def new(slug):
        return Article(
            headline="Quiet frigate",
            slug=slug,
            standfirst="Inserted in bulk.",
            body='<p onclick="x()">Hull <script>alert(1)</script>tested.</p>',
            status=Article.Status.PUBLISHED,
        )

    quiet = new("quiet")
    Article.objects.insert_quietly([quiet])
    saved = new("saved")
    saved.save()
    quiet.refresh_from_db()
    saved.refresh_from_db()
    # Sanitised body, "now" for a published article without a time, the stored search vector.
    assert quiet.body == saved.body == "<p>Hull tested.</p>"
    assert quiet.published_at is not None
    assert quiet.search_vector == saved.search_vector


def test_removing_the_primary_category_falls_back_to_the_first_remaining():
    first, chosen, last = (make_category(position=position) for position in range(3))
    article = make_article(categories=[first, chosen, last])
    article.primary_category = chosen
    article.save()

    article.categories.remove(last)  # not the primary: the editor's choice stays
    article.refresh_from_db()
    assert article.primary_category == chosen

    article.categories.remove(chosen)
    article.refresh_from_db()
    assert article.primary_category == first

    chosen.articles.add(article)  # from the category's side too
    article.primary_category = chosen
    article.save()
    chosen.articles.remove(article)
    article.refresh_from_db()
    assert article.primary_category == first

    article.categories.clear()
    article.refresh_from_db()
    assert article.primary_category is None
