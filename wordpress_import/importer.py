"""The import, start to end: two streaming passes over the export, one transaction per post.

A post, its article, its terms' links, its addresses and its comments are written together or
not at all, and committed on their own (--batch-size groups commits): a post that fails is
reported and the import goes on, and a run that stops halfway (a crash, Ctrl-C) leaves whole
articles only, which running it again completes.

What saves of single articles and comments do through signals (outdating cached pages and
editors' lists, the next scheduled publication) is done once, at the end, and so is the stored
search vector of new articles (one UPDATE); the comment count is written with each article
(articles.querysets.insert_quietly).
"""

import time
from contextlib import contextmanager, nullcontext
from urllib.parse import unquote, urlsplit

from django.db import connection, transaction
from django.urls import reverse
from lxml import etree

from articles import cache_tags, schedule
from articles.models import Article
from comments.models import Comment

from .addresses import SITE_FEEDS, AddressBook
from .images import ImageStore
from .people import AuthorMapper
from .posts import ArticleMapper, skip_reason
from .querysets import normalise_path
from .report import ImportReport
from .terms import TermMapper
from .threads import CommentMapper
from .timestamps import given_times
from .wxr import UnsafeExport, iter_posts, read_site

PROGRESS_SECONDS = 2.0
BATCH_SIZE = 1


def _batches(items, size):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class _DryRunRollback(Exception):
    pass


