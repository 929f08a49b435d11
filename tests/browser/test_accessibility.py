"""axe-core on every kind of reader page, on a phone and a desktop: no violation at all.

axe.min.js is a local copy (`make browser-deps` fetches the pinned version and checks its digest),
injected into the page by the test: readers never load it.
"""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from breaking.models import BreakingNews

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
SEED = "/news/japan-approves-record-defence-budget-request-with-focus-on-counterstrike/"
PAGES = [
    "/",
    SEED,
    "/news/japan-eu-sign-defense-pact-spurred-by-threats-from-the-prc-russia/",
    "/category/northeast-asia/",
    "/tag/japan/",
    "/source/reuters/",
    "/authors/",
    "/author/aiko-mori/",
    "/search/?q=defence&sort=date",
    "/search/?q=nothing-matches-this",
    "/corrections/",
    "/about/",
    "/editorial-standards/",
    "/news/no-such-article/",
]


@pytest.fixture(autouse=True)
def serve_media(settings):
    settings.ROOT_URLCONF = "tests.browser.urls"


@pytest.fixture
def axe_source():
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make browser-deps` (npm pack axe-core).")
    return AXE


def violations(page, axe_source):
    # Evaluated through the DevTools protocol: an injected <script> tag would be inline script,
    # which the site's Content-Security-Policy rightly blocks.
    page.evaluate(axe_source.read_text())
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result
    ]


@pytest.mark.parametrize("page_fixture", ["phone_page", "desktop_page"])
def test_no_axe_violation_on_any_reader_page(
    request, page_fixture, live_server, seeded, axe_source
):
    BreakingNews.objects.create(
        text="Ceasefire talks resume", link="/", expires_at=timezone.now() + timedelta(hours=1)
    )
    page = request.getfixturevalue(page_fixture)
    found = {}
    for path in PAGES:
        page.goto(f"{live_server.url}{path}")
        if problems := violations(page, axe_source):
            found[path] = problems
    # The comment form after a failed post: its error summary, focused.
    page.goto(f"{live_server.url}{SEED}")
    page.locator("#comment-form button[type=submit]").click()
    page.wait_for_url("**/comment/**")
    if problems := violations(page, axe_source):
        found["comment form with errors"] = problems
    assert not found, found


def test_error_summary_takes_focus_after_a_failed_comment(desktop_page, live_server, seeded):
    page = desktop_page
    page.goto(f"{live_server.url}{SEED}")
    page.locator("#comment-form button[type=submit]").click()
    page.wait_for_url("**/comment/**")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert "Name" in page.locator("[data-error-summary]").inner_text()


def test_focus_ring_in_the_section_navigation_is_visible_and_not_clipped(
    desktop_page, live_server, seeded
):
    page = desktop_page
    page.goto(f"{live_server.url}/")
    link = page.get_by_role("navigation", name="Sections").get_by_role("link").first
    link.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    style = link.evaluate(
        "el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth, "
        "s.outlineColor, s.outlineOffset]; }"
    )
    assert style[0] == "solid" and style[1] == "3px"
    # Drawn inside the link (negative offset): the scrolling list cannot clip it.
    assert style[3].startswith("-")


@pytest.mark.parametrize("path", ["/", SEED, "/search/?q=defence", "/author/aiko-mori/"])
def test_no_sideways_scrolling_at_320_px(browser, live_server, seeded, path):
    context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True)
    page = context.new_page()
    page.goto(f"{live_server.url}{path}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_home_page_on_a_phone_is_under_6000_px_and_has_no_empty_column_on_a_laptop(
    phone_page, desktop_page, live_server, seeded
):
    phone_page.goto(f"{live_server.url}/")
    assert phone_page.evaluate("document.documentElement.scrollHeight") < 6000
    desktop_page.goto(f"{live_server.url}/")
    # The lead column and the side column end within 300 px of each other at 1280 px.
    lead = desktop_page.locator(".lead-story").bounding_box()
    side = desktop_page.locator(".home-top__side").bounding_box()
    assert abs((lead["y"] + lead["height"]) - (side["y"] + side["height"])) < 300
