"""A reader comments; a moderator approves in the admin; the comment appears on the article."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article
from comments.models import Comment
from tests.conftest import PASSWORD
from tests.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)

NOTICE = "Thank you: your comment awaits moderation."


@pytest.fixture
def quick_forms(settings):
    # One second between loading the form and posting it is enough for a test's typing.
    settings.NEWSDESK_COMMENTS = {**settings.NEWSDESK_COMMENTS, "MIN_SECONDS": 1}


@pytest.fixture
def article_url(live_server, quick_forms):
    article = make_article(headline="Japan, EU sign defense pact", slug="japan-eu-pact")
    return f"{live_server.url}{article.get_absolute_url()}"


def post_comment(page, article_url, text):
    page.goto(article_url)
    form = page.locator("#comment-form")
    form.get_by_label("Name").fill("Aiko Tanaka")
    form.get_by_label("Email").fill("aiko@example.org")
    form.get_by_label("Comment").fill(text)
    expect(form.locator('input[name="csrfmiddlewaretoken"]')).not_to_have_value("")
    page.wait_for_timeout(1100)
    form.get_by_role("button", name="Post comment").click()


def test_reader_posts_a_comment_and_a_moderator_approves_it(
    browser, article_url, moderator, live_server, screenshot_dir
):
    reader = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = reader.new_page()
    post_comment(page, article_url, "Good news for Indo-Pacific security.\nSecond line.")

    expect(page.get_by_text(NOTICE)).to_be_visible()
    pending = page.locator(".comment--pending")
    expect(pending).to_contain_text("Good news for Indo-Pacific security.")
    expect(pending).to_contain_text("Awaiting moderation")
    page.locator("#comments").screenshot(path=screenshot_dir / "comments-pending-phone.png")
    assert Comment.objects.get().status == Comment.Status.PENDING

    stranger = browser.new_context().new_page()
    requested = []
    stranger.on("request", lambda request: requested.append(request.url))
    stranger.goto(article_url)
    stranger.wait_for_load_state("networkidle")
    # A reader who only reads never calls the uncached token endpoint.
    assert not [url for url in requested if "/comments/token/" in url]
    expect(stranger.get_by_text("No comments yet.")).to_be_visible()
    expect(stranger.get_by_text("Good news for Indo-Pacific")).to_have_count(0)
    expect(stranger.get_by_text(NOTICE)).to_have_count(0)

    admin = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    admin.goto(f"{live_server.url}/admin/")
    admin.get_by_label("Username").fill(moderator.username)
    admin.get_by_label("Password").fill(PASSWORD)
    admin.get_by_role("button", name="Log in").click()
    expect(admin.get_by_text("1 comment awaiting moderation")).to_be_visible()
    admin.get_by_role("link", name=re.compile("awaiting moderation")).click()
    row = admin.locator("#result_list tbody tr").filter(has_text="Good news for Indo-Pacific")
    expect(row).to_contain_text("Japan, EU sign defense pact")
    expect(admin.get_by_role("heading", name="Moderation queue: 1 comment pending")).to_be_visible()
    admin.screenshot(path=screenshot_dir / "comments-admin-queue.png", full_page=True)
    row.locator("input[type=checkbox]").check()
    admin.locator("select[name=action]").select_option("approve")
    admin.get_by_role("button", name="Go").click()
    expect(admin.get_by_text("1 comment(s) approved.")).to_be_visible()
    admin.screenshot(path=screenshot_dir / "comments-admin-approved.png", full_page=True)

    stranger.reload()
    comment = stranger.locator(".comment").filter(has_text="Good news for Indo-Pacific")
    expect(comment).to_be_visible()
    expect(comment).to_contain_text("Aiko Tanaka")
    expect(comment.locator(".comment__body")).to_contain_text("Second line.")
    expect(stranger.get_by_text("1 comment", exact=True)).to_be_visible()
    stranger.locator("#comments").screenshot(path=screenshot_dir / "comments-approved.png")
    assert "aiko@example.org" not in stranger.content()
    reader.close()


def test_reader_replies_to_an_approved_comment(browser, article_url, screenshot_dir):
    article = make_article()
    parent = Comment.objects.create(
        article=Article.objects.get(slug="japan-eu-pact"),
        name="First Reader",
        email="first@example.org",
        body="The first remark.",
        status=Comment.Status.APPROVED,
    )
    assert article.pk != parent.article_id
    page = browser.new_context().new_page()
    page.goto(article_url)
    page.get_by_role("link", name="Reply to First Reader").click()
    expect(page.get_by_text("Replying to First Reader.")).to_be_visible()
    form = page.locator("#comment-form")
    form.get_by_label("Name").fill("Second Reader")
    form.get_by_label("Email").fill("second@example.org")
    form.get_by_label("Comment").fill("A reply to the first remark.")
    page.wait_for_timeout(1100)
    form.get_by_role("button", name="Post comment").click()
    expect(page.get_by_text(NOTICE)).to_be_visible()
    assert Comment.objects.get(name="Second Reader").parent == parent


def test_without_javascript_the_reader_confirms_and_nothing_is_lost(
    browser, article_url, settings, screenshot_dir
):
    settings.NEWSDESK_COMMENTS = {**settings.NEWSDESK_COMMENTS, "MIN_SECONDS": 0}
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(article_url)
    form = page.locator("#comment-form")
    form.get_by_label("Name").fill("No Script")
    form.get_by_label("Email").fill("noscript@example.org")
    form.get_by_label("Comment").fill("Posted without JavaScript.")
    form.get_by_role("button", name="Post comment").click()

    expect(page.get_by_text("Please confirm your comment.")).to_be_visible()
    expect(page.get_by_role("textbox", name="Comment")).to_have_value("Posted without JavaScript.")
    page.screenshot(path=screenshot_dir / "comments-confirm-nojs.png", full_page=True)
    assert not Comment.objects.exists()
    page.get_by_role("button", name="Post comment").click()
    expect(page.get_by_text(NOTICE)).to_be_visible()
    assert Comment.objects.get().body == "Posted without JavaScript."
    context.close()


def test_a_failed_post_shows_a_message_per_field_and_keeps_the_text(
    browser, article_url, screenshot_dir
):
    page = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True).new_page()
    page.goto(article_url)
    form = page.locator("#comment-form")
    form.get_by_label("Email").fill("not an address")
    form.get_by_label("Comment").fill("Carefully written, not to be lost.")
    page.wait_for_timeout(1100)
    form.get_by_role("button", name="Post comment").click()

    # An error summary (focused) links each error to its field; each field says it again.
    summary = page.locator("[data-error-summary]")
    expect(summary.get_by_role("heading", name="Your comment was not posted yet")).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link", name="Name: This field is required.")).to_be_visible()
    expect(page.get_by_text("Enter a valid email address.").last).to_be_visible()
    expect(page.get_by_role("textbox", name="Comment")).to_have_value(
        "Carefully written, not to be lost."
    )
    assert page.get_by_role("textbox", name="Email").get_attribute("aria-describedby")
    page.screenshot(path=screenshot_dir / "comments-invalid-phone.png", full_page=True)
    assert not Comment.objects.exists()
