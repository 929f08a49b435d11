"""The public corrections page and feed are cached whole, and follow every correction at once."""

import pytest
from django.test import Client

from tests.factories import make_article
from workflow import services

pytestmark = pytest.mark.django_db


def test_a_new_correction_shows_at_once_on_the_cached_corrections_page_and_feed(editor):
    article = make_article(headline="Frigate launched")
    reader = Client()
    for url in ("/corrections/", "/corrections/feed/"):
        assert reader.get(url).status_code == 200
        assert reader.get(url)["X-Page-Cache"] == "hit"
    services.add_note(article=article, kind="correction", text="The hull is steel.", by=editor)
    for url in ("/corrections/", "/corrections/feed/"):
        response = reader.get(url)
        assert response["X-Page-Cache"] == "miss"
        assert "The hull is steel." in response.content.decode()
