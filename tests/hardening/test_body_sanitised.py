"""The body readers see is sanitised whatever path wrote it: not only Article.save()."""

import json

import pytest
import reversion
from django.core.management import call_command
from reversion.models import Version

from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p>Kept paragraph.</p><script>alert("x")</script>'
    '<img src="/a.png" onerror="alert(1)"><a href="javascript:alert(1)">link</a>'
)


def assert_reader_sees_it_clean(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    body = html.split('class="article__body"')[1].split("</div>")[0]
    assert "Kept paragraph." in body
    assert "<script" not in body and "onerror" not in body and "javascript:" not in body


def test_queryset_update(client):
    article = make_article()
    Article.objects.filter(pk=article.pk).update(body=HOSTILE)
    assert Article.objects.get(pk=article.pk).body == HOSTILE  # stored as written
    assert_reader_sees_it_clean(client, article)


def test_bulk_create_as_an_import_does(client):
    template = make_article()
    (article,) = Article.objects.bulk_create(
        [
            Article(
                headline="Imported",
                slug="imported",
                standfirst="From elsewhere.",
                body=HOSTILE,
                status=Article.Status.PUBLISHED,
                published_at=template.published_at,
            )
        ]
    )
    assert_reader_sees_it_clean(client, Article.objects.get(slug="imported"))


def test_fixture(client, tmp_path):
    article = make_article()
    fixture = tmp_path / "article.json"
    fixture.write_text(
        json.dumps(
            [
                {
                    "model": "articles.article",
                    "pk": article.pk,
                    "fields": {
                        "headline": article.headline,
                        "slug": article.slug,
                        "standfirst": article.standfirst,
                        "body": HOSTILE,
                        "status": "published",
                        "published_at": article.published_at.isoformat(),
                        "created_at": article.created_at.isoformat(),
                        "modified_at": article.modified_at.isoformat(),
                    },
                }
            ]
        )
    )
    call_command("loaddata", str(fixture), verbosity=0)
    assert Article.objects.get(pk=article.pk).body == HOSTILE
    assert_reader_sees_it_clean(client, article)


def test_revision_restore(client):
    article = make_article()
    with reversion.create_revision():
        article.save()
    version = Version.objects.get_for_object(article).get()
    data = json.loads(version.serialized_data)
    data[0]["fields"]["body"] = HOSTILE
    Version.objects.filter(pk=version.pk).update(serialized_data=json.dumps(data))
    Version.objects.get(pk=version.pk).revision.revert()
    assert Article.objects.get(pk=article.pk).body == HOSTILE
    assert_reader_sees_it_clean(client, article)


def test_full_text_feeds_carry_the_sanitised_body(client, settings):
    settings.NEWSDESK = {**settings.NEWSDESK, "FEED_FULL_TEXT": True}
    article = make_article()
    Article.objects.filter(pk=article.pk).update(body=HOSTILE)
    for feed in ("/feed/", "/feed/atom/"):
        xml = client.get(feed).content.decode()
        assert "Kept paragraph." in xml
        assert "alert" not in xml and "onerror" not in xml
