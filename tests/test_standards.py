"""About, Contact, Editorial standards, Corrections policy and Privacy: editable, in the footer."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.flatpages.models import FlatPage
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

PAGES = {
    "/about/": "About us",
    "/contact/": "Contact",
    "/editorial-standards/": "Editorial standards",
    "/corrections-policy/": "Corrections policy",
    "/privacy/": "Privacy",
}


@pytest.mark.parametrize(("url", "title"), PAGES.items())
def test_each_page_is_served_and_linked_from_every_footer(client, url, title):
    response = client.get(url)
    assert response.status_code == 200
    assert (
        f'<h1 id="page-title" class="article__headline">{title}</h1>' in response.content.decode()
    )
    assert f'href="{url}"' in client.get("/").content.decode()


def test_editors_edit_a_page_and_readers_see_it_sanitised(client):
    page = FlatPage.objects.get(url="/about/")
    page.content = '<p>We are new.</p><script>alert(1)</script><a href="javascript:x">x</a>'
    page.save()
    html = client.get("/about/").content.decode()
    assert "<p>We are new.</p>" in html
    assert "<script>alert(1)</script>" not in html and "javascript:" not in html


def test_editors_group_may_change_the_pages():
    editors = Group.objects.get(name="Editors")
    assert editors.permissions.filter(codename="change_flatpage").exists()
    assert editors.permissions.filter(codename="change_breakingnews").exists()
    assert editors.permissions.filter(codename="change_authorprofile").exists()


def test_an_editor_changes_a_pages_text_but_not_its_address(desk_editor_client):
    reader = Client()
    page = FlatPage.objects.get(url="/about/")
    change = reverse("admin:flatpages_flatpage_change", args=[page.pk])
    form = desk_editor_client.get(change).content.decode()
    assert 'name="title"' in form and 'name="content"' in form
    assert 'name="url"' not in form and "/about/" in form  # shown, not editable
    response = desk_editor_client.post(
        change, {"url": "/about-us/", "title": "About the desk", "content": "<p>Who we are.</p>"}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert (page.url, page.title) == ("/about/", "About the desk")
    assert "About the desk" in reader.get("/about/").content.decode()
    assert reader.get("/about-us/").status_code == 404


def test_no_standards_page_is_added_or_deleted_in_the_admin(desk_editor, editor):
    page = FlatPage.objects.get(url="/privacy/")
    for user in (desk_editor, editor):  # not even by a superuser
        each = Client()
        each.force_login(user)
        listing = each.get(reverse("admin:flatpages_flatpage_changelist")).content.decode()
        assert all(url in listing for url in PAGES)
        assert reverse("admin:flatpages_flatpage_add") not in listing
        assert each.get(reverse("admin:flatpages_flatpage_add")).status_code == 403
        delete = reverse("admin:flatpages_flatpage_delete", args=[page.pk])
        assert each.post(delete, {"post": "yes"}).status_code == 403
    assert FlatPage.objects.filter(url="/privacy/").exists()
