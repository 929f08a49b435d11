"""Moderators: the comment queue and the block list, nothing else."""

from articles.roles import ensure_groups

MODERATORS = "Moderators"

ROLES = {
    MODERATORS: [
        "comments.view_comment",
        "comments.change_comment",
        "comments.delete_comment",
        "comments.view_blockedterm",
        "comments.add_blockedterm",
        "comments.change_blockedterm",
        "comments.delete_blockedterm",
    ],
}


def sync_roles(**_signal_kwargs):
    ensure_groups(ROLES)
