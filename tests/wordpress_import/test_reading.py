"""The export is read as a stream, in every WXR version, and crafted XML is refused."""

import pytest
from django.core.management.base import CommandError

from articles.models import Article
from wordpress_import import wxr

from .conftest import EXPORT, export_variant, run_import

pytestmark = pytest.mark.django_db

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&lol3;</title>
<wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
</item></channel></rss>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!-- a comment first, as WordPress writes -->
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&secret;</title>
</item></channel></rss>
"""


@pytest.mark.parametrize("attack", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_entity_attacks_are_refused_before_parsing(tmp_path, attack):
    path = tmp_path / "attack.xml"
    path.write_text(attack)
    with pytest.raises(CommandError, match="refusing it"):
        run_import(path)
    assert Article.objects.count() == 0


def test_an_entity_in_the_body_is_never_expanded(tmp_path):
    # Past the prolog check a declaration cannot appear, but an undeclared reference can.
    path = export_variant(
        tmp_path, ("The air force confirmed", "]]>&xxe;<![CDATA[The air force confirmed")
    )
    with pytest.raises(CommandError, match="not valid XML"):
        run_import(path)


def test_a_file_that_is_not_a_wordpress_export_is_refused(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text('<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>')
    with pytest.raises(CommandError, match="not a WXR file"):
        run_import(path)
    empty = tmp_path / "empty.xml"
    empty.write_text("")
    with pytest.raises(CommandError):
        run_import(empty)
    with pytest.raises(CommandError, match="No such file"):
        run_import(tmp_path / "missing.xml")


def test_wxr_1_1_reads_like_1_2(tmp_path):
    path = export_variant(
        tmp_path,
        ('xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"',
         'xmlns:excerpt="http://wordpress.org/export/1.1/excerpt/"'),
        ('xmlns:wp="http://wordpress.org/export/1.2/"', 'xmlns:wp="http://wordpress.org/export/1.1/"'),
        ("<wp:wxr_version>1.2</wp:wxr_version>", "<wp:wxr_version>1.1</wp:wxr_version>"),
    )  # fmt: skip
    report = run_import(path)
    assert Article.objects.count() == 9
    assert Article.objects.get(slug="radar-upgrade").standfirst.startswith("The air force will")
    assert "articles          9" in report


def test_posts_are_read_one_at_a_time():
    stream = wxr.iter_posts(str(EXPORT))
    first = next(stream)
    assert (first.post_id, first.post_type, first.status) == (7, "post", "publish")
    assert [c.comment_id for c in first.comments] == [2, 3, 4, 5, 6, 7, 9, 10]
    assert first.thumbnail_id == 4
    rest = list(stream)
    assert [post.post_id for post in rest] == [8, 9, 10, 11, 12, 13, 14, 15, 17, 18, 19]


def test_the_first_pass_collects_what_posts_refer_to():
    site = wxr.read_site(str(EXPORT))
    assert site.version == "1.2"
    assert site.base_url == "http://old-desk.example"
    assert set(site.authors) == {"alice", "boris"}
    assert site.terms[("category", "naval")].parent_slug == "defence"
    assert site.terms[("post_tag", "Россия")].name == "Россия"
    radar = site.attachments[4]
    assert radar.relative_path == "2024/03/radar.jpg"
    assert radar.credit == "Photo: Ministry of Defence"
    assert site.post_count == 10


def test_a_credit_with_multibyte_characters_is_read_by_its_byte_length():
    value = 'a:1:{s:10:"image_meta";a:1:{s:6:"credit";s:14:"Фото: МО";}}'
    assert wxr.php_serialized_credit(value) == "Фото: МО"
