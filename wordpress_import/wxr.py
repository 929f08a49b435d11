"""Reading a WordPress export (WXR 1.0-1.2) as a stream, safely.

The file is read twice, item by item, never whole: the first pass collects what posts refer to
(authors, terms, attachments: small), the second yields posts one at a time, each element freed
once read. WordPress never writes a DOCTYPE, so one in the prolog means a crafted file (entity
expansion, external entities): it is refused before parsing, and the parser resolves no entity
and opens no network or DTD anyway.
"""

import functools
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import unquote

from lxml import etree

SUPPORTED_VERSIONS = {"1.0", "1.1", "1.2"}
PROLOG_LIMIT = 64 * 1024
WP_NS_PREFIX = "http://wordpress.org/export/"
NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}


class UnsafeExport(Exception):
    """The file is not a WordPress export we may read (an XML attack, or not WXR at all)."""


@dataclass
class Author:
    login: str
    email: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""
    # WordPress's "Biographical Info": not in the exports WordPress writes itself, but in those
    # some tools and plugins write (wp:author_description).
    description: str = ""


@dataclass
class Term:
    taxonomy: str  # "category" or "post_tag"
    slug: str  # decoded: WordPress stores non-ASCII slugs percent-encoded
    name: str
    term_id: int | None = None
    parent_slug: str = ""
    description: str = ""


@dataclass
class Attachment:
    post_id: int
    url: str
    title: str = ""
    caption: str = ""
    alt: str = ""
    credit: str = ""
    relative_path: str = ""  # under wp-content/uploads, from _wp_attached_file
    parent_id: int = 0


@dataclass
class Comment:
    comment_id: int
    author: str = ""
    email: str = ""
    url: str = ""
    ip: str = ""
    user_agent: str = ""
    date_gmt: datetime | None = None
    content: str = ""
    approved: str = "1"
    type: str = ""
    parent_id: int = 0


@dataclass
class Post:
    post_id: int
    post_type: str
    status: str
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    date_local: datetime | None = None  # the site's time: what date-based permalinks use
    date_gmt: datetime | None = None
    modified_gmt: datetime | None = None
    name: str = ""  # decoded slug
    password: str = ""
    comment_status: str = "open"
    sticky: bool = False
    terms: list = field(default_factory=list)  # [(taxonomy, slug, name)]
    meta: dict = field(default_factory=dict)
    comments: list = field(default_factory=list)
    line: int = 0

    @property
    def thumbnail_id(self):
        value = self.meta.get("_thumbnail_id", "")
        return int(value) if value.isdigit() else None


@dataclass
class Site:
    version: str = ""
    base_url: str = ""
    link: str = ""
    authors: dict = field(default_factory=dict)  # login -> Author
    terms: dict = field(default_factory=dict)  # (taxonomy, slug) -> Term
    attachments: dict = field(default_factory=dict)  # post_id -> Attachment
    post_count: int = 0  # items of type "post"
    item_count: int = 0  # items other than attachments, for progress


def _prefix(namespace):
    if namespace is None:
        return ""
    if namespace.startswith(WP_NS_PREFIX):
        return "excerpt" if namespace.rstrip("/").endswith("excerpt") else "wp"
    return NAMESPACES.get(namespace, namespace)


def _key(element):
    return _tag_key(element.tag)


@functools.lru_cache(maxsize=512)
def _tag_key(tag):
    """`wp:post_id` for `{http://wordpress.org/export/1.2/}post_id`: worked out once per tag
    (an export of 10,000 posts has a few million elements and a few dozen tags)."""
    qname = etree.QName(tag)
    prefix = _prefix(qname.namespace)
    return f"{prefix}:{qname.localname}" if prefix else qname.localname


def _text(element):
    return (element.text or "").strip() if element is not None else ""


def _raw_text(element):
    return element.text or ""


def _int(text, default=0):
    text = (text or "").strip()
    return int(text) if text.isdigit() else default


def parse_wp_datetime(text):
    """WordPress's "Y-m-d H:i:s"; "0000-00-00 00:00:00" (never set) becomes None."""
    text = (text or "").strip()
    if not text or text.startswith("0000"):
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


def _gmt(text):
    value = parse_wp_datetime(text)
    return value.replace(tzinfo=UTC) if value else None


def decode_slug(slug):
    """WordPress keeps non-ASCII slugs percent-encoded (`%d0%bf...`): give back the text."""
    return unquote(slug or "", errors="replace").strip()


