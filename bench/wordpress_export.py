"""A large WordPress export for the import benchmark, built from the real small one's shape.

The items are copies of the posts WordPress wrote in tests/wordpress_import/fixtures/export.xml
(a classic post and a block-editor post, with their postmeta), renumbered and re-dated, each
with its own slug, GUID, tags and a thread of comments (a reply, a reply to it, a comment held
for moderation): so the importer meets WordPress's own markup, only more of it.

    .venv/bin/python bench/wordpress_export.py OUT.xml [POSTS] [COMMENTS_PER_POST]
"""

import copy
import sys
from datetime import datetime, timedelta
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "wordpress_import" / "fixtures" / "export.xml"
TEMPLATE_POSTS = {"7", "8"}  # the classic and the block-editor post
TAGS = 300
FIRST_POST_ID = 100_000
FIRST_COMMENT_ID = 1_000_000


def _local(element):
    return etree.QName(element).localname


def _child(item, name):
    return next(child for child in item if _local(child) == name)


def _set(item, name, value):
    _child(item, name).text = etree.CDATA(value) if not value.isdigit() else value


def build(out, posts=10_000, comments_per_post=5, tags=TAGS):
    text = FIXTURE.read_text(encoding="utf-8")
    head = text[: text.index("<item>")]
    tree = etree.parse(str(FIXTURE))
    items = tree.getroot().find("channel").findall("item")
    attachments = [i for i in items if _child(i, "post_type").text == "attachment"]
    templates = [i for i in items if _child(i, "post_id").text in TEMPLATE_POSTS]
    comment_template = next(c for c in templates[0] if _local(c) == "comment")
    start = datetime(2015, 1, 1, 8, 0)
    comment_id = FIRST_COMMENT_ID
    with open(out, "w", encoding="utf-8") as stream:
        stream.write(head)
        # Declared up front, as WordPress declares every tag of the site in its exports.
        for tag in range(tags):
            stream.write(
                f"\t<wp:tag><wp:term_id>{1000 + tag}</wp:term_id>"
                f"<wp:tag_slug><![CDATA[topic-{tag}]]></wp:tag_slug>"
                f"<wp:tag_name><![CDATA[Topic {tag}]]></wp:tag_name></wp:tag>\n"
            )
        for attachment in attachments:
            stream.write(etree.tostring(attachment, encoding="unicode"))
        for number in range(posts):
            item = copy.deepcopy(templates[number % len(templates)])
            post_id = FIRST_POST_ID + number
            when = start + timedelta(hours=7 * number)
            slug = f"bench-story-{number}"
            link = f"http://old-desk.example/{when:%Y/%m/%d}/{slug}/"
            _child(item, "title").text = etree.CDATA(f"Bench story {number}: the fleet report")
            _child(item, "link").text = link
            _child(item, "guid").text = f"http://old-desk.example/?p={post_id}"
            _set(item, "post_id", str(post_id))
            _set(item, "post_name", slug)
            for field in ("post_date", "post_date_gmt", "post_modified", "post_modified_gmt"):
                _set(item, field, f"{when:%Y-%m-%d %H:%M:%S}")
            for old in [c for c in item if _local(c) in ("category", "comment")]:
                item.remove(old)
            for tag in sorted({number % tags, (number * 7) % tags}):
                category = etree.SubElement(item, "category", domain="post_tag",
                                            nicename=f"topic-{tag}")  # fmt: skip
                category.text = etree.CDATA(f"Topic {tag}")
            category = etree.SubElement(item, "category", domain="category", nicename="naval")
            category.text = etree.CDATA("Naval")
            parents: list[int] = []
            for index in range(comments_per_post):
                comment = copy.deepcopy(comment_template)
                comment_id += 1
                # A thread three deep, then a held comment, then top-level ones.
                parent = parents[-1] if 0 < index < 3 else 0
                approved = "0" if index == 3 else "1"
                fields = {_local(c): c for c in comment}
                fields["comment_id"].text = str(comment_id)
                fields["comment_parent"].text = str(parent)
                fields["comment_approved"].text = etree.CDATA(approved)
                fields["comment_content"].text = etree.CDATA(
                    f"Comment {index} on story {number}.\nA second line."
                )
                stamp = f"{when + timedelta(minutes=10 * (index + 1)):%Y-%m-%d %H:%M:%S}"
                fields["comment_date"].text = etree.CDATA(stamp)
                fields["comment_date_gmt"].text = etree.CDATA(stamp)
                parents.append(comment_id)
                item.append(comment)
            stream.write(etree.tostring(item, encoding="unicode"))
            stream.write("\n")
        stream.write("</channel>\n</rss>\n")


if __name__ == "__main__":
    posts = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    per_post = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    build(sys.argv[1], posts, per_post)
