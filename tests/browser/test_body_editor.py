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
    expect(toolbar.get_by_role("button", name="Bold")).to_be_visible()
    editor_page.wait_for_load_state("networkidle")
    assert violations(editor_page) == []


# Every element and attribute of the declared list (articles/rich_text.py), as nh3 writes it.
EVERYTHING = (
    "<h2>Two</h2><h3>Three</h3><h4>Four</h4>"
    '<p>Plain <strong>strong</strong> <em>em</em> <a href="https://example.org/" title="T" '
    'rel="noopener noreferrer">link</a> <b>b</b> <i>i</i> <u>u</u> <s>s</s> <sub>sub</sub> '
    '<sup>sup</sup> <small>small</small> <abbr title="North Atlantic Treaty Organization">NATO'
    '</abbr> <q cite="https://example.org/q">q</q> <cite>cite</cite> <code>code</code><br>'
    'after a break <img src="/media/x.jpg" alt="inline" width="10" height="10" loading="lazy">'
    "</p><ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>"
    '<blockquote cite="https://example.org/"><p>Quoted.</p></blockquote><hr>'
    '<figure><img src="/media/f.jpg" alt="A ship" width="1200" height="800" data-image-id="7">'
    "<figcaption>A ship at sea. <small>Navy photo</small></figcaption></figure>"
    "<pre>code\n  block</pre>"
    '<table><caption>Cap</caption><thead><tr><th scope="col" colspan="2" rowspan="1">H</th>'
    '</tr></thead><tbody><tr><td colspan="2" rowspan="1">D</td></tr></tbody><tfoot><tr><td>F'
    "</td></tr></tfoot></table>"
)


def tags_and_attributes(html):
    from html.parser import HTMLParser

    found = set()

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.add((tag, None))
            found.update((tag, name) for name, _ in attrs)

    Collect().feed(html)
    return found


def test_the_editor_produces_everything_the_allow_list_allows(editor_page):
    from articles.rich_text import BODY_ELEMENTS, LINK_REL

    assert sanitize_body_html(EVERYTHING) == EVERYTHING  # the example is itself clean
    set_body(editor_page, EVERYTHING)
    produced = body_value(editor_page)
    assert sanitize_body_html(produced) == produced
    assert produced == EVERYTHING
    declared: set[tuple[str, str | None]] = {(e.tag, None) for e in BODY_ELEMENTS}
    declared |= {(e.tag, name) for e in BODY_ELEMENTS for name in e.attributes}
    declared.add(("a", "rel"))
    assert tags_and_attributes(produced) == declared
    assert LINK_REL in produced


HOSTILE = (
    '<h1 class="title" style="color:red">Big</h1><div id="x"><p style="font-size:30px" '
    'onclick="alert(1)">Text <span style="color:red">red</span> <font face="Comic">font</font>'
    ' <a href="javascript:alert(1)" target="_blank">bad link</a> <a href="/ok" data-x="1" '
    'class="btn">good link</a></p></div><script>alert(1)</script><style>p{}</style>'
    '<iframe src="https://example.org/"></iframe><h5>Small heading</h5>'
    '<img src="/media/y.jpg" srcset="/media/y2.jpg 2x" onerror="alert(1)" class="wp-image">'
    "<p><mark>marked</mark> <kbd>kbd</kbd> <del>gone</del></p>"
)


def test_the_editor_produces_nothing_the_allow_list_refuses(editor_page):
    set_body(editor_page, HOSTILE)
    produced = body_value(editor_page)
    assert sanitize_body_html(produced) == produced
    assert "alert" not in produced and "style" not in produced and "class" not in produced
    assert "<h2>Big</h2>" in produced and "<h4>Small heading</h4>" in produced
    assert '<a href="/ok" rel="noopener noreferrer">good link</a>' in produced
    assert "bad link" in produced and "javascript" not in produced


PASTED_FROM_WORD = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<style>p.MsoNormal { font-family: Calibri; }</style></head><body lang=EN-GB>
<!--StartFragment--><h1 class=MsoTitle style='mso-line-height-alt:12pt'><span lang=EN-GB
style='font-family:"Cambria",serif'>Fleet review<o:p></o:p></span></h1>
<p class=MsoNormal style='margin-bottom:0cm'><span style='font-size:14pt;color:#1F3864'>The
<b><span style='font-family:Arial'>navy</span></b> reviewed <i>six</i> ships.<o:p></o:p></span></p>
<p class=MsoNormal><span style="font-weight:700">Google bold</span> and
<span style="font-style:italic">Google italic</span>.</p>
<b style="font-weight:normal" id="docs-internal-guid-1"><p>Docs wrapper</p></b>
<ul style="margin-top:0cm" type=disc><li class=MsoNormal style='color:red'>First point</li>
<li class=MsoNormal>Second point</li></ul>
<table class=MsoTableGrid style='border-collapse:collapse'><tr><td style='width:200px'
class=x>Cell</td></tr></table><!--EndFragment--></body></html>"""


def test_pasting_keeps_the_structure_and_drops_the_styling(editor_page):
    set_body(editor_page, "")
    region = body_editor(editor_page)
    region.click()
    editor_page.evaluate(
        """html => {
          const data = new DataTransfer();
          data.setData('text/html', html);
          data.setData('text/plain', 'fallback');
          const target = document.querySelector('.body-editor__content');
          target.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true,
                                                            cancelable: true}));
        }""",
        PASTED_FROM_WORD,
    )
    produced = body_value(editor_page)
    assert sanitize_body_html(produced) == produced
    for gone in ["style", "class", "Mso", "span", "font-", "lang", "o:p", "Calibri"]:
        assert gone not in produced, gone
    assert "<h2>Fleet review</h2>" in produced
    assert "The <strong>navy</strong> reviewed <em>six</em> ships." in produced
    assert "<strong>Google bold</strong>" in produced and "<em>Google italic</em>" in produced
    assert "<p>Docs wrapper</p>" in produced and "<strong><p>" not in produced
    assert "<ul><li>First point</li><li>Second point</li></ul>" in produced
    assert "<td>Cell</td>" in produced
    assert violations(editor_page) == []


def test_every_seed_and_imported_body_loads_unchanged(editor_page, settings):
    """Seeds and WordPress imports (tables, figures, links, lists) come out of the editor as
    readers got them: the same elements, attributes and text (articles/rich_text.body_tokens:
    the editor writes no line breaks between blocks, where browsers show none anyway)."""
    from django.core.management import call_command

    from articles.models import Article
    from articles.rich_text import body_tokens
    from tests.wordpress_import.conftest import run_import

    call_command("load_seeds", verbosity=0)
    run_import()
    bodies = list(Article.objects.exclude(pk=editor_page.article.pk).values_list("slug", "body"))
    assert len(bodies) > 35
    assert any("<figure>" in body for _, body in bodies)
    changed = []
    for slug, body in bodies:
        set_body(editor_page, body)
        produced = body_value(editor_page)
        if body_tokens(produced) != body_tokens(body) or sanitize_body_html(produced) != produced:
            changed.append((slug, body, produced))
    assert [slug for slug, _, _ in changed] == [], changed[:1]
