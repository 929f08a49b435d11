"""The editors' lists at archive size: the date drill-down from index probes, the author filter
without reading every article, the category filter without SELECT DISTINCT."""

from datetime import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from .factories import make_article, make_category

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:articles_article_changelist")


def at(year, month=6, day=15):
    return timezone.make_aware(datetime(year, month, day, 12))


def test_date_drill_down_offers_only_periods_with_articles(editor_client):
    for year, month in [(2021, 3), (2023, 3), (2023, 11)]:
        make_article(published_at=at(year, month))
    page = editor_client.get(CHANGELIST).content.decode()
    assert "published_at__year=2021" in page and "published_at__year=2023" in page
    assert "published_at__year=2022" not in page
    months = editor_client.get(CHANGELIST, {"published_at__year": 2023}).content.decode()
    assert "published_at__month=3" in months and "published_at__month=11" in months
    assert "published_at__month=4" not in months


def test_author_filter_lists_staff_who_wrote_articles(editor_client):
    User = get_user_model()
    writer = User.objects.create_user("wendy", is_staff=True)
    User.objects.create_user("idle", is_staff=True)
    make_article(author=writer, headline="By Wendy")
    make_article(headline="By nobody")
    page = editor_client.get(CHANGELIST).content.decode()
    assert f"?author={writer.pk}" in page and "idle" not in page
    mine = editor_client.get(CHANGELIST, {"author": writer.pk}).content.decode()
    assert "By Wendy" in mine and "By nobody" not in mine


def test_category_filter_shows_each_article_once(editor_client):
    asia, sea = make_category(name="Asia"), make_category(name="Sea")
    make_article(headline="In both", categories=[asia, sea])
    make_article(headline="In neither")
    page = editor_client.get(CHANGELIST, {"category": asia.pk}).content.decode()
    assert page.count(">In both<") == 1 and "In neither" not in page
