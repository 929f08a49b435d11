"""The body's rich-text editor in Chromium: labelled, keyboard operable, under the CSP, and
exactly as permissive as the server's allow-list (articles/rich_text.py)."""

import pytest
from playwright.sync_api import expect

from articles.sanitize import sanitize_body_html
from tests.browser.admin_pages import body_editor, body_value, set_body, signed_in, violations
from tests.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def editor_page(browser, live_server, desk_editor):
    article = make_article(body="<p>First paragraph.</p>")
    page = signed_in(browser, live_server, "edith", f"/admin/articles/article/{article.pk}/change/")
    body_editor(page)
    page.article = article
    yield page
    page.context.close()


def test_the_editor_starts_labelled_and_under_the_policy(editor_page):
    region = body_editor(editor_page)
    expect(region).to_contain_text("First paragraph.")
    toolbar = editor_page.get_by_role("toolbar", name="Body formatting")
    expect(toolbar.get_by_role("button", name="Heading 2")).to_be_visible()
    expect(toolbar.get_by_role("button", name="Bold (Ctrl+B)")).to_be_visible()
    editor_page.wait_for_load_state("networkidle")
    assert violations(editor_page) == []
