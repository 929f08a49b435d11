"""The comment policy, declared in one place (after django-contrib-comments' CommentModerator).

Thresholds come from settings.NEWSDESK_COMMENTS and are read when used, so a deployment (or a
test) changes them without touching code.
"""

import ipaddress
import re
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from .folding import email_blocked, fold

LINK = re.compile(r"(?:https?://|www\.)", re.IGNORECASE)


class CommentPolicy:
    # The article field that opens or closes comments, and the one auto-closing counts from.
    enable_field = "comments_open"
    auto_close_field = "published_at"
    # Cache keys of the flood limit and of the token endpoint's rate limit.
    flood_key = "comments:flood:{ip}"
    token_key = "comments:token:{ip}"

    def __init__(self, config=None):
        self.config = config if config is not None else settings.NEWSDESK_COMMENTS

    def __getattr__(self, name):
        # policy.max_links, policy.flood_limit ... read the setting of the same name.
        try:
            return self.config[name.upper()]
        except KeyError:
            raise AttributeError(name) from None

    # Open or closed
    def closes_at(self, article):
        published = getattr(article, self.auto_close_field)
        if not self.close_after_days or published is None:
            return None
        return published + timedelta(days=self.close_after_days)

    def comments_open(self, article, *, at=None):
        if not getattr(article, self.enable_field) or not article.is_published(at=at):
            return False
        closes_at = self.closes_at(article)
        return closes_at is None or (at or timezone.now()) < closes_at

    # Replies
    def can_reply_to(self, comment):
        return comment.status == comment.Status.APPROVED and self.replies_allowed_at(comment.depth)

    def replies_allowed_at(self, depth):
        """Whether an approved comment at this depth (1: a comment) may take replies."""
        return depth < self.max_depth

    # Spam suspicion: reasons to hold a comment as a suspect; empty means none.
    def spam_reasons(self, *, name, email, body, ip_address, blocked_terms):
        reasons = []
        links = len(LINK.findall(body)) + len(LINK.findall(name))
        if links > self.max_links:
            reasons.append(f"{links} links (limit {self.max_links})")
        # Folded (folding.py): a zero-width space, full-width or Cyrillic letters do not hide a word.
        text = fold(f"{name}\n{body}")
        for term in blocked_terms:
            value = fold(term.value)
            if term.kind == term.Kind.WORD and value:
                if re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text):
                    reasons.append(f"blocked word: {term.value}")
            elif term.kind == term.Kind.EMAIL and value:
                if email_blocked(email, term.value):
                    reasons.append("blocked email")
            elif term.kind == term.Kind.IP and ip_address and _in_network(ip_address, value):
                reasons.append("blocked IP address")
        return reasons

    # Floods
    def register_post(self, ip_address):
        """Count a post from this address; False once it is over the flood limit."""
        return self._count(self.flood_key, ip_address, self.flood_limit)

    def register_token_request(self, ip_address):
        """Count a token request from this address; False once over TOKEN_LIMIT per window."""
        return self._count(self.token_key, ip_address, self.token_limit)

    def _count(self, key_pattern, ip_address, limit):
        key = key_pattern.format(ip=ip_address or "unknown")
        cache.add(key, 0, timeout=self.flood_window_seconds)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=self.flood_window_seconds)
            count = 1
        return count <= limit


def _in_network(address, network):
    try:
        return ipaddress.ip_address(address) in ipaddress.ip_network(network, strict=False)
    except ValueError:
        return False


def client_ip(request, *, policy=None):
    """The commenter's address: REMOTE_ADDR, or X-Forwarded-For behind trusted proxies."""
    proxies = (policy or CommentPolicy()).trusted_proxy_count
    candidate = request.META.get("REMOTE_ADDR", "")
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return None
