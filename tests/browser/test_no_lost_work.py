"""No lost work, in Chromium: two editors on one article see each other, collide, and neither
change is lost; leaving a form with unsaved changes asks first."""

import time

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.admin_pages import body_editor, signed_in, violations
from tests.conftest import staff_member
from tests.factories import make_article, make_category
from workflow import presence

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def article(desk_editor, django_user_model):
    other = staff_member(django_user_model, "erik", "Editors")
    other.first_name, other.last_name = "Erik", "Larsen"
    other.save()
    return make_article(
        headline="Frigates ordered",
        body="<p>The navy ordered five frigates.</p>",
        categories=[make_category(name="Procurement", slug="procurement")],
    )


def save_and_continue(page):
    page.locator('input[name="_continue"]').last.click()


def nobody_left_on(article, timeout=5.0):
    """Wait for the last page's goodbye: no request may be in flight when the test's database
    is flushed (PostgreSQL's TRUNCATE could deadlock with it)."""
    deadline = time.monotonic() + timeout
    while cache.get(presence.KEY.format(article.pk)) and time.monotonic() < deadline:
        time.sleep(0.1)


def test_two_editors_see_each_other_collide_and_lose_nothing(
    browser, live_server, article, settings
):
    settings.PRESENCE_HEARTBEAT_SECONDS = 1
    path = f"/admin/articles/article/{article.pk}/change/"
    edith = signed_in(browser, live_server, "edith", path)
    erik = signed_in(browser, live_server, "erik", path)
    expect(edith.locator("#article-presence")).to_have_text("Also open by: Erik Larsen")
    expect(erik.locator("#article-presence")).to_have_text("Also open by: edith")

    edith.get_by_label("Headline:").fill("Six frigates ordered")
    save_and_continue(edith)
    expect(edith.locator(".messagelist")).to_contain_text("was changed successfully")

    body = body_editor(erik)
    body.click()
    body.press("ControlOrMeta+a")
    body.press_sequentially("The navy ordered six frigates, the ministry said.")
    save_and_continue(erik)
    errors = erik.locator(".errorlist.nonfield")
    expect(errors).to_contain_text("edith saved this article at")
    expect(errors).to_contain_text(
        "Headline: they changed it to “Six frigates ordered”. Taken into your form."
    )
    expect(erik.get_by_label("Headline:")).to_have_value("Six frigates ordered")
    expect(body_editor(erik)).to_have_text("The navy ordered six frigates, the ministry said.")
    stored = Article.objects.get(pk=article.pk)
    assert stored.body == "<p>The navy ordered five frigates.</p>"  # nothing overwritten yet

    save_and_continue(erik)
    expect(erik.locator(".messagelist")).to_contain_text("was changed successfully")
    stored.refresh_from_db()
    assert stored.headline == "Six frigates ordered"
    assert stored.body == "<p>The navy ordered six frigates, the ministry said.</p>"

    erik.context.close()
    expect(edith.locator("#article-presence")).to_be_hidden(timeout=10_000)  # he left
    assert violations(edith) == []
    edith.goto("about:blank")
    nobody_left_on(article)
    edith.context.close()


def test_leaving_with_unsaved_changes_asks_first(browser, live_server, article):
    path = f"/admin/articles/article/{article.pk}/change/"
    page = signed_in(browser, live_server, "edith", path)
    asked = []

    def answer(dialog):
        asked.append(dialog.type)
        dialog.dismiss()  # stay on the page

    page.on("dialog", answer)
    body = body_editor(page)
    page.get_by_label("Headline:").click()  # a user gesture, which browsers require
    page.goto(f"{live_server.url}/admin/")  # nothing changed: no question
    assert asked == []

    page.goto(f"{live_server.url}{path}")
    body = body_editor(page)
    body.click()
    page.keyboard.type(" More.")
    with pytest.raises(Exception):  # noqa: B017, PT011  (staying aborts the navigation)
        page.goto(f"{live_server.url}/admin/", timeout=3000)
    assert asked == ["beforeunload"]
    assert "More." in body.inner_text()

    save_and_continue(page)  # saved: leaving asks nothing
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    page.goto(f"{live_server.url}/admin/")
    assert asked == ["beforeunload"]
    page.context.close()
