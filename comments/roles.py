"""Moderators: the comment queue and the block list, nothing else. Editors moderate too (the
desk's editors answer for what appears under their articles): the same permissions are added to
their group, which the workflow app declares with everything else they may do."""

from articles.roles import ensure_groups

MODERATORS = "Moderators"
EDITORS = "Editors"
MODERATION = [
    "comments.view_comment",
    "comments.change_comment",
    "comments.delete_comment",
    "comments.view_blockedterm",
    "comments.add_blockedterm",
    "comments.change_blockedterm",
    "comments.delete_blockedterm",
]

ROLES = {MODERATORS: MODERATION, EDITORS: MODERATION}


def sync_roles(**_signal_kwargs):
    ensure_groups(ROLES)