@contextmanager
def _commits_without_waiting_for_the_disk():
    """On PostgreSQL, the import's commits do not wait for the write-ahead log to reach the disk
    (synchronous_commit off, for this connection and the length of the import): committing each
    post on its own then costs no disk flush. Safe here: a crash of the database server loses
    at most the last few commits (never corrupts anything: each transaction is still whole or
    absent), and running the import again restores exactly those posts, as after a Ctrl-C.
    On SQLite, WAL with synchronous=NORMAL (newsdesk/settings.py) already commits without a
    flush."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")


class WordPressImport:
    def __init__(self, path, *, uploads_dir=None, old_site_url=None, download=True,
                 timeout=10.0, dry_run=False, batch_size=BATCH_SIZE, progress=None):  # fmt: skip
        self.batch_size = max(1, batch_size)
        self.path = str(path)
        self.uploads_dir = uploads_dir
        self.old_site_url = old_site_url
        self.download = download
        self.timeout = timeout
        self.dry_run = dry_run
        self.progress = progress or (lambda message: None)
        self.report = ImportReport(dry_run=dry_run)

    def run(self):
        """Imports and returns the report. Raises wxr.UnsafeExport for a file it must not read;
        an export that turns out broken halfway is reported in report.errors."""
        try:
            site = read_site(self.path)
        except etree.XMLSyntaxError as error:
            # Found by the first pass, which reads the whole file before anything is written.
            raise UnsafeExport(
                f"The export is not valid XML (line {error.lineno}: {error.msg.splitlines()[0]}); "
                "nothing was imported. A file cut short by a download or an upload limit looks "
                "like this."
            ) from error
        self.progress(
            f"WordPress {site.version or '?'} export of {site.base_url or 'an unknown site'}: "
            f"{site.post_count} posts, {len(site.attachments)} attachments"
        )
        try:
            if self.dry_run:
                with transaction.atomic():
                    self._import(site)
                    raise _DryRunRollback
            else:
                self._import(site)
        except _DryRunRollback:
            pass
        except etree.XMLSyntaxError as error:
            self.report.errors.append(
                f"the export stops being valid XML at line {error.lineno}: {error.msg}; "
                "what came before was imported, run again after fixing the file"
            )
        finally:
            if not self.dry_run:
                # New articles are inserted without their stored search vector: all are
                # computed here in one statement, by the database. Any left empty by an
                # interrupted run are filled by the next one.
                if refreshed := Article.objects.filter(
                    search_vector__isnull=True
                ).refresh_search_vectors():
                    self.progress(f"search index: {refreshed} articles")
                # Bulk writes send no signals: cached pages and fragments, the editors' kept
                # counts and the time of the next scheduled publication learn of it here.
                cache_tags.outdate_everything()
                cache_tags.bump(cache_tags.EDITORS_LISTS)
                schedule.next_publication_changed()
        return self.report

    def _import(self, site):
        hosts = {
            urlsplit(url).netloc.lower().removeprefix("www.")
            for url in (site.base_url, site.link, self.old_site_url or "")
            if url
        }
        images = ImageStore(
            uploads_dir=self.uploads_dir,
            old_site_url=self.old_site_url or site.base_url,
            download=self.download,
            timeout=self.timeout,
            dry_run=self.dry_run,
        )
        addresses = self.addresses = AddressBook(report=self.report)
        authors = AuthorMapper(site=site, report=self.report)
        terms = TermMapper(site=site, report=self.report)
        with transaction.atomic():
            authors.import_all()
            terms.import_all()
            self._term_addresses(site, terms, addresses)
            addresses.add(SITE_FEEDS)
        articles = ArticleMapper(
            site=site, report=self.report, authors=authors, terms=terms, images=images,
            addresses=addresses, hosts=hosts,
        )  # fmt: skip
        comments = CommentMapper(report=self.report)
        started = last = time.monotonic()
        done = 0
        times = given_times((Comment, "created_at"), (Article, "modified_at"))
        with times, _commits_without_waiting_for_the_disk():
            for batch in _batches(iter_posts(self.path), self.batch_size):
                # Each post is its own transaction (with --batch-size N, a savepoint inside a
                # transaction of N posts): a broken post is undone alone.
                with transaction.atomic() if self.batch_size > 1 else nullcontext():
                    for post in batch:
                        self._import_post(post, articles, comments, (articles, authors, terms))
                done += len(batch)
                if time.monotonic() - last >= PROGRESS_SECONDS:
                    last = time.monotonic()
                    self.progress(
                        f"{done}/{site.item_count} items, {last - started:.0f}s "
                        f"({done / (last - started):.0f}/s)"
                    )
        self.report["images"].created += images.created
        if images.reused:
            self.report["images"].skip("already imported", count=images.reused)
        self.progress(f"{done} items in {time.monotonic() - started:.1f}s")

    def _import_post(self, post, articles, comments, mappers):
        reason = skip_reason(post)
        if reason:
            self.report["articles"].skip(reason, f"{post.post_type} {post.post_id}")
            self._skip_comments(post, reason)
            return
        new = not articles.knows(post)
        # A new article is written with its approved-comment count, known from the export.
        count = comments.approved_count(post) if new else None
        try:
            with transaction.atomic():
                article = articles.import_post(post, comment_count=count)
                if article is not None:
                    comments.import_for(article, post, counted=new and count is not None)
                else:
                    self._skip_comments(post, "its post was skipped")
        except Exception as error:  # noqa: BLE001 - one broken post never stops the rest
            self.report["articles"].skip("broken (see below)", post.post_id)
            self.report.note(
                f"post {post.post_id} (line {post.line})",
                f"not imported: {type(error).__name__}: {error}",
            )
            for mapper in (*mappers, comments, self.addresses):
                mapper.forget()

    def _skip_comments(self, post, reason):
        if post.comments:
            self.report["comments"].skip(f"post skipped ({reason})", count=len(post.comments))

    def _term_addresses(self, site, terms, addresses):
        rss = "rss"
        for (taxonomy, wp_slug), term in site.terms.items():
            target = terms.get(taxonomy, wp_slug)
            if taxonomy == "category":
                old = normalise_path(f"/category/{terms.old_path(wp_slug)}/")
                wanted = {old: "", f"{old}feed/": rss}
                if term.term_id:
                    wanted[f"?cat={term.term_id}"] = ""
                kind = "category"
            else:
                old = normalise_path(f"/tag/{wp_slug}/")
                wanted = {old: "", f"{old}feed/": rss, f"?tag={wp_slug}": ""}
                kind = "tag"
            # Addresses the new site answers itself need no redirect.
            url = unquote(reverse(f"articles:{kind}", kwargs={"slug": target.slug}))
            live = {url: "", f"{url}feed/": rss}
            addresses.add(
                {old: feed for old, feed in wanted.items() if old not in live}, **{kind: target}
            )
