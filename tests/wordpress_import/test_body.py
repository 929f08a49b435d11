"""Post content made into a body as WordPress would show it (no database needed)."""

import json

import pytest

from articles.slugs import slug_for_name
from wordpress_import.autop import wpautop
from wordpress_import.body import convert_body, first_sentences, html_to_text
from wordpress_import.slugs import site_slug
from wordpress_import.wxr import Attachment

from .conftest import FIXTURES

CASES = json.loads((FIXTURES / "wpautop_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=lambda case: case["input"][:30])
def test_wpautop_matches_wordpress_itself(case):
    # Expected outputs written by WordPress's own wpautop() (fixtures/make_wpautop_cases.php).
    assert wpautop(case["input"]) == case["wordpress"]


ATTACHMENTS = {
    21: Attachment(post_id=21, url="http://old.example/wp-content/uploads/a.jpg", alt="Tank",
                   caption="A tank", parent_id=5),
    22: Attachment(post_id=22, url="http://old.example/wp-content/uploads/b.jpg", title="Ship",
                   parent_id=5),
}  # fmt: skip


def convert(content):
    return convert_body(content, attachments=ATTACHMENTS, post_id=5, media_url=lambda a: a.url)


def test_old_style_caption_attribute_and_no_link():
    body, notes = convert('[caption id="x" caption="Old &amp; style"]<img src="a.jpg" />[/caption]')
    assert body == '<figure><img src="a.jpg" /><figcaption>Old &amp; style</figcaption></figure>'
    assert notes == []


def test_a_gallery_becomes_figures_of_its_images():
    body, _ = convert('[gallery ids="22,21"]')
    assert body.index("b.jpg") < body.index("a.jpg")
    assert '<img src="http://old.example/wp-content/uploads/a.jpg" alt="Tank">' in body
    assert "<figcaption>A tank</figcaption>" in body
    # Without ids: the images attached to the post.
    attached, _ = convert("[gallery]")
    assert "a.jpg" in attached and "b.jpg" in attached


def test_media_shortcodes_become_links_and_unknown_ones_are_reported():
    body, notes = convert(
        '[video src="https://cdn.example/v.mp4"]\n\n[contact-form id="3"]\n\n[sic]'
    )
    assert '<a href="https://cdn.example/v.mp4">https://cdn.example/v.mp4</a>' in body
    assert "contact-form" not in body
    assert "[sic]" in body  # text in brackets is not a shortcode
    assert notes == ["shortcode [contact-form] removed"]


def test_escaped_shortcodes_are_shown_as_written():
    body, _ = convert("Write [[caption]] to show a caption.")
    assert "Write [caption] to show a caption." in body


def test_block_content_gets_no_extra_paragraphs():
    body, _ = convert("<!-- wp:paragraph -->\n<p>One\ntwo</p>\n<!-- /wp:paragraph -->")
    assert body == "<p>One\ntwo</p>"


def test_more_and_nextpage_markers_go():
    body, _ = convert("Teaser<!--more-->\n\nRest<!--nextpage-->Page two")
    assert "more" not in body and "nextpage" not in body


def test_first_sentences_stop_at_a_sentence_and_never_cut_a_word():
    text = "First sentence here. Second one is a bit longer. Third."
    assert first_sentences(text, limit=30) == "First sentence here."
    assert first_sentences("word " * 100, limit=20).endswith("…")
    assert len(first_sentences("word " * 100, limit=20)) <= 20


def test_html_to_text_keeps_paragraphs_and_link_addresses():
    text = html_to_text(
        '<p>One <a href="https://x.example/">link</a></p><p>Two</p>', keep_links=True
    )
    assert text == "One link (https://x.example/)\n\nTwo"


@pytest.mark.parametrize(
    "wp_slug, title, slug",
    [
        # WordPress's own slug, kept: it is already in the site's form.
        ("radar-upgrade", "Radar upgrade", "radar-upgrade"),
        ("учения-северного-флота", "", "учения-северного-флота"),
        ("日本", "", "日本"),
        # WordPress's slug made into the site's form (it keeps capitals in encoded letters).
        ("Учения-Северного-флота", "", "учения-северного-флота"),
        ("Ελλάδα", "", "ελλάδα"),
        # No slug (a draft): the title, by the same policy; no letter at all: the fallback.
        ("", "Défense aérienne : le point", "défense-aérienne-le-point"),
        ("", "!!!", "wordpress-12"),
    ],
)
def test_slugs_follow_the_site_policy_keeping_wordpress_slugs(wp_slug, title, slug):
    made = site_slug(wp_slug, title, max_length=200, prefix="wordpress", fallback="wordpress-12")
    assert made == slug
    assert made == slug_for_name(made)  # what the admin and the URL converter accept as is


def test_slugs_without_a_fallback_get_the_policy_stable_name():
    assert site_slug("", "★", max_length=100, prefix="tag") == slug_for_name("★", prefix="tag")
