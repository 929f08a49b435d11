"""WordPress comments become comments here, threads kept, never announced to anyone.

Imported comments are marked as already notified, so `notify_moderators` never e-mails about
them, and nothing here calls the posting service (which would). IP addresses and user agents
are kept only for comments younger than the retention period, as purge_comment_metadata would
leave them.
"""

import hashlib
import ipaddress
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import connection
from django.utils import timezone

from comments.counts import recount_comments
from comments.models import Comment

from .body import html_to_text, plain_line
from .models import ImportedComment

CONVERSION_VERSION = "1"
STATUSES = {"1": Comment.Status.APPROVED, "0": Comment.Status.PENDING, "spam": Comment.Status.SPAM}
SKIPPED_STATUSES = {"trash": "in the WordPress trash", "post-trashed": "in the WordPress trash"}
SKIPPED_TYPES = {
    "pingback": "a pingback (not brought over)",
    "trackback": "a trackback (not brought over)",
}
NAME_MAX = 80
APPROVED = Comment.Status.APPROVED


def _fingerprint(comment):
    parts = [
        CONVERSION_VERSION, comment.author, comment.email, comment.ip, comment.user_agent,
        str(comment.date_gmt), comment.content, comment.approved, str(comment.parent_id),
    ]  # fmt: skip
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _link_replies(links):
    """Replies inserted with the comments they answer learn their parents' new IDs: one UPDATE
    whatever the depth of the threads. `links`: (comment pk, parent pk) pairs. Written out
    because bulk_update builds the same statement at several times the cost, in a loop run
    for every post."""
    if not links:
        return
    quote = connection.ops.quote_name
    pk, parent = quote("id"), quote("parent_id")
    cases = " ".join(["WHEN %s THEN %s"] * len(links))
    ids = ", ".join(["%s"] * len(links))
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {quote(Comment._meta.db_table)} SET {parent} = CASE {pk} {cases} END "
            f"WHERE {pk} IN ({ids})",
            [value for link in links for value in link] + [comment for comment, _ in links],
        )


