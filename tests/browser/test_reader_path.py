"""A reader's path through the site, home -> category -> article -> tag -> search, on a phone and
a desktop, with a screenshot of each stop in test-artifacts/."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def serve_media(settings):
    settings.ROOT_URLCONF = "tests.browser.urls"


SEED_HEADLINE = "Japan, EU sign defense pact spurred by threats from the PRC, Russia"


def no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def shoot(page, directory, name):
    no_sideways_scroll(page)
    # Bring lazy images in before the full-page screenshot.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=directory / f"{name}.png", full_page=True)


@pytest.mark.parametrize("page_fixture", ["phone_page", "desktop_page"])
def test_reader_path(request, page_fixture, live_server, seeded, screenshot_dir):
    page = request.getfixturevalue(page_fixture)
    width = "phone" if page_fixture == "phone_page" else "desktop"

    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    expect(page.get_by_role("region", name="Top stories")).to_be_visible()
    expect(page.get_by_role("heading", name="Latest")).to_be_visible()
    # Every image has alt text; the lead story's image has loaded.
    page.wait_for_load_state("networkidle")
    assert page.evaluate("[...document.images].every(image => image.alt.trim() !== '')")
    assert page.evaluate("document.querySelector('.card--lead img').naturalWidth > 0")
    shoot(page, screenshot_dir, f"reader-1-home-{width}")

    page.get_by_role("navigation", name="Sections").get_by_role(
        "link", name="Northeast Asia"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Northeast Asia")
    expect(page.get_by_role("link", name="RSS feed").first).to_be_visible()
    shoot(page, screenshot_dir, f"reader-2-category-{width}")

    page.get_by_role("link", name=SEED_HEADLINE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SEED_HEADLINE)
    expect(page.get_by_role("heading", name="Related Articles")).to_be_visible()
    shoot(page, screenshot_dir, f"reader-3-article-{width}")

    page.locator(".tag-list").get_by_role("link", name="Naval cooperation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Naval cooperation")
    shoot(page, screenshot_dir, f"reader-4-tag-{width}")

    search = page.get_by_role("search").first.get_by_role("searchbox")
    search.fill("frigate")
    search.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("frigate")
    expect(page.get_by_role("link", name="Australia shortlists", exact=False)).to_be_visible()
    shoot(page, screenshot_dir, f"reader-5-search-{width}")


def test_keyboard_reader_gets_a_skip_link_and_visible_focus(desktop_page, live_server, seeded):
    desktop_page.goto(f"{live_server.url}/")
    desktop_page.keyboard.press("Tab")
    skip = desktop_page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    outline = skip.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none"


def test_dark_mode_follows_the_system(browser, live_server, seeded, screenshot_dir):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(18, 20, 23)"
    page.wait_for_load_state("networkidle")
    page.screenshot(path=screenshot_dir / "reader-home-dark-desktop.png")
    context.close()
