"""A writer submits a draft for review and an editor publishes it, in a real browser."""

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


def test_writer_submits_for_review_and_editor_publishes(
    browser, live_server, writer, desk_editor, screenshot_dir
):
    draft = make_article(
        headline="Destroyers sail together in the strait",
        slug="destroyers-sail-together",
        status=Article.Status.DRAFT,
        published_at=None,
        author=writer,
        categories=[make_category(name="Partnerships", slug="partnerships")],
    )
    change_path = f"/admin/articles/article/{draft.pk}/change/"

    # The writer: sees the live character count, may only keep a draft or send it to review.
    writer_page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in(writer_page, live_server, "wendy", change_path)
    expect(writer_page.locator("#id_headline_count")).to_have_text("38 / 200 characters")
    writer_page.locator("#id_headline").fill("Destroyers sail together")
    expect(writer_page.locator("#id_headline_count")).to_have_text("24 / 200 characters")
    status = writer_page.locator("#id_status")
    expect(status.locator("option")).to_have_text(["Draft", "In review"])
    status.select_option("review")
    writer_page.screenshot(path=screenshot_dir / "workflow-writer-submits.png", full_page=True)
    writer_page.locator('input[name="_save"]').last.click()
    expect(writer_page.locator(".messagelist")).to_contain_text("was changed successfully")
    expect(writer_page.locator("td.field-state").first).to_have_text("In review")
    writer_page.context.close()

    # The editor: finds it among articles in review, publishes it.
    editor_page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in(editor_page, live_server, "edith", "/admin/articles/article/?state=review")
    editor_page.get_by_role("link", name="Destroyers sail together").click()
    editor_page.locator("#id_status").select_option("published")
    editor_page.locator('input[name="_save"]').last.click()
    expect(editor_page.locator(".messagelist")).to_contain_text("was changed successfully")
    expect(editor_page.get_by_text("0 articles")).to_be_visible()  # none left in review
    editor_page.goto(f"{live_server.url}/admin/articles/article/")
    expect(editor_page.locator("td.field-state").first).to_have_text("Published")
    editor_page.screenshot(path=screenshot_dir / "workflow-editor-published.png", full_page=True)

    # The history holds the writer's and the editor's saves; compare them.
    editor_page.goto(f"{live_server.url}{change_path}")
    editor_page.get_by_role("link", name="History").click()
    expect(editor_page.locator("#change-history tbody tr")).to_have_count(2)
    editor_page.get_by_role("button", name="Compare selected revisions").click()
    expect(editor_page.locator(".diff-removed").first).to_have_text("− In review")
    expect(editor_page.locator(".diff-added").first).to_have_text("+ Published")
    editor_page.screenshot(path=screenshot_dir / "workflow-compare.png", full_page=True)
    editor_page.context.close()

    # A reader now sees it.
    reader_page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    reader_page.goto(f"{live_server.url}/news/destroyers-sail-together/")
    expect(reader_page.get_by_role("heading", level=1)).to_have_text("Destroyers sail together")
    reader_page.context.close()


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
