"""Running the import again creates nothing twice, updates what changed, and finishes what a
broken or interrupted run left; a dry run writes nothing."""

import http.server
import threading
from functools import partial
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from taggit.models import Tag

from articles.models import Article, Category
from comments.models import Comment
from wordpress_import import posts
from wordpress_import.models import ImportedPost, LegacyAddress

from .conftest import CLASSIC, FIXTURES, UPLOADS, export_variant, run_import

pytestmark = pytest.mark.django_db


def counts():
    return {
        "articles": Article.objects.count(),
        "comments": Comment.objects.count(),
        "categories": Category.objects.count(),
        "tags": Tag.objects.count(),
        "users": get_user_model().objects.count(),
        "addresses": LegacyAddress.objects.count(),
    }


def table(report):
    lines = report.splitlines()
    return {line.split()[0]: [int(n) for n in line.split()[1:]] for line in lines[4:11]}


def test_the_same_export_again_creates_and_changes_nothing(imported, settings):
    before = counts()
    modified = {a.pk: a.modified_at for a in Article.objects.all()}
    report = run_import()
    assert counts() == before
    assert {a.pk: a.modified_at for a in Article.objects.all()} == modified
    assert all(created == 0 and updated == 0 for created, updated, _ in table(report).values())
    assert "8 × unchanged since the last import" in report
    # The article whose image is missing everywhere was tried again, and said so.
    assert "unchanged since the last import (an image still missing)" in report
    media = sorted(p.name for p in (settings.MEDIA_ROOT / "wordpress/2024/03").iterdir())
    assert media == ["frigate.jpg", "radar-300x200.jpg", "radar.jpg"]


def test_what_changed_in_wordpress_is_updated(imported, tmp_path):
    export = export_variant(
        tmp_path,
        ("<![CDATA[Radar upgrade &amp;", "<![CDATA[Radar upgrade, corrected &amp;"),
        ("<![CDATA[Très bien expliqué.", "<![CDATA[Très bien expliqué, vraiment."),
    )
    report = run_import(export)
    article = ImportedPost.objects.get(wp_post_id=CLASSIC).article
    assert article.headline.startswith("Radar upgrade, corrected &")
    assert article.slug == "radar-upgrade"
    assert Comment.objects.filter(body__startswith="Très bien expliqué, vraiment.").count() == 1
    assert table(report)["articles"][:2] == [0, 1]
    assert table(report)["comments"][:2] == [0, 1]


def test_a_new_slug_in_wordpress_leaves_the_old_address_working(imported, tmp_path, client):
    export = export_variant(
        tmp_path,
        ("<wp:post_name><![CDATA[radar-upgrade]]>", "<wp:post_name><![CDATA[radar-upgrade-2024]]>"),
    )
    run_import(export)
    assert client.get("/news/radar-upgrade/")["Location"] == "/news/radar-upgrade-2024/"
    assert client.get("/radar-upgrade-2024/")["Location"] == "/news/radar-upgrade-2024/"
    assert client.get("/radar-upgrade/")["Location"] == "/news/radar-upgrade-2024/"


def test_a_broken_post_is_reported_and_the_rest_imported_then_finished_on_rerun(db):
    real = posts.ArticleMapper._terms

    def broken(self, article, post, **kwargs):
        if post.post_id == CLASSIC:
            raise ValueError("disk on fire")
        return real(self, article, post, **kwargs)

    with mock.patch.object(posts.ArticleMapper, "_terms", broken):
        report = run_import()
    # Nothing of the broken post is left half-written: no article, no comment, no address.
    assert not ImportedPost.objects.filter(wp_post_id=CLASSIC).exists()
    assert not Article.objects.filter(slug="radar-upgrade").exists()
    assert not Comment.objects.filter(name="Jean Dupont").exists()
    assert not LegacyAddress.objects.filter(old_address="?p=7").exists()
    assert Article.objects.count() == 8
    assert "1 × broken (see below) (e.g. 7)" in report
    assert "not imported: ValueError: disk on fire" in report

    report = run_import()
    assert ImportedPost.objects.filter(wp_post_id=CLASSIC).exists()
    assert Article.objects.count() == 9
    assert table(report)["articles"][0] == 1
    assert Comment.objects.filter(name="Jean Dupont").count() == 2


def test_a_dry_run_writes_nothing_and_reports_the_same(db, settings):
    dry = run_import(FIXTURES / "export.xml", "--dry-run")
    assert counts() == {
        "articles": 0,
        "comments": 0,
        "categories": 0,
        "tags": 0,
        "users": 0,
        "addresses": 0,
    }
    assert not (settings.MEDIA_ROOT / "wordpress").exists()
    assert dry.startswith("WordPress import report (dry run: nothing was written)")
    real = run_import()
    assert table(dry) == table(real)


def test_a_truncated_export_is_refused_before_anything_is_written(db, tmp_path):
    text = (FIXTURES / "export.xml").read_text(encoding="utf-8")
    cut = text.index("<title><![CDATA[Frigate programme")
    broken = tmp_path / "broken.xml"
    broken.write_text(text[:cut] + "<title><![CDATA[Half a ti", encoding="utf-8")
    with pytest.raises(CommandError, match=r"not valid XML \(line 450: .*nothing was imported"):
        run_import(broken)
    assert counts()["articles"] == 0


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def old_site(tmp_path):
    """The old site, serving its uploads at /wp-content/uploads/ on a free local port."""
    root = tmp_path / "site"
    (root / "wp-content").mkdir(parents=True)
    (root / "wp-content" / "uploads").symlink_to(UPLOADS)
    handler = partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_images_missing_from_uploads_are_downloaded_from_the_old_site(db, old_site, settings):
    report = run_import(
        FIXTURES / "export.xml", "--old-site-url", old_site, uploads=None, download=True
    )
    assert (settings.MEDIA_ROOT / "wordpress/2024/03/radar.jpg").is_file()
    article = ImportedPost.objects.get(wp_post_id=CLASSIC).article
    assert article.lead_image and article.lead_image.file.name == "wordpress/2024/03/radar.jpg"
    assert "missing: the old site answered 404 (e.g. 2024/03/lost.jpg)" in report


def test_an_unreachable_old_site_is_tried_once_not_per_image(db):
    report = run_import(
        FIXTURES / "export.xml",
        "--old-site-url",
        "http://127.0.0.1:9",  # nothing listens on the discard port
        "--timeout",
        "2",
        uploads=None,
        download=True,
    )
    assert "not in the uploads folder, and the old site is unreachable" in report
    assert Article.objects.count() == 9


def test_images_missing_at_first_are_brought_in_by_a_later_run(db):
    report = run_import(uploads=None)
    article = ImportedPost.objects.get(wp_post_id=CLASSIC).article
    assert not article.lead_image
    assert "missing: no --uploads, no download (e.g. 2024/03/radar.jpg," in report
    report = run_import()
    article.refresh_from_db()
    assert article.lead_image and article.lead_image.file.name == "wordpress/2024/03/radar.jpg"
    assert '/media/wordpress/2024/03/radar-300x200.jpg"' in article.body
    assert table(report)["articles"][:2] == [0, 2]  # the classic and the block-editor post
