"""Pictures in a real browser: with the seed images replaced by 3000×2000 camera photos
(1.7 MB each), a phone downloads only small renditions; the admin's chooser works under the
Content-Security-Policy.

Bytes are counted from the image responses Chromium receives while opening the page (lazy
pictures far below the fold are not fetched, as on a real phone)."""

import shutil

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches

from articles.models import Article
from articles.seeding import load_seeds

from .photos import camera_photo

pytestmark = pytest.mark.django_db(transaction=True)

HOME_BUDGET = 300 * 1024
ARTICLE_BUDGET = 200 * 1024


@pytest.fixture
def photo_seeds(tmp_path, settings):
    """The seeds, each of their images replaced by a 3000×2000 photo."""
    settings.ROOT_URLCONF = "tests.browser.urls"
    seeds = tmp_path / "seeds"
    shutil.copytree(django_settings.BASE_DIR / "seeds", seeds)
    for n, path in enumerate(sorted((seeds / "images").glob("*.jpg"))):
        path.write_bytes(camera_photo(n))
    load_seeds(seeds)
    caches["default"].clear()
    return seeds


def phone(browser, scale=2):
    """A fresh phone (empty cache): 390 CSS pixels wide, like the project's phone fixture."""
    return browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=scale, is_mobile=True
    )


def image_bytes(context, url, *, scroll=False):
    """The image responses of opening `url` (and scrolling to the end): [(url, bytes)]."""
    page = context.new_page()
    received, refused = [], []

    def on_response(response):
        if response.request.resource_type != "image":
            return
        if response.status != 200:
            refused.append((response.url, response.status))
            return
        received.append((response.url, len(response.body())))

    page.on("response", on_response)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if scroll:
        for _ in range(30):
            page.mouse.wheel(0, 800)
            page.wait_for_timeout(100)
        page.wait_for_load_state("networkidle")
    assert refused == []
    return page, received


def test_a_phone_downloads_small_renditions(photo_seeds, browser, live_server):
    from images.models import Image

    originals = [image.file.size for image in Image.objects.all()]
    assert min(originals) > 1_000_000  # the photos really are large

    with phone(browser) as context:
        _page, home = image_bytes(context, f"{live_server.url}/")
    home_total = sum(size for _url, size in home)
    assert home, "no picture on the home page"
    assert all("/renditions/" in url for url, _size in home), home
    assert all(url.endswith(".webp") for url, _size in home), home  # Chromium takes WebP
    with phone(browser) as context:
        _page, scrolled = image_bytes(context, f"{live_server.url}/", scroll=True)
    scrolled_total = sum(size for _url, size in scrolled)
    print(f"\nphone home: {len(home)} images {home_total} bytes; to the end "
          f"{len(scrolled)} images {scrolled_total} bytes")  # fmt: skip
    assert home_total < HOME_BUDGET
    assert scrolled_total < HOME_BUDGET  # even having scrolled through the whole page

    article = Article.objects.filter(lead_image__isnull=False).order_by("-published_at")[0]
    with phone(browser) as context:
        page, read = image_bytes(context, f"{live_server.url}{article.get_absolute_url()}")
        read_total = sum(size for _url, size in read)
        print(f"phone article: {len(read)} images, {read_total} bytes")
        assert read_total < ARTICLE_BUDGET
        # Every picture has its size reserved (no layout shift) and a srcset to choose from.
        missing = page.evaluate(
            """() => [...document.querySelectorAll('main img')]
                 .filter(img => !(img.srcset && img.sizes && img.getAttribute('width')
                                  && img.getAttribute('height')))
                 .map(img => img.outerHTML)"""
        )
    assert missing == []
    with phone(browser) as context:
        _page, read = image_bytes(
            context, f"{live_server.url}{article.get_absolute_url()}", scroll=True
        )
    scrolled_total = sum(size for _url, size in read)
    print(f"phone article to the end: {len(read)} images, {scrolled_total} bytes")
    assert scrolled_total < ARTICLE_BUDGET
    # For the record: a phone with a 3× screen takes the next size up.
    for url in ("/", article.get_absolute_url()):
        with phone(browser, scale=3) as context:
            _page, got = image_bytes(context, f"{live_server.url}{url}")
        print(f"3× phone {url}: {len(got)} images, {sum(size for _u, size in got)} bytes")


RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""


def test_the_chooser_picks_and_uploads_under_the_policy(
    browser, live_server, django_user_model, settings, tmp_path
):
    from playwright.sync_api import expect

    from tests.conftest import PASSWORD
    from tests.factories import make_article, make_category, make_library_image

    from .photos import camera_photo

    settings.ROOT_URLCONF = "tests.browser.urls"
    django_user_model.objects.create_superuser("editor", "e@example.org", PASSWORD)
    make_library_image(title="Harbour at dusk", alt_text="Cranes against an orange sky")
    make_library_image(title="Parliament", alt_text="The chamber during a vote")
    article = make_article(headline="Budget vote", categories=[make_category()])
    photo = tmp_path / "frigate.jpg"
    photo.write_bytes(camera_photo(7, size=(1200, 800)))

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username:").fill("editor")
    page.get_by_label("Password:").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")

    # Choose from the library, by keyboard: search, then Enter on a result.
    page.get_by_role("button", name="Choose from library").click()
    dialog = page.get_by_role("dialog", name="Choose an image")
    dialog.get_by_label("Search title, alt text, caption or credit").fill("harbour")
    choice = dialog.get_by_role(
        "button", name="Choose Harbour at dusk — Cranes against an orange sky"
    )
    choice.focus()
    page.keyboard.press("Enter")
    assert not dialog.is_visible()
    field = page.locator("[data-image-field]")
    assert field.locator("[data-image-field-title]").inner_text() == "Harbour at dusk"
    assert field.locator("img").get_attribute("alt") == "Cranes against an orange sky"

    # Upload a new one: a missing alt text is refused with a message, then accepted.
    page.get_by_role("button", name="Upload new").click()
    dialog.get_by_label("Image file").set_input_files(str(photo))
    dialog.get_by_role("button", name="Upload and use").click()
    expect(dialog.locator("#image-chooser-alt-error")).to_contain_text("required")
    expect(dialog.get_by_label("Alt text (required)")).to_be_focused()
    dialog.get_by_label("Alt text (required)").fill("A frigate leaving port")
    dialog.get_by_role("button", name="Upload and use").click()
    expect(field.locator("[data-image-field-title]")).to_have_text("frigate")
    page.get_by_role("button", name="Save and continue editing").first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    article.refresh_from_db()
    assert article.lead_image.alt_text == "A frigate leaving port"
    assert page.evaluate("window.__cspViolations") == []
    context.close()
