"""Imported authors get staff profiles: an author page, linked from their bylines."""

import pytest
from django.utils.html import escape

from articles.models import Article, AuthorProfile
from wordpress_import.models import ImportedAuthor, ImportedPost

from .conftest import BLOCKS, CLASSIC, export_variant, run_import

pytestmark = pytest.mark.django_db

ALICE_NAME = "<wp:author_display_name><![CDATA[Alice Martin]]></wp:author_display_name>"


def article_for(wp_post_id):
    return ImportedPost.objects.get(wp_post_id=wp_post_id).article


def test_each_author_gets_a_profile_page_named_after_their_login(imported, client, site_cache):
    alice = AuthorProfile.objects.get(slug="alice")
    assert alice.name == "Alice Martin"
    # The address WordPress gave the author page (/author/<login>/) works as it is.
    page = client.get("/author/alice/")
    assert page.status_code == 200
    assert "Alice Martin" in page.content.decode()
    assert escape(article_for(CLASSIC).headline) in page.content.decode()
    boris = AuthorProfile.objects.get(slug="boris")
    assert boris.name == "Борис Иванов"
    assert client.get("/author/boris/").status_code == 200


def test_bylines_link_to_the_author_page(imported, client, site_cache):
    article = article_for(CLASSIC)
    assert article.author_profile.slug == "alice"
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<a href="/author/alice/" rel="author">Alice Martin</a>' in page
    assert article_for(BLOCKS).author_profile.slug == "boris"


def test_the_private_login_email_is_not_made_public(imported):
    assert set(AuthorProfile.objects.values_list("email", flat=True)) == {""}


def test_the_bio_comes_from_the_author_description_when_exported(db, tmp_path):
    export = export_variant(
        tmp_path,
        (ALICE_NAME, ALICE_NAME + "<wp:author_description><![CDATA[Covers the air force "
         "from Paris.]]></wp:author_description>"),
    )  # fmt: skip
    run_import(export)
    assert AuthorProfile.objects.get(slug="alice").bio == "Covers the air force from Paris."


def test_a_rerun_updates_the_profile_rather_than_duplicating_it(imported, tmp_path):
    run_import()
    assert AuthorProfile.objects.count() == 2
    # An editor's changes are kept while the author is unchanged in WordPress...
    AuthorProfile.objects.filter(slug="alice").update(role="Air correspondent", bio="Edited.")
    run_import()
    alice = AuthorProfile.objects.get(slug="alice")
    assert (alice.role, alice.bio) == ("Air correspondent", "Edited.")
    # ...and a new display name in WordPress is brought over, to the same profile.
    renamed = export_variant(
        tmp_path, (ALICE_NAME, ALICE_NAME.replace("Alice Martin", "Alice Martin-Roy"))
    )
    report = run_import(renamed)
    assert AuthorProfile.objects.count() == 2
    alice.refresh_from_db()
    assert (alice.name, alice.role, alice.bio) == (
        "Alice Martin-Roy",
        "Air correspondent",
        "Edited.",
    )
    assert report.splitlines()[7].split() == ["authors", "0", "1", "1"]


def test_articles_imported_before_profiles_existed_are_linked_on_the_next_run(imported):
    # As left by the importer before it made profiles.
    Article.objects.update(author_profile=None)
    ImportedAuthor.objects.update(profile=None, fingerprint="")
    AuthorProfile.objects.all().delete()
    run_import()
    assert article_for(CLASSIC).author_profile == AuthorProfile.objects.get(slug="alice")
    assert AuthorProfile.objects.count() == 2


def test_an_existing_profile_of_the_same_name_is_credited(db):
    desk = AuthorProfile.objects.create(name="Alice Martin", slug="a-martin", role="Staff")
    run_import()
    assert article_for(CLASSIC).author_profile == desk
    assert not AuthorProfile.objects.filter(slug="alice").exists()
