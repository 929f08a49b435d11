"""About, Contact, Editorial standards, Corrections policy and Privacy: editable, in the footer."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.flatpages.models import FlatPage

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
