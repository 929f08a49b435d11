"""Each form timestamp posts one comment: a replayed timestamp is refused, and the same form
submitted twice (a double click, a retried request) stores one comment and shows it.

The claim is a cache add(), atomic in Redis and in local memory, taken before the comment is
stored: of two simultaneous submissions only one goes on. Production's cache is shared by every
worker (safeguards.E001), so the claim holds across processes.
"""

import hashlib

from django.core.cache import cache

CLAIMED = "claimed"


def _key(timestamp):
    return "comments:form-used:" + hashlib.sha256(timestamp.encode()).hexdigest()[:40]


def claim(timestamp, *, policy):
    """True the first time this timestamp is presented with a valid comment."""
    return cache.add(_key(timestamp), CLAIMED, timeout=policy.max_form_age_seconds + 120)


def record(timestamp, comment, *, policy):
    cache.set(_key(timestamp), comment.pk, timeout=policy.max_form_age_seconds + 120)


def release(timestamp):
    """The comment could not be stored (a database outage): the reader may post it again."""
    cache.delete(_key(timestamp))


def claimed_by(timestamp):
    """The comment id that used this timestamp, CLAIMED while it is being stored, or None."""
    return cache.get(_key(timestamp))
