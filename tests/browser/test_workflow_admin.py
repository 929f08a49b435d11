"""Previews and corrections as readers see them, in a real browser (the desk's day of writing,
reviewing and publishing is in test_desk_day.py)."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.conftest import PASSWORD
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, live_server, username, next_path):
    page.goto(f"{live_server.url}/admin/login/?next={next_path}")
    page.get_by_label("Username:").fill(username)
    page.get_by_label("Password:").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_shared_preview_and_a_correction_as_readers_see_them(
    desktop_page, live_server, desk_editor, screenshot_dir
):
    from workflow.previews import preview_link
    from workflow.services import add_note

    editor = desk_editor
    draft = make_article(
        headline="Embargoed: new frigate order",
        status=Article.Status.DRAFT,
        published_at=None,
        categories=[make_category(name="Procurement", slug="procurement")],
    )
    desktop_page.goto(live_server.url + preview_link(draft.pk))
    expect(desktop_page.get_by_role("status")).to_contain_text(
        "Preview: readers cannot see this article yet"
    )
    desktop_page.screenshot(path=screenshot_dir / "workflow-shared-preview.png", full_page=True)

    live = make_article(headline="Frigate order confirmed", categories=draft.categories.all())
    add_note(
        article=live, kind="correction", text="The order is for six ships, not five.", by=editor
    )
    desktop_page.goto(live_server.url + live.get_absolute_url())
    expect(desktop_page.get_by_text("The order is for six ships, not five.")).to_be_visible()
    expect(desktop_page.get_by_text("Updated")).to_be_visible()
    desktop_page.screenshot(path=screenshot_dir / "workflow-correction.png", full_page=True)
