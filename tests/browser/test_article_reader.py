import pytest
from playwright.sync_api import expect

from tests.conftest import SEED_SLUG

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def seed_url(live_server, seeded):
    return f"{live_server.url}/news/{SEED_SLUG}/"


@pytest.mark.parametrize("page_fixture", ["phone_page", "desktop_page"])
def test_reader_sees_the_seed_article(request, page_fixture, seed_url, screenshot_dir):
    page = request.getfixturevalue(page_fixture)
    page.goto(seed_url)

    headline = page.get_by_role("heading", level=1)
    expect(headline).to_have_text(
        "Japan, EU sign defense pact spurred by threats from the PRC, Russia"
    )
    # One label above the headline (the primary category); every category at the foot.
    expect(page.locator(".article__header .category-label")).to_have_text("Conflicts - Tensions")
    filed = page.locator(".article__tags .tag-list__category")
    expect(filed).to_have_text(["Conflicts - Tensions", "Northeast Asia", "Partnerships"])
    expect(page.get_by_text("Source: Voice of America")).to_be_visible()
    expect(
        page.get_by_text("“We live in a very dangerous world,” Borrell said.", exact=False)
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Related Articles")).to_be_visible()

    # Nothing is wider than the screen: no sideways scrolling on a phone.
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    page.screenshot(path=screenshot_dir / f"article-{page_fixture}.png", full_page=True)

    # Back to top works without JavaScript: it is a plain link to the top of the document.
    page.get_by_role("link", name="Back to top").click()
    # A function, not a bare expression: Playwright eval()s expressions, which the CSP forbids.
    page.wait_for_function("() => window.scrollY === 0")
    assert page.url.endswith("#top")


def test_category_label_leads_to_its_category_page(desktop_page, seed_url):
    desktop_page.goto(seed_url)
    desktop_page.locator(".article__tags").get_by_role("link", name="Northeast Asia").click()
    expect(desktop_page.get_by_role("heading", level=1)).to_have_text("Northeast Asia")
    expect(
        desktop_page.get_by_role(
            "link", name="Japan, EU sign defense pact spurred by threats from the PRC, Russia"
        )
    ).to_be_visible()
