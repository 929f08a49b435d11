"""Editors set breaking-news banners (added to the workflow's Editors role, never taken away)."""

from articles.roles import ensure_groups

ROLES = {
    "Editors": [
        "breaking.add_breakingnews",
        "breaking.change_breakingnews",
        "breaking.delete_breakingnews",
        "breaking.view_breakingnews",
    ]
}


def sync_roles(**_signal_kwargs):
    ensure_groups(ROLES)