def _ip(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def _email(value):
    try:
        validate_email(value)
    except ValidationError:
        return ""
    return value[:254]


class CommentMapper:
    def __init__(self, *, report):
        self.tally = report["comments"]
        self.report = report
        self.max_depth = max(1, settings.NEWSDESK_COMMENTS["MAX_DEPTH"])
        retention = settings.NEWSDESK_COMMENTS["METADATA_RETENTION_DAYS"]
        self.keep_metadata_after = timezone.now() - timedelta(days=retention)
        self._kept_for: tuple = (None, {}, [])  # (post, kept, skipped) of the last post seen
        self.forget()

    def forget(self):
        self.records = {
            wp_id: (comment_id, print_)
            for wp_id, comment_id, print_ in ImportedComment.objects.values_list(
                "wp_comment_id", "comment_id", "fingerprint"
            )
        }

    def approved_count(self, post):
        """How many approved comments a new article for `post` will have, when all its comments
        are new (so the article is written with its count); else None (counted after)."""
        if any(comment.comment_id in self.records for comment in post.comments):
            return None
        kept = self._kept(post)
        return sum(STATUSES[comment.approved] == APPROVED for comment in kept.values())

    def _kept(self, post):
        """{wp id: comment} of the comments to import, the others reported as skipped: worked out
        once per post (approved_count, then import_for)."""
        if self._kept_for[0] is not post:
            kept, skipped = {}, []
            for comment in post.comments:
                reason = self._skip_reason(comment)
                if reason:
                    skipped.append((reason, comment.comment_id))
                else:
                    kept[comment.comment_id] = comment
            self._kept_for = (post, kept, skipped)
        return self._kept_for[1]

    def import_for(self, article, post, *, counted=False):
        """Writes the post's comments: one insert for the new ones (threads linked by one update
        after it), an update per changed one. `counted`: the article was written with its
        approved-comment count (approved_count), so it is not counted again."""
        kept = self._kept(post)
        for reason, comment_id in self._kept_for[2]:
            self.tally.skip(reason, f"comment {comment_id}")
        by_id = {comment.comment_id: comment for comment in post.comments}
        placed = self._place(kept, by_id)
        now = timezone.now()
        pks: dict[int, int] = {}  # wp id -> Comment pk, of comments already here
        changed = False
        creating: list[tuple[int, int, str, Comment]] = []  # wp id, parent wp id, fingerprint
        relink: list[tuple[Comment, int]] = []  # (comment, parent wp id)
        # Parents before their replies: a reply's parent is either here already or created in
        # the same insert, earlier in the list.
        for wp_id, (parent_wp_id, depth) in sorted(placed.items(), key=lambda item: item[1][1]):
            source = kept[wp_id]
            current = _fingerprint(source)
            known = self.records.get(wp_id)
            if known and known[1] == current:
                pks[wp_id] = known[0]
                self.tally.skip("unchanged since the last import")
                continue
            values = self._values(source, article, pks.get(parent_wp_id), depth)
            changed = True
            if known:
                pks[wp_id] = known[0]
                if parent_wp_id and values["parent_id"] is None:
                    # Now a reply to a comment new in this run: linked after the insert.
                    relink.append((Comment(pk=known[0]), parent_wp_id))
                Comment.objects.filter(pk=known[0]).update(**values)
                ImportedComment.objects.filter(wp_comment_id=wp_id).update(fingerprint=current)
                self.records[wp_id] = (known[0], current)
                self.tally.updated += 1
                continue
            creating.append((wp_id, parent_wp_id, current, Comment(notified_at=now, **values)))
        if creating:
            Comment.objects.bulk_create([comment for *_, comment in creating])
            for wp_id, parent_wp_id, current, comment in creating:
                pks[wp_id] = comment.pk
                self.records[wp_id] = (comment.pk, current)
                if parent_wp_id and comment.parent_id is None:
                    relink.append((comment, parent_wp_id))
            _link_replies([(comment.pk, pks[parent_wp_id]) for comment, parent_wp_id in relink])
            ImportedComment.objects.bulk_create(
                ImportedComment(comment=comment, wp_comment_id=wp_id, fingerprint=current)
                for wp_id, _parent, current, comment in creating
            )
            self.tally.created += len(creating)
        if changed and not counted:
            # Bulk writes send no signal: the article's approved-comment count is redone here.
            recount_comments([article.pk])

    def _skip_reason(self, comment):
        if not comment.comment_id:
            return "no comment ID"
        if comment.type in SKIPPED_TYPES:
            return SKIPPED_TYPES[comment.type]
        if comment.approved in SKIPPED_STATUSES:
            return SKIPPED_STATUSES[comment.approved]
        if comment.approved not in STATUSES:
            return f"unknown status “{comment.approved}”"
        if not html_to_text(comment.content):
            return "empty"
        return None

    def _place(self, kept, by_id):
        """wp id -> (parent wp id or 0, depth): the nearest kept ancestor is the parent, and a
        reply deeper than the site allows hangs from the deepest level allowed."""
        chains = {}
        for wp_id in kept:
            chain: list[int] = []
            seen, parent = {wp_id}, by_id[wp_id].parent_id
            while parent and parent in by_id and parent not in seen:
                seen.add(parent)
                if parent in kept:
                    chain.insert(0, parent)
                parent = by_id[parent].parent_id
            chains[wp_id] = chain  # ancestors, root first
        placed = {}
        for wp_id, chain in chains.items():
            depth = min(len(chain) + 1, self.max_depth)
            parent = chain[depth - 2] if depth > 1 else 0
            placed[wp_id] = (parent, depth)
        return placed

    def _values(self, source, article, parent_pk, depth):
        created = source.date_gmt or timezone.now()
        recent = created >= self.keep_metadata_after
        return {
            "article_id": article.pk,
            "parent_id": parent_pk,
            "depth": depth,
            "name": (plain_line(source.author) or "Anonymous")[:NAME_MAX],
            "email": _email(source.email),
            "body": html_to_text(source.content, keep_links=True),
            "status": STATUSES[source.approved],
            "ip_address": _ip(source.ip) if recent else None,
            "user_agent": source.user_agent[:300] if recent else "",
            "created_at": created,
        }