def check_prolog(path):
    """Refuse a DOCTYPE or ENTITY declaration before the first element (WordPress writes none)."""
    with open(path, "rb") as stream:
        head = stream.read(PROLOG_LIMIT)
    # Comments may mention anything; only declarations outside them count.
    head = re.sub(rb"<!--.*?-->", b"", head, flags=re.DOTALL)
    start = re.search(rb"<[A-Za-z_]", head)
    prolog = head[: start.start()] if start else head
    if re.search(rb"<!(DOCTYPE|ENTITY)", prolog, flags=re.IGNORECASE):
        raise UnsafeExport(
            "The file declares a DOCTYPE or entities, which WordPress exports never do; "
            "refusing it (entity expansion and external entities are XML attacks)."
        )
    if start is None:
        raise UnsafeExport("No XML element in the first 64 KB: this is not a WordPress export.")


def _iterparse(path, tags):
    return etree.iterparse(
        path,
        events=("end",),
        tag=tags,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
    )


def _free(element):
    """Drop an element once read, and the siblings before it, so memory stays flat."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def read_site(path):
    """First pass: the export's version, addresses, authors, terms and attachments."""
    check_prolog(path)
    site = Site()
    tags = [
        "item",
        "link",
        "{*}wxr_version",
        "{*}base_site_url",
        "{*}author",
        "{*}category",
        "{*}tag",
        "{*}term",
    ]
    found_wp_namespace = False
    for _event, element in _iterparse(path, tags):
        key = _key(element)
        parent = element.getparent()
        in_channel = parent is not None and parent.tag == "channel"
        if key == "item":
            post_type = _text(element.find("{*}post_type"))
            if post_type == "attachment":
                attachment = _attachment(element)
                if attachment:
                    site.attachments[attachment.post_id] = attachment
            else:
                site.item_count += 1
                site.post_count += post_type == "post"
            _free(element)
            continue
        if not in_channel:
            continue
        if key.startswith("wp:"):
            found_wp_namespace = True
        if key == "link":
            site.link = _text(element)
        elif key == "wp:wxr_version":
            site.version = _text(element)
        elif key == "wp:base_site_url":
            site.base_url = _text(element).rstrip("/")
        elif key == "wp:author":
            author = _author(element)
            if author.login:
                site.authors[author.login] = author
        elif key in ("wp:category", "wp:tag", "wp:term"):
            term = _term(element, key)
            if term and term.slug:
                site.terms.setdefault((term.taxonomy, term.slug), term)
    if not found_wp_namespace and not site.version:
        raise UnsafeExport("No WordPress export namespace found: this is not a WXR file.")
    if not site.base_url:
        site.base_url = site.link.rstrip("/")
    return site


def _children(element):
    return {_key(child): child for child in element}


def _author(element):
    fields = _children(element)
    return Author(
        login=_text(fields.get("wp:author_login")),
        email=_text(fields.get("wp:author_email")),
        display_name=_text(fields.get("wp:author_display_name")),
        first_name=_text(fields.get("wp:author_first_name")),
        last_name=_text(fields.get("wp:author_last_name")),
        description=_text(fields.get("wp:author_description")),
    )


def _term(element, key):
    fields = _children(element)
    if key == "wp:category":
        return Term(
            taxonomy="category",
            term_id=_int(_text(fields.get("wp:term_id")), None),
            slug=decode_slug(_text(fields.get("wp:category_nicename"))),
            parent_slug=decode_slug(_text(fields.get("wp:category_parent"))),
            name=_text(fields.get("wp:cat_name")),
            description=_text(fields.get("wp:category_description")),
        )
    if key == "wp:tag":
        return Term(
            taxonomy="post_tag",
            term_id=_int(_text(fields.get("wp:term_id")), None),
            slug=decode_slug(_text(fields.get("wp:tag_slug"))),
            name=_text(fields.get("wp:tag_name")),
            description=_text(fields.get("wp:tag_description")),
        )
    taxonomy = _text(fields.get("wp:term_taxonomy"))
    if taxonomy not in ("category", "post_tag"):
        return None
    # wp:term repeats categories and tags already listed; the richer wp:category wins.
    return Term(
        taxonomy=taxonomy,
        term_id=_int(_text(fields.get("wp:term_id")), None),
        slug=decode_slug(_text(fields.get("wp:term_slug"))),
        parent_slug=decode_slug(_text(fields.get("wp:term_parent"))),
        name=_text(fields.get("wp:term_name")),
        description=_text(fields.get("wp:term_description")),
    )


