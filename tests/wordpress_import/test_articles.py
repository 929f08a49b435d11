"""Posts of a real WordPress export become articles: text, status, times, people, terms."""

from datetime import UTC, datetime
from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from taggit.models import Tag

from articles.models import Article, Category
from articles.slugs import slug_for_name
from wordpress_import.models import ImportedPost

from . import conftest as wp
from .conftest import BLOCKS, CLASSIC, FRENCH, RUSSIAN, SCHEDULED, export_variant, run_import

pytestmark = pytest.mark.django_db


def article_for(wp_post_id):
    return ImportedPost.objects.select_related("article").get(wp_post_id=wp_post_id).article


def test_a_classic_post_reads_as_wordpress_showed_it(imported, client):
    article = article_for(CLASSIC)
    assert article.headline == 'Radar upgrade & "next steps" for the air force'
    assert article.slug == "radar-upgrade"
    assert article.standfirst == (
        "The air force will field a new radar array next year. Crews start training in May."
    )
    # Bare newlines became paragraphs and line breaks, as wpautop makes them.
    assert "<p>The air force confirmed the upgrade on Tuesday.</p>" in article.body
    assert "Crews start training in May.<br>\nA second line" in article.body
    assert "<ul>\n<li>North</li>" in article.body
    # [caption] became a figure; the unknown shortcode's text stays, its tags go.
    assert (
        "<figcaption>The array at dusk. Photo: <em>MoD</em></figcaption></figure>" in article.body
    )
    assert "[caption" not in article.body and "[unknown_plugin" not in article.body
    assert "<p>Kept text</p>" in article.body
    assert article.published_at == datetime(2024, 3, 12, 9, 30, tzinfo=UTC)
    assert article.is_published()
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert "The array at dusk." in page.content.decode()


def test_block_editor_markup_loses_its_comments_and_keeps_its_content(imported):
    article = article_for(BLOCKS)
    assert "wp:" not in article.body and "<!--" not in article.body
    assert "<h2>What comes next</h2>" in article.body
    assert "<blockquote><p>We are on time.</p></blockquote>" in article.body
    assert "<figcaption>The lead ship.</figcaption>" in article.body
    # No excerpt: the standfirst is the first sentences of the text.
    assert article.standfirst == (
        "The frigate programme passed its design review. It is on budget. "
        "A third sentence follows here."
    )


def test_non_english_posts_get_slugs_as_the_site_makes_them(imported, client):
    russian = article_for(RUSSIAN)
    assert russian.headline == "Учения Северного флота"
    # WordPress's slug (Учения-Северного-флота, percent-encoded in the export) by the site's
    # policy: Unicode kept, lowercase; the address carries it percent-encoded.
    assert russian.slug == "учения-северного-флота" == slug_for_name(russian.slug)
    assert russian.get_absolute_url() == "/news/" + quote("учения-северного-флота") + "/"
    assert client.get(russian.get_absolute_url()).status_code == 200
    french = article_for(FRENCH)
    assert french.headline == "Défense aérienne : le point sur la commande"
    assert french.slug == "defense-aerienne-le-point-sur-la-commande"
    assert french.standfirst == (
        "La commande porte sur huit systèmes. Les livraisons commencent en 2026. "
        "Le coût n'est pas publié."
    )


@pytest.mark.parametrize(
    "wp_post_id, status, public",
    [
        (SCHEDULED, Article.Status.PUBLISHED, False),
        (wp.DRAFT, Article.Status.DRAFT, False),
        (wp.PENDING, Article.Status.IN_REVIEW, False),
        (wp.PRIVATE, Article.Status.DRAFT, False),
        (wp.PASSWORD, Article.Status.DRAFT, False),
    ],
)
def test_statuses_map_and_nothing_private_becomes_public(imported, client, wp_post_id, status,
                                                         public):  # fmt: skip
    article = article_for(wp_post_id)
    assert article.status == status
    assert article.is_published() is public
    assert client.get(f"/news/{article.slug}/").status_code == 404


def test_a_future_post_is_scheduled_at_its_time(imported):
    article = article_for(SCHEDULED)
    assert article.is_scheduled()
    assert article.published_at == datetime(2036, 1, 15, 8, 0, tzinfo=UTC)


def test_trash_pages_and_menu_items_are_reported_not_imported(imported):
    assert Article.objects.count() == 9
    assert "in the WordPress trash (e.g. post 15)" in imported
    assert "a page: the site has no pages (only articles) (e.g. page 18)" in imported
    assert "a navigation menu item (e.g. nav_menu_item 19)" in imported
    assert "post 14: private in WordPress: imported as a draft, never public" in imported
    assert "post 17: password-protected in WordPress: imported as a draft" in imported


def test_authors_are_writers_nobody_can_sign_in_as(imported, client):
    users = get_user_model().objects.filter(username__in=["alice", "boris"])
    assert users.count() == 2
    for user in users:
        assert user.is_staff and not user.is_superuser
        assert not user.has_usable_password()
        assert list(user.groups.values_list("name", flat=True)) == ["Writers"]
    # Through the sign-in form: django-axes needs the request that client.login() lacks.
    response = client.post("/admin/login/", {"username": "alice", "password": "x"})
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    assert article_for(CLASSIC).byline == "Alice Martin"
    assert article_for(CLASSIC).author.username == "alice"
    assert article_for(BLOCKS).byline == "Борис Иванов"


