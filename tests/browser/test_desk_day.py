"""Each role's day at the desk, in a real browser: the writer and the editor pass an article back
and forth until it goes live by itself; a moderator clears a queue; an editor restores a revision."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article
from comments.models import Comment
from tests.browser.admin_pages import body_editor, body_value
from tests.comments.conftest import make_comment
from tests.conftest import PASSWORD
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db(transaction=True)


def signed_in(browser, live_server, username, next_path="/admin/"):
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{live_server.url}/admin/login/?next={next_path}")
    page.get_by_label("Username:").fill(username)
    page.get_by_label("Password:").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    return page


@pytest.fixture
def desk(writer, desk_editor, moderator):
    """wendy writes, edith edits, mod moderates: the real groups (tests/conftest.py)."""
    return writer, desk_editor, moderator


def test_submit_return_fix_resubmit_schedule_and_it_appears_by_itself(
    browser, live_server, desk, screenshot_dir
):
    writer, _, _ = desk
    draft = make_article(
        headline="Destroyers sail together",
        slug="destroyers-sail-together",
        status=Article.Status.DRAFT,
        published_at=None,
        author=writer,
        body="<p>Two destroyers sailed through the strait.</p>",
        categories=[make_category(name="Partnerships", slug="partnerships")],
    )
    change_path = f"/admin/articles/article/{draft.pk}/change/"

    wendy = signed_in(browser, live_server, "wendy")
    # Her dashboard lists the draft; the status is no drop-down but words and buttons.
    expect(wendy.locator("#panel-drafts")).to_contain_text("Destroyers sail together")
    wendy.locator("#panel-drafts").get_by_role("link", name="Destroyers sail together").click()
    expect(wendy.locator("#id_status")).to_have_count(0)
    expect(wendy.locator(".workflow-state-label")).to_have_text("Draft")
    expect(wendy.locator(".workflow-button")).to_have_text(["Submit for review"])
    wendy.get_by_role("button", name="Submit for review").click()
    expect(wendy.locator(".messagelist")).to_contain_text("submitted for review")
    expect(wendy.locator(".messagelist")).not_to_contain_text("edit it again")
    expect(wendy.locator("#panel-mine-in-review")).to_contain_text("Destroyers sail together")

    edith = signed_in(browser, live_server, "edith")
    expect(edith.locator("#panel-review")).to_contain_text("Destroyers sail together")
    edith.locator("#panel-review").get_by_role("link", name="Destroyers sail together").click()
    edith.get_by_label("Note for the timeline").fill("Say which strait, and cite the ministry.")
    edith.get_by_role("button", name="Return to writer").click()
    expect(edith.locator(".messagelist")).to_contain_text("returned to the writer")
    edith.screenshot(path=screenshot_dir / "desk-editor-returned.png", full_page=True)

    wendy.goto(f"{live_server.url}/admin/")
    returned = wendy.locator("#panel-returned")
    expect(returned).to_contain_text("Say which strait, and cite the ministry.")
    wendy.screenshot(path=screenshot_dir / "desk-writer-dashboard.png", full_page=True)
    returned.get_by_role("link", name="Destroyers sail together").click()
    expect(wendy.locator(".workflow-timeline")).to_contain_text("Returned to the writer")
    body = body_editor(wendy)
    body.click()
    body.press("ControlOrMeta+a")
    body.press_sequentially("Two destroyers sailed through the Taiwan Strait, the ministry said.")
    wendy.get_by_role("button", name="Submit for review").click()  # saves the fix with it
    expect(wendy.locator(".messagelist")).to_contain_text("submitted for review")
    wendy.context.close()

    edith.goto(f"{live_server.url}{change_path}")
    expect(body_editor(edith)).to_have_text(
        "Two destroyers sailed through the Taiwan Strait, the ministry said."
    )
    assert body_value(edith) == (
        "<p>Two destroyers sailed through the Taiwan Strait, the ministry said.</p>"
    )
    go_live = timezone.localtime(timezone.now() + timedelta(seconds=70)).replace(second=0)
    edith.locator("#id__schedule_at").fill(go_live.strftime("%Y-%m-%dT%H:%M"))
    edith.get_by_role("button", name="Schedule").click()
    expect(edith.locator(".messagelist")).to_contain_text("scheduled")
    expect(edith.locator(".workflow-state-label")).to_have_text("Scheduled")
    expect(edith.locator(".workflow-timeline li")).to_have_count(4)
    edith.screenshot(path=screenshot_dir / "desk-editor-scheduled.png", full_page=True)
    edith.context.close()

    reader = browser.new_context().new_page()
    url = f"{live_server.url}/news/destroyers-sail-together/"
    assert reader.goto(url).status == 404
    time.sleep(max(0.0, (go_live - timezone.now()).total_seconds()) + 1)
    assert reader.goto(url).status == 200  # no job ran: its time came
    expect(reader.get_by_role("heading", level=1)).to_have_text("Destroyers sail together")
    reader.context.close()


def test_moderator_clears_ten_comments_one_click_each_and_catches_the_spam_suspect(
    browser, live_server, desk, screenshot_dir
):
    article = make_article(headline="Japan, EU sign defense pact")
    comments = [
        make_comment(article, status=Comment.Status.PENDING, body=f"Remark number {n}.")
        for n in range(9)
    ]
    suspect = make_comment(
        article,
        status=Comment.Status.PENDING,
        body="Cheap pills www.a.example www.b.example www.c.example",
        is_spam_suspect=True,
        spam_reasons="3 links (limit 2)",
    )
    page = signed_in(browser, live_server, "mod", "/admin/comments/comment/")
    expect(page.locator("#result_list tbody tr")).to_have_count(10)
    page.screenshot(path=screenshot_dir / "desk-moderation-queue.png", full_page=True)
    reloads = []
    page.on("framenavigated", lambda frame: reloads.append(frame.url))

    # The suspect first: approving asks, and the moderator says no, then marks it as spam.
    suspect_row = page.locator("tr", has=page.locator(f"#queue-comment-{suspect.pk}"))
    dialogs = []

    def decline(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", decline)
    suspect_row.get_by_role("button", name="Approve").click()
    assert dialogs and "spam suspect" in dialogs[0]
    suspect_row.get_by_role("button", name="Spam").click()
    expect(suspect_row.locator("[data-status]")).to_have_text("Spam")

    for comment in comments:
        row = page.locator("tr", has=page.locator(f"#queue-comment-{comment.pk}"))
        row.get_by_role("button", name="Approve").click()
        expect(row.locator("[data-status]")).to_have_text("Approved")
    # A reply on the row itself, published at once under the moderator's name.
    first = page.locator("tr", has=page.locator(f"#queue-comment-{comments[0].pk}"))
    first.get_by_role("link", name="Reply").click()
    first.get_by_label("Your reply").fill("Thank you: the ministry confirmed it.")
    first.get_by_role("button", name="Publish reply").click()
    expect(page.locator("#moderation-announcer")).to_have_text("Replied to Reader.")
    assert reloads == []  # ten decisions and a reply, no page load
    assert Comment.objects.get(parent=comments[0]).body == "Thank you: the ministry confirmed it."
    page.screenshot(path=screenshot_dir / "desk-moderation-cleared.png", full_page=True)
    assert Comment.objects.approved().count() == 10  # nine, and the desk's reply
    assert Comment.objects.get(pk=suspect.pk).status == Comment.Status.SPAM
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Moderation queue: 0 comments pending"
    )
    page.context.close()


def test_editor_compares_two_revisions_and_restores_the_older(
    browser, live_server, desk, screenshot_dir
):
    article = make_article(
        headline="Frigate order confirmed",
        body="<p>The navy ordered five frigates.</p>",
        categories=[make_category(name="Procurement", slug="procurement")],
    )
    change_path = f"/admin/articles/article/{article.pk}/change/"
    page = signed_in(browser, live_server, "edith", change_path)
    page.locator("#id_headline").fill("Frigate order confirmed: six ships")
    page.locator('input[name="_continue"]').last.click()
    body = body_editor(page)
    body.click()
    body.press("ControlOrMeta+a")
    body.press_sequentially("The navy ordered six frigates.")
    page.locator('input[name="_continue"]').last.click()
    page.get_by_role("link", name="History").click()
    rows = page.locator("#change-history tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("Changed Headline")
    expect(rows.nth(1)).to_contain_text("Changed Body")
    expect(rows.nth(1)).not_to_contain_text("Headline")
    page.get_by_role("button", name="Compare selected revisions").click()
    expect(page.locator(".word-diff del")).to_have_text(["five "])
    expect(page.locator(".word-diff ins")).to_have_text(["six "])
    page.screenshot(path=screenshot_dir / "desk-compare.png", full_page=True)
    page.get_by_role("link", name="Restore the older revision").click()
    expect(body_editor(page)).to_have_text("The navy ordered five frigates.")
    assert body_value(page) == "<p>The navy ordered five frigates.</p>"
    page.locator('input[name="_save"]').last.click()
    expect(page.locator(".messagelist")).to_contain_text("the older text is restored")
    reader = page.context.new_page()
    reader.goto(f"{live_server.url}{article.get_absolute_url()}")
    expect(reader.get_by_text("The navy ordered five frigates.")).to_be_visible()
    page.context.close()
