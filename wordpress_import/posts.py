"""WordPress posts become articles: text, status and times, people, terms and images."""

import hashlib
import re
from datetime import UTC
from pathlib import PurePosixPath

from django.utils import timezone

from articles.models import Article, TaggedArticle
from workflow.models import ArticleRedirect

from .addresses import post_addresses
from .body import convert_body, first_sentences, html_to_text, plain_line
from .images import MissingImage
from .models import ImportedPost
from .slugs import site_slug, unique_slug

# Bump when the conversion changes, so the next run rewrites articles imported before.
CONVERSION_VERSION = "2"
HEADLINE_MAX = 200
STANDFIRST_MAX = 400
STANDFIRST_FROM_BODY = 300
SLUG_MAX = 200

STATUSES = {
    "publish": Article.Status.PUBLISHED,
    "future": Article.Status.PUBLISHED,  # with its future time: scheduled
    "draft": Article.Status.DRAFT,
    "pending": Article.Status.IN_REVIEW,
    "private": Article.Status.DRAFT,  # never public here either
}
SKIPPED_STATUSES = {
    "trash": "in the WordPress trash",
    "auto-draft": "an unsaved WordPress auto-draft",
    "inherit": "a revision",
}
SKIPPED_TYPES = {
    "page": "a page: the site has no pages (only articles)",
    "revision": "a revision",
    "nav_menu_item": "a navigation menu item",
}
UPLOAD_LINK = re.compile(
    r"""(\b(?:src|href)\s*=\s*)(["'])([^"'<>]*?/wp-content/uploads/[^"'<>]*)\2"""
)


def skip_reason(post):
    """Why this item does not become an article, or None when it does."""
    if post.post_type != "post":
        return SKIPPED_TYPES.get(post.post_type, f"internal post type “{post.post_type}”")
    if post.status in SKIPPED_STATUSES:
        return SKIPPED_STATUSES[post.status]
    if post.status not in STATUSES:
        return f"unknown status “{post.status}”"
    return None


def fingerprint(post):
    parts = [
        CONVERSION_VERSION, post.title, post.content, post.excerpt, post.status, post.name,
        str(post.date_gmt), str(post.modified_gmt), post.creator, post.password,
        post.comment_status, str(post.thumbnail_id), repr(sorted(post.terms)), str(post.sticky),
    ]  # fmt: skip
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


