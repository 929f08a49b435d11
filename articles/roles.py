"""Staff roles as groups whose permissions are declared in code, by the app that owns them.

Each app declares its roles (workflow: Writers and Editors; comments: Moderators) and syncs
them after every migrate, including the flush between transactional tests, so the groups always
exist with at least the declared permissions. Permissions an administrator adds by hand stay;
none is taken away.
"""

from django.contrib.auth.models import Group, Permission


def ensure_groups(roles: dict[str, list[str]]) -> None:
    """`roles` maps a group name to dotted permission names ("app_label.codename")."""
    for name, dotted_names in roles.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = [dotted.split(".", 1) for dotted in dotted_names]
        permissions = [
            permission
            for permission in Permission.objects.filter(
                content_type__app_label__in={app for app, _ in wanted},
                codename__in={codename for _, codename in wanted},
            ).select_related("content_type")
            if [permission.content_type.app_label, permission.codename] in wanted
        ]
        missing = set(dotted_names) - {
            f"{p.content_type.app_label}.{p.codename}" for p in permissions
        }
        if missing:
            raise LookupError(f"Role {name!r} names unknown permissions: {sorted(missing)}")
        group.permissions.add(*permissions)