def _postmeta(element):
    meta = {}
    for child in element:
        if _key(child) == "wp:postmeta":
            fields = _children(child)
            meta[_text(fields.get("wp:meta_key"))] = _raw_text(fields.get("wp:meta_value"))
    return meta


CREDIT = re.compile(r's:6:"credit";s:(\d+):"')


def php_serialized_credit(value):
    """The `credit` of `_wp_attachment_metadata`'s image_meta (a PHP-serialized array).

    PHP counts string lengths in bytes, so the string is read by its byte length.
    """
    match = CREDIT.search(value or "")
    if not match:
        return ""
    raw = value.encode("utf-8")
    start = len(value[: match.end()].encode("utf-8"))
    return raw[start : start + int(match.group(1))].decode("utf-8", errors="replace").strip()


def _attachment(element):
    fields = _children(element)
    post_id = _int(_text(fields.get("wp:post_id")))
    if not post_id:
        return None
    meta = _postmeta(element)
    url = _text(fields.get("wp:attachment_url")) or _text(fields.get("guid"))
    return Attachment(
        post_id=post_id,
        url=url,
        title=_text(fields.get("title")),
        caption=_text(fields.get("excerpt:encoded")),
        alt=meta.get("_wp_attachment_image_alt", "").strip(),
        credit=php_serialized_credit(meta.get("_wp_attachment_metadata", "")),
        relative_path=meta.get("_wp_attached_file", "").strip().lstrip("/"),
        parent_id=_int(_text(fields.get("wp:post_parent"))),
    )


def _comment(element):
    fields = _children(element)
    return Comment(
        comment_id=_int(_text(fields.get("wp:comment_id"))),
        author=_text(fields.get("wp:comment_author")),
        email=_text(fields.get("wp:comment_author_email")),
        url=_text(fields.get("wp:comment_author_url")),
        ip=_text(fields.get("wp:comment_author_IP")),
        user_agent=_text(fields.get("wp:comment_agent")),  # not in WordPress's own exports
        date_gmt=_gmt(_text(fields.get("wp:comment_date_gmt")))
        or _gmt(_text(fields.get("wp:comment_date"))),
        content=_raw_text(fields.get("wp:comment_content")),
        approved=_text(fields.get("wp:comment_approved")) or "1",
        type=_text(fields.get("wp:comment_type")),
        parent_id=_int(_text(fields.get("wp:comment_parent"))),
    )


def _post(element):
    post = Post(post_id=0, post_type="", status="", line=element.sourceline or 0)
    for child in element:
        key = _key(child)
        if key == "title":
            post.title = _text(child)
        elif key == "link":
            post.link = _text(child)
        elif key == "guid":
            post.guid = _text(child)
        elif key == "dc:creator":
            post.creator = _text(child)
        elif key == "content:encoded":
            post.content = _raw_text(child)
        elif key == "excerpt:encoded":
            post.excerpt = _raw_text(child)
        elif key == "wp:post_id":
            post.post_id = _int(_text(child))
        elif key == "wp:post_date":
            post.date_local = parse_wp_datetime(_text(child))
        elif key == "wp:post_date_gmt":
            post.date_gmt = _gmt(_text(child))
        elif key == "wp:post_modified_gmt":
            post.modified_gmt = _gmt(_text(child))
        elif key == "wp:post_name":
            post.name = decode_slug(_text(child))
        elif key == "wp:status":
            post.status = _text(child)
        elif key == "wp:post_type":
            post.post_type = _text(child)
        elif key == "wp:post_password":
            post.password = _raw_text(child)
        elif key == "wp:comment_status":
            post.comment_status = _text(child)
        elif key == "wp:is_sticky":
            post.sticky = _text(child) == "1"
        elif key == "category":
            post.terms.append(
                (child.get("domain", ""), decode_slug(child.get("nicename", "")), _text(child))
            )
        elif key == "wp:postmeta":
            fields = _children(child)
            post.meta[_text(fields.get("wp:meta_key"))] = _raw_text(fields.get("wp:meta_value"))
        elif key == "wp:comment":
            post.comments.append(_comment(child))
    return post


def iter_posts(path):
    """Second pass: every item but attachments, one at a time (attachments came in pass one)."""
    check_prolog(path)
    for _event, element in _iterparse(path, ["item"]):
        post_type = _text(element.find("{*}post_type"))
        if post_type != "attachment":
            yield _post(element)
        _free(element)