class ArticleMapper:
    def __init__(self, *, site, report, authors, terms, images, addresses, hosts):
        self.site = site
        self.report = report
        self.tally = report["articles"]
        self.authors = authors
        self.terms = terms
        self.images = images
        self.addresses = addresses
        self.hosts = hosts
        self.reported_missing = set()
        self.forget()

    def forget(self):
        """After a rolled-back post: what this object remembers is read again."""
        self.records = {record.wp_post_id: record for record in ImportedPost.objects.all()}
        # Slugs in use, so choosing one costs no query (an editor's article saved meanwhile
        # with the same slug fails that post, which the next run imports).
        self.slugs = set(Article.objects.values_list("slug", flat=True))
        # Old slugs redirecting to another article: a new article taking one ends the redirect,
        # as workflow.signals.record_redirect does for articles saved one by one.
        self.redirected = dict(ArticleRedirect.objects.values_list("old_slug", "article_id"))

    def knows(self, post):
        """Whether `post` was imported before (its article is updated, not created)."""
        return post.post_id in self.records

    def import_post(self, post, *, comment_count=None):
        """The article for `post` (created, updated or unchanged), or None if it is skipped.

        `comment_count`: its approved comments, when the caller knows the count before writing
        them (a new article); the article is then inserted with it.
        """
        record = self.records.get(post.post_id)
        if record and record.guid != post.guid and post.guid:
            self.tally.skip("post ID already imported from another site (GUID differs)",
                            post.post_id)  # fmt: skip
            return None
        current = fingerprint(post)
        if record and record.fingerprint == current:
            if not record.missing_images:
                self.tally.skip("unchanged since the last import")
                return Article(pk=record.article_id)
            if self._count_missing_images(post) >= record.missing_images:
                self.tally.skip("unchanged since the last import (an image still missing)")
                return Article(pk=record.article_id)
        article = Article.objects.get(pk=record.article_id) if record else Article()
        self.missing_images = 0
        self._fill(article, post)
        lead_attachment = self._lead_image(article, post, record)
        categories, tags = self._post_terms(post)
        article.primary_category_id = _primary_category(article, categories)
        if record is None:
            # The one write of a new article: no per-row signal (the import outdates caches,
            # editors' lists and the publication schedule once, at its end).
            article.comment_count = comment_count or 0
            # Its stored search vector is filled at the end of the run, with all the others.
            Article.objects.insert_quietly([article], search_vector=False)
            if self.redirected.pop(article.slug, None) is not None:
                ArticleRedirect.objects.filter(old_slug=article.slug).delete()
        else:
            article.save()  # an update: the workflow's signals keep the old slug redirecting
        self._terms(article, post, created=record is None, links=(categories, tags))
        if record is None:
            self.tally.created += 1
        else:
            self.tally.updated += 1
        record = record or ImportedPost(article=article, wp_post_id=post.post_id)
        record.guid = post.guid[:500]
        record.fingerprint = current
        record.missing_images = min(self.missing_images, 32767)
        record.lead_attachment_id = lead_attachment
        record.save()
        self.records[post.post_id] = record
        self.addresses.add(dict.fromkeys(post_addresses(post, self.hosts), ""), article=article)
        return article

    # Text, people, status, times
    def _fill(self, article, post):
        where = f"post {post.post_id}"
        body, notes = convert_body(
            post.content,
            attachments=self.site.attachments,
            post_id=post.post_id,
            media_url=self._attachment_url,
        )
        for note in notes:
            self.report.note(where, note)
        article.body = self._rewrite_upload_links(body, where)
        text = html_to_text(article.body)
        headline = plain_line(post.title)
        if not headline:
            headline = first_sentences(text, limit=HEADLINE_MAX) or f"WordPress post {post.post_id}"
            self.report.note(where, "no title: the headline is taken from the text")
        if len(headline) > HEADLINE_MAX:
            self.report.note(where, f"title cut to {HEADLINE_MAX} characters")
            headline = first_sentences(headline, limit=HEADLINE_MAX)
        article.headline = headline
        excerpt = html_to_text(post.excerpt)
        if excerpt:
            article.standfirst = first_sentences(excerpt, limit=STANDFIRST_MAX)
        else:
            # No excerpt: the opening sentences of the first paragraph, as a standfirst reads.
            opening = next((line for line in text.splitlines() if line.strip()), "")
            article.standfirst = first_sentences(opening, limit=STANDFIRST_FROM_BODY) or headline
        article.slug = self._slug(article, post)
        user, byline, profile = self.authors.get(post.creator)
        article.author = user
        article.author_profile = profile
        article.byline = byline[:200]
        article.status = STATUSES[post.status]
        article.published_at = None
        if post.status in ("publish", "future"):
            article.published_at = post.date_gmt or _assume_utc(post.date_local)
        if post.password:
            article.status = Article.Status.DRAFT
            article.published_at = None
            self.report.note(where, "password-protected in WordPress: imported as a draft")
        elif post.status == "private":
            self.report.note(where, "private in WordPress: imported as a draft, never public")
        article.comments_open = post.comment_status == "open"
        # WordPress's "stick to the front page" is this site's "pin as lead story".
        article.is_lead = post.sticky
        article.modified_at = post.modified_gmt or article.published_at or timezone.now()

    def _slug(self, article, post):
        base = site_slug(
            post.name,
            plain_line(post.title),
            max_length=SLUG_MAX,
            prefix="wordpress",
            fallback=f"wordpress-{post.post_id}",
        )
        if article.slug and article.slug == base:
            return base
        slug = unique_slug(base, taken=self.slugs.__contains__, max_length=SLUG_MAX)
        self.slugs.discard(article.slug)
        self.slugs.add(slug)
        if slug != base:
            self.report.note(f"post {post.post_id}", f"slug {base} was taken: {slug} used")
        return slug

    # Categories and tags
    def _post_terms(self, post):
        """The post's categories and tags: {pk: Category}, {pk: Tag}."""
        categories, tags = {}, {}
        for taxonomy, slug, name in post.terms:
            if not slug:
                continue
            if taxonomy == "category":
                category = self.terms.get("category", slug, name)
                categories[category.pk] = category
            elif taxonomy == "post_tag":
                tag = self.terms.get("post_tag", slug, name)
                tags[tag.pk] = tag
        return categories, tags

    def _terms(self, article, post, *, created, links):
        """`post`'s categories and tags (`links`, from _post_terms) through their link tables:
        two inserts for a new article (the managers' set() costs a query per tag), and the
        reader pages learn of it at the end."""
        categories, tags = links
        CategoryLink = Article.categories.through
        if not created:
            CategoryLink.objects.filter(article=article).delete()
            TaggedArticle.objects.filter(content_object=article).delete()
        CategoryLink.objects.bulk_create(
            [CategoryLink(article=article, category_id=pk) for pk in categories]
        )
        TaggedArticle.objects.bulk_create(
            [TaggedArticle(content_object=article, tag_id=pk) for pk in tags]
        )

    # Images
    def _attachment_url(self, attachment):
        url = attachment.url
        if url.startswith("/"):
            url = self.site.base_url + url
        return url

    def _rewrite_upload_links(self, body, where):
        def replace(match):
            prefix, quote, url = match.groups()
            relative = self.images.relative_path(url, hosts=self.hosts)
            if relative is None or not self.images.is_image(relative):
                return match.group(0)
            try:
                stored = self.images.get(relative)
            except MissingImage as missing:
                self._missing(where, relative, missing)
                return match.group(0)
            return f"{prefix}{quote}{stored.url}{quote}"

        return UPLOAD_LINK.sub(replace, body)

    def _lead_image(self, article, post, record):
        attachment_id = post.thumbnail_id
        where = f"post {post.post_id}"
        if not attachment_id:
            if article.lead_image_id and record and record.lead_attachment_id:
                article.lead_image = None  # the featured image was removed in WordPress
            return None
        attachment = self.site.attachments.get(attachment_id)
        if attachment is None:
            self._missing(where, f"attachment {attachment_id}", MissingImage("not in the export"))
            return None
        relative = attachment.relative_path or self.images.relative_path(
            self._attachment_url(attachment), hosts=self.hosts
        )
        if not relative:
            self._missing(where, attachment.url, MissingImage("not a file of wp-content/uploads"))
            return None
        try:
            stored = self.images.get(relative)
        except MissingImage as missing:
            self._missing(where, relative, missing)
            return None
        alt = plain_line(attachment.alt)
        if not alt:
            alt = plain_line(attachment.title) or article.headline
            self.report.note(where, f"featured image {relative} has no alt text: its title used")
        article.lead_image = self.images.library_image(
            stored,
            title=plain_line(attachment.title) or PurePosixPath(relative).stem,
            alt_text=alt,
            caption=plain_line(attachment.caption),
            credit=plain_line(attachment.credit),
        )
        return attachment_id

    def _count_missing_images(self, post):
        """How many of the images an unchanged post uses are still missing: the article is
        written again only when some turned up (a new --uploads copy, the old site back)."""
        paths = []
        for _prefix, _quote, url in UPLOAD_LINK.findall(post.content):
            relative = self.images.relative_path(url, hosts=self.hosts)
            if relative and self.images.is_image(relative):
                paths.append(relative)
        attachment = self.site.attachments.get(post.thumbnail_id or 0)
        if attachment and attachment.relative_path:
            paths.append(attachment.relative_path)
        missing = 0
        for relative in paths:
            try:
                self.images.get(relative)
            except MissingImage:
                missing += 1
        return missing

    def _missing(self, where, what, missing):
        self.missing_images += 1
        if what not in self.reported_missing:
            self.reported_missing.add(what)
            self.report["images"].skip(f"missing: {missing}", what)
        self.report.note(where, f"image {what} missing ({missing}); the old address is kept")


def _primary_category(article, categories):
    """The article's one label: kept while it stays among its categories, else the first in
    navigation order (what articles.signals does when links are added one by one)."""
    if article.primary_category_id in categories:
        return article.primary_category_id
    if not categories:
        return None
    first = min(categories.values(), key=lambda category: (category.position, category.name))
    return first.pk


def _assume_utc(value):
    return value.replace(tzinfo=UTC) if value else None
