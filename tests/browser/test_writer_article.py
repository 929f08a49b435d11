"""A writer's article from start to finish in Chromium: headings, a list, a link and a figure
from the image library in the rich-text editor; tags as chips; a lead image uploaded through the
chooser; a save refused for a missing summary that loses nothing and needs no second upload; the
preview shows the figure and the lead image as renditions."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article
from images.models import Image
from tests.browser.admin_pages import body_editor, signed_in, violations
from tests.factories import image_bytes, make_category, make_library_image

pytestmark = pytest.mark.django_db(transaction=True)

EDITOR = "document.getElementById('id_body').bodyEditor"


def test_a_writer_writes_with_the_editor_and_recovers_from_an_error(
    browser, live_server, writer, screenshot_dir
):
    make_category(name="Naval", slug="naval")
    make_category(name="Arms trade", slug="arms-trade")
    figure = make_library_image(
        title="Frigate at sea",
        alt_text="A frigate at sea",
        caption="The lead ship.",
        credit="Navy photo",
        size=(1600, 1067),
    )
    page = signed_in(browser, live_server, "wendy", "/admin/articles/article/add/")

    page.get_by_label("Headline:").fill("Défense : six frigates for the navy")
    expect(page.get_by_label("Slug:")).to_have_value("défense-six-frigates-for-the-navy")

    body = body_editor(page)
    body.click()
    page.keyboard.type("The ministry confirmed the order.")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Heading 2").click()
    expect(body).to_be_focused()  # the toolbar gives the focus back a frame later
    page.keyboard.type("What was ordered")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Bulleted list").click()
    expect(body).to_be_focused()  # the toolbar gives the focus back a frame later
    page.keyboard.type("Six frigates")
    page.keyboard.press("Enter")
    page.keyboard.type("Two tankers")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # out of the list
    page.keyboard.type("Read the announcement")
    for _ in "announcement":
        page.keyboard.press("Shift+ArrowLeft")
    # ProseMirror learns of a selection made with the keys a moment later (selectionchange);
    # a person is slower than these key presses, the test waits for it (a function, not a
    # string: the page's CSP refuses eval).
    page.wait_for_function(
        f"() => {{ const s = {EDITOR}.state; "
        "return s.doc.textBetween(s.selection.from, s.selection.to) === 'announcement'; }"
    )
    page.once("dialog", lambda dialog: dialog.accept("https://example.org/announcement"))
    page.keyboard.press("ControlOrMeta+k")
    expect(body.locator("a")).to_have_text("announcement")
    expect(body).to_be_focused()  # back from the link's question, the cursor after the link
    page.wait_for_function(f"() => {EDITOR}.state.selection.empty")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Image from the library").click()
    page.get_by_role("button", name=re.compile("^Choose Frigate at sea")).click()
    expect(body.locator("figure figcaption")).to_have_text("The lead ship. Navy photo")

    tags = page.get_by_role("combobox", name="Tags:")
    tags.fill("Navy")
    tags.press("Enter")
    tags.fill("Korea")
    tags.press("Enter")
    expect(page.get_by_role("list", name="Tags of this article")).to_contain_text("Navy")

    page.locator(".field-categories .select2-selection").click()
    page.keyboard.type("Nav")
    page.locator(".select2-results__option", has_text="Naval").click()

    # The lead image: uploaded now, through the library's chooser.
    page.locator(".field-lead_image").get_by_role("button", name="Upload new").click()
    page.locator("#image-chooser-file").set_input_files(
        {"name": "tanker.jpg", "mimeType": "image/jpeg", "buffer": image_bytes()}
    )
    page.get_by_label("Alt text (required)").fill("A tanker beside a frigate")
    page.get_by_role("button", name="Upload and use").click()
    expect(page.locator(".field-lead_image [data-image-field-preview]")).to_be_visible()
    assert Image.objects.count() == 2

    # Saved without the summary: refused, and everything is still there.
    page.locator('input[name="_continue"]').last.click()
    expect(page.locator(".errornote")).to_be_visible()
    expect(page.locator(".field-standfirst .errorlist")).to_contain_text("required")
    body = body_editor(page)
    expect(body.locator("h2")).to_have_text("What was ordered")
    expect(body.locator("li")).to_have_text(["Six frigates", "Two tankers"])
    expect(body.locator("a")).to_have_text("announcement")
    expect(body.locator("figure img")).to_have_attribute("data-image-id", str(figure.pk))
    expect(page.locator(".field-lead_image [data-image-field-preview]")).to_be_visible()
    expect(page.get_by_role("list", name="Tags of this article")).to_contain_text("Korea")
    page.screenshot(path=screenshot_dir / "writer-form-error.png", full_page=True)

    page.get_by_label("Standfirst:").fill("The navy orders six frigates and two tankers.")
    page.locator('input[name="_continue"]').last.click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    assert Image.objects.count() == 2  # no second upload
    article = Article.objects.get()
    assert article.slug == "défense-six-frigates-for-the-navy"
    assert "<h2>What was ordered</h2>" in article.body
    assert "<ul><li>Six frigates</li><li>Two tankers</li></ul>" in article.body
    assert (
        '<a href="https://example.org/announcement" rel="noopener noreferrer">announcement</a>'
        in article.body
    )
    assert f'data-image-id="{figure.pk}"' in article.body
    assert "<figcaption>The lead ship. <small>Navy photo</small></figcaption>" in article.body
    assert sorted(article.tags.names()) == ["Korea", "Navy"]
    assert article.lead_image is not None
    assert article.lead_image.alt_text == "A tanker beside a frigate"

    # The preview (a draft has no public page yet) shows both images as renditions.
    page.goto(f"{live_server.url}/preview/{article.pk}/")
    figure_picture = page.locator("article figure picture, .article-body figure picture").first
    expect(figure_picture.locator("source, img").first).to_have_attribute("srcset", re.compile("w"))
    lead = page.locator("img[fetchpriority=high]")
    expect(lead).to_have_attribute("srcset", re.compile(r"\d+w"))
    page.screenshot(path=screenshot_dir / "writer-preview.png", full_page=True)
    assert violations(page) == []
    page.context.close()
