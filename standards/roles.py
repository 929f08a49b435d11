"""Editors edit the standards pages (flatpages), added to the workflow's Editors role."""

from articles.roles import ensure_groups

ROLES = {
    "Editors": ["flatpages.add_flatpage", "flatpages.change_flatpage", "flatpages.view_flatpage"]
}


def sync_roles(**_signal_kwargs):
    ensure_groups(ROLES)