def test_an_existing_account_with_the_same_email_is_credited_not_duplicated(db):
    desk = get_user_model().objects.create_user("amartin", "ALICE@old-desk.example", "pw")
    report = run_import()
    assert not get_user_model().objects.filter(username="alice").exists()
    assert article_for(CLASSIC).author == desk
    desk.refresh_from_db()
    assert desk.check_password("pw") and not desk.is_staff
    assert "an account with this e-mail already exists" in report


def test_categories_are_flattened_and_keep_name_slug_and_description(imported):
    naval = Category.objects.get(slug="naval")
    assert naval.name == "Naval"
    assert naval.description == "Fleets, ships and submarines."
    assert set(article_for(BLOCKS).categories.values_list("slug", flat=True)) == {
        "defence",
        "naval",
    }
    assert Category.objects.get(name="Sécurité").slug == "securite"
    assert Category.objects.get(name="Оборона").slug == "оборона"


def test_accented_and_non_latin_tags_work_on_pages_feeds_and_sitemaps(imported, client, site_cache):
    names = set(article_for(CLASSIC).tags.values_list("name", flat=True))
    assert names == {"défense aérienne", "Ñandú"}
    for name in ("défense aérienne", "Ñandú", "Россия", "日本"):
        tag = Tag.objects.get(name=name)
        page = client.get(f"/tag/{tag.slug}/")
        assert page.status_code == 200, name
        assert name in page.content.decode()
        assert client.get(f"/tag/{tag.slug}/feed/").status_code == 200
    assert client.get(article_for(CLASSIC).get_absolute_url()).status_code == 200
    sitemap = client.get("/sitemap-tags.xml")
    assert sitemap.status_code == 200
    assert "/tag/defense-aerienne/" in sitemap.content.decode()


def test_the_featured_image_becomes_the_lead_image_with_its_words(imported, settings):
    article = article_for(CLASSIC)
    assert article.lead_image.file.name == "wordpress/2024/03/radar.jpg"
    assert (settings.MEDIA_ROOT / "wordpress/2024/03/radar.jpg").is_file()
    image = article.lead_image  # in the image library, its words with it
    assert (image.width, image.height) == (800, 533)
    assert image.alt_text == "A grey radar array on a mast against a blue sky"
    assert image.caption == "The new radar array at the test range."
    assert image.credit == "Photo: Ministry of Defence"
    assert image.title


def test_images_inside_bodies_point_at_the_new_media_addresses(imported, client):
    classic = article_for(CLASSIC)
    assert 'src="/media/wordpress/2024/03/radar-300x200.jpg"' in classic.body
    assert 'href="/media/wordpress/2024/03/radar.jpg"' in classic.body
    assert "old-desk.example/wp-content" not in classic.body
    blocks = article_for(BLOCKS)
    assert 'src="/media/wordpress/2024/03/frigate.jpg"' in blocks.body
    # The image missing everywhere keeps its old address, and the report says so.
    assert 'src="http://old-desk.example/wp-content/uploads/2024/03/lost.jpg"' in blocks.body
    assert "missing: not in the uploads folder (e.g. 2024/03/lost.jpg)" in imported


def test_the_report_counts_each_kind(imported):
    lines = imported.splitlines()
    counts = {line.split()[0]: line.split()[1:] for line in lines[4:11]}
    assert counts == {
        "articles": ["9", "0", "3"],
        "categories": ["5", "0", "0"],
        "tags": ["5", "0", "0"],
        "authors": ["2", "0", "0"],
        "images": ["3", "0", "1"],
        "comments": ["7", "0", "3"],
        # The tag 日本 keeps its WordPress slug, so its page and feed need no redirect.
        "redirects": ["49", "0", "0"],
    }


def test_two_categories_of_one_name_stay_two(db, tmp_path):
    # WordPress allows "Naval" under two parents; names are unique here.
    export = export_variant(
        tmp_path,
        (
            "<wp:cat_name><![CDATA[Sécurité]]></wp:cat_name>",
            "<wp:cat_name><![CDATA[Naval]]></wp:cat_name>",
        ),
    )
    report = run_import(export)
    assert Category.objects.get(slug="naval").name == "Naval"
    assert Category.objects.get(slug="securite").name == "Naval (securite)"
    assert "category securite: name taken: imported as Naval (securite)" in report


def test_a_sticky_post_is_pinned_as_lead_story(db, tmp_path):
    export = export_variant(
        tmp_path,
        (
            '<wp:is_sticky>0</wp:is_sticky>\n\t\t\t\t\t\t\t\t\t\t<category domain="category" '
            'nicename="defence">',
            '<wp:is_sticky>1</wp:is_sticky>\n\t\t\t\t\t\t\t\t\t\t<category domain="category" '
            'nicename="defence">',
        ),
    )
    run_import(export)
    assert article_for(BLOCKS).is_lead
    assert not article_for(CLASSIC).is_lead
