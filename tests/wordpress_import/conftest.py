"""The WordPress export written by a real WordPress (fixtures/make_export.sh), and ways to run
the import on it or on a variant of it."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

FIXTURES = Path(__file__).parent / "fixtures"
EXPORT = FIXTURES / "export.xml"
UPLOADS = FIXTURES / "uploads"
# WordPress post IDs in the fixture export (see make_export.php).
CLASSIC, BLOCKS, RUSSIAN, FRENCH = 7, 8, 9, 10
SCHEDULED, DRAFT, PENDING, PRIVATE, TRASHED, PASSWORD, PAGE, MENU_ITEM = (
    11, 12, 13, 14, 15, 17, 18, 19,
)  # fmt: skip


def run_import(path=EXPORT, *args, uploads=UPLOADS, download=False):
    """Runs `manage.py import_wordpress`; returns its report (stdout)."""
    out, err = io.StringIO(), io.StringIO()
    options = [str(path), *args]
    if uploads:
        options += ["--uploads", str(uploads)]
    if not download:
        options.append("--no-download")
    call_command("import_wordpress", *options, stdout=out, stderr=err)
    return out.getvalue()


def export_variant(tmp_path, *replacements, name="variant.xml"):
    """A copy of the real export with (old, new) text replacements, each of which must apply."""
    text = EXPORT.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, f"{old!r} is not in the export"
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# A comment WordPress itself never exports (spam), as other tools write it.
SPAM_COMMENT = """
		<wp:comment>
			<wp:comment_id>900</wp:comment_id>
			<wp:comment_author><![CDATA[Spammer]]></wp:comment_author>
			<wp:comment_author_email><![CDATA[spam@example.com]]></wp:comment_author_email>
			<wp:comment_author_url></wp:comment_author_url>
			<wp:comment_author_IP><![CDATA[198.51.100.9]]></wp:comment_author_IP>
			<wp:comment_date><![CDATA[2024-03-12 14:20:00]]></wp:comment_date>
			<wp:comment_date_gmt><![CDATA[2024-03-12 14:20:00]]></wp:comment_date_gmt>
			<wp:comment_content><![CDATA[Buy now http://spam.example]]></wp:comment_content>
			<wp:comment_approved><![CDATA[spam]]></wp:comment_approved>
			<wp:comment_type><![CDATA[comment]]></wp:comment_type>
			<wp:comment_parent>0</wp:comment_parent>
			<wp:comment_user_id>0</wp:comment_user_id>
		</wp:comment>
"""
FIRST_COMMENT = "<wp:comment>\n\t\t\t<wp:comment_id>2</wp:comment_id>"


@pytest.fixture
def imported(db):
    """The fixture export imported once, with its uploads folder; the report."""
    return run_import()
