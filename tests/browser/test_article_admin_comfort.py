"""The article form and list in Chromium at 1280 px: the editor by keyboard alone, no axe
violation in the editor and the tag chips, a headline box that fits a long headline, the slug
by the site's rule, categories by prefix, and a list that needs no sideways scrolling."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from articles.models import Category
from articles.slugs import slug_for_name
from tests.browser.admin_pages import body_editor, body_value, signed_in, violations
from tests.factories import make_article, make_library_image

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
LONG_HEADLINE = (
    "Japan and the Philippines sign a reciprocal access agreement for joint exercises "
    "as tension rises in the South China Sea"
)


@pytest.fixture
def page(browser, live_server, desk_editor):
    article = make_article(headline=LONG_HEADLINE, body="<p>Start.</p>", tags=["Navy"])
    page = signed_in(browser, live_server, "edith", f"/admin/articles/article/{article.pk}/change/")
    body_editor(page)
    yield page
    page.context.close()


def test_the_editor_works_by_keyboard_alone(page):
    body = body_editor(page)
    # Into the text at its end, as Tab then Ctrl+End would (ProseMirror learns of a selection
    # moved by keys a moment later; a person is slower than these presses).
    page.evaluate("document.getElementById('id_body').bodyEditor.commands.focus('end')")
    expect(body).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Alt+F10")  # to the toolbar
    toolbar = page.get_by_role("toolbar", name="Body formatting")
    expect(toolbar.get_by_role("button", name="Paragraph")).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(toolbar.get_by_role("button", name="Heading 2")).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")  # back to the text
    expect(body).to_be_focused()
    page.keyboard.type("Background")
    page.keyboard.press("Enter")
    page.keyboard.press("ControlOrMeta+b")
    page.keyboard.type("Bold")
    expect(toolbar.get_by_role("button", name="Bold")).to_have_attribute("aria-pressed", "true")
    assert body_value(page) == "<p>Start.</p><h2>Background</h2><p><strong>Bold</strong></p>"
    assert page.locator("#id_body_editor").get_attribute("aria-labelledby") == "id_body_label"
    assert violations(page) == []


def test_no_axe_violation_in_the_editor_and_the_tags(page):
    page.evaluate(AXE.read_text())
    found = page.evaluate(
        "async () => (await axe.run({include: [['.body-editor'], ['.tag-chips']]}, "
        "{resultTypes: ['violations']})).violations.map(v => v.id + ': ' + v.help)"
    )
    assert found == []


def test_a_long_headline_fits_its_box(page):
    box = page.get_by_label("Headline:")
    fits = box.evaluate("el => [el.clientWidth, el.scrollWidth]")
    assert fits[0] >= 600
    width = page.evaluate(
        """text => { const c = document.createElement('canvas').getContext('2d');
        c.font = getComputedStyle(document.getElementById('id_headline')).font;
        return c.measureText(text).width; }""",
        LONG_HEADLINE[:90],
    )
    assert width < fits[0]  # at least 90 characters are seen at once


def test_tags_are_chips_with_suggestions(page):
    make_article(tags=["Naval aviation", "Royal Navy", "Navies of Asia"])
    chips = page.get_by_role("list", name="Tags of this article")
    expect(chips).to_have_text("Navy×")
    entry = page.get_by_role("combobox", name="Tags:")
    entry.press_sequentially("nav")
    options = page.get_by_role("option")
    expect(options).to_have_text(["Naval aviation", "Navies of Asia", "Royal Navy"])
    entry.press("ArrowDown")
    entry.press("Enter")
    expect(chips.get_by_role("listitem")).to_have_count(2)
    page.get_by_role("button", name="Remove tag Navy").click()
    expect(chips).to_have_text("Naval aviation×")
    assert page.locator("#id_tags").input_value() == '["Naval aviation"]'


def test_the_slug_follows_the_site_rule_while_typing(browser, live_server, desk_editor):
    page = signed_in(browser, live_server, "edith", "/admin/articles/article/add/")
    for headline in [
        "Défense : l’OTAN à Kyiv",
        "Ｆｕｌｌ－width ＮＡＴＯ ﬁgures",
        "東京で日米会談",
        "Россия и НАТО — 2026",
        "  Spaces -- and __ underscores__ ",
    ]:
        page.get_by_label("Headline:").fill(headline)
        expect(page.get_by_label("Slug:")).to_have_value(slug_for_name(headline, max_length=200))
    long_name = "word " * 60
    assert page.evaluate("n => window.NewsdeskSlugFor(n, 200)", long_name) == slug_for_name(
        long_name, max_length=200
    )
    page.get_by_label("Slug:").fill("my-own")
    page.get_by_label("Headline:").fill("Another headline")
    expect(page.get_by_label("Slug:")).to_have_value("my-own")  # typed by hand: left alone
    page.context.close()


def test_categories_by_prefix_first(page):
    for name in ["Maritime Asia", "Asia", "Southeast Asia", "Asian navies"]:
        Category.objects.create(name=name, slug=slug_for_name(name))
    page.locator(".field-categories .select2-selection").click()
    page.keyboard.type("asi")
    expect(page.locator(".select2-results__option")).to_have_text(
        ["Asia", "Asian navies", "Maritime Asia", "Southeast Asia"]
    )


def test_the_list_is_readable_at_1280_px(browser, live_server, desk_editor, screenshot_dir):
    for n in range(12):
        make_article(headline=f"{LONG_HEADLINE} ({n})", lead_image=make_library_image())
    page = signed_in(browser, live_server, "edith", "/admin/articles/article/")
    expect(page.locator("#result_list tbody tr")).to_have_count(12)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    headline = page.locator("#result_list td.field-headline, #result_list th.field-headline")
    assert headline.first.bounding_box()["width"] >= 250
    page.screenshot(path=screenshot_dir / "admin-article-list-1280.png", full_page=True)
    page.context.close()
