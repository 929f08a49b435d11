"""The breaking-news banner: on every reader page at once, gone at its expiry."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from breaking.banner import live_banner
from breaking.models import BreakingNews

from .factories import make_article

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="query plans on PostgreSQL"
)


def banner(**fields):
    now = timezone.now()
    fields.setdefault("text", "Missile fired over Japan")
    fields.setdefault("link", "/news/missile/")
    fields.setdefault("starts_at", now - timedelta(minutes=1))
    fields.setdefault("expires_at", now + timedelta(hours=1))
    return BreakingNews.objects.create(**fields)


def test_a_new_banner_shows_on_every_reader_page_at_once(client):
    article = make_article()
    for url in ("/", article.get_absolute_url(), "/search/?q=x"):
        assert "Missile fired over Japan" not in client.get(url).content.decode()  # cached: none
    banner()
    for url in ("/", article.get_absolute_url(), "/search/?q=x"):
        page = client.get(url).content.decode()
        assert 'aria-label="Breaking news"' in page
        assert '<a href="/news/missile/">Missile fired over Japan</a>' in page


def test_the_banner_disappears_at_its_expiry_with_no_save():
    now = timezone.now()
    banner(expires_at=now + timedelta(minutes=5))
    assert live_banner(at=now)["text"] == "Missile fired over Japan"
    assert live_banner(at=now + timedelta(minutes=6)) is None


def test_a_scheduled_banner_appears_at_its_start_though_none_was_cached():
    now = timezone.now()
    assert live_banner(at=now) is None  # "none" is now cached...
    banner(starts_at=now + timedelta(minutes=10), text="Later")
    # ...but a save forgets it, and the cached answer never outlives the next start.
    assert live_banner(at=now) is None
    assert live_banner(at=now + timedelta(minutes=11))["text"] == "Later"


def test_deleting_a_banner_removes_it_at_once(client):
    live = banner()
    assert "Missile fired" in client.get("/").content.decode()
    live.delete()
    assert "Missile fired" not in client.get("/").content.decode()


def test_banner_text_is_escaped_and_links_are_checked(client):
    from django.core.exceptions import ValidationError

    banner(text="<script>alert(1)</script>", link="")
    page = client.get("/").content.decode()
    assert "<script>alert(1)</script>" not in page
    with pytest.raises(ValidationError):
        BreakingNews(
            text="x", link="javascript:alert(1)", expires_at=timezone.now() + timedelta(hours=1)
        ).full_clean()


def test_editors_set_banners_in_the_admin(editor_client):
    now = timezone.now()
    response = editor_client.post(
        "/admin/breaking/breakingnews/add/",
        {
            "text": "Ceasefire announced",
            "link": "",
            "starts_at_0": now.strftime("%Y-%m-%d"),
            "starts_at_1": (now - timedelta(minutes=1)).strftime("%H:%M:%S"),
            "expires_at_0": (now + timedelta(days=1)).strftime("%Y-%m-%d"),
            "expires_at_1": now.strftime("%H:%M:%S"),
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert "Ceasefire announced" in editor_client.get("/").content.decode()


@postgresql_only
def test_the_live_banner_query_uses_its_index():
    now = timezone.now()
    BreakingNews.objects.bulk_create(
        BreakingNews(
            text=f"Old {n}",
            starts_at=now - timedelta(days=n + 1),
            expires_at=now - timedelta(days=n),
        )
        for n in range(3000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE breaking_breakingnews")
    plan = BreakingNews.objects.filter(expires_at__gt=now).order_by("-starts_at").explain()
    assert "breaking_live_idx" in plan, plan


def test_cached_pages_showing_a_banner_expire_with_it(client):
    from unittest import mock

    now = timezone.now()
    banner(expires_at=now + timedelta(minutes=5))
    first = client.get("/")
    assert "Missile fired" in first.content.decode()
    # Neither the page cache nor a proxy keeps the page beyond the banner's expiry.
    s_maxage = int(first["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert s_maxage <= 5 * 60
    assert client.get("/")["X-Page-Cache"] == "hit"
    with mock.patch("django.utils.timezone.now", return_value=now + timedelta(minutes=6)):
        later = client.get("/")
    assert later["X-Page-Cache"] == "miss"
    assert "Missile fired" not in later.content.decode()
