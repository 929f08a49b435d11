from workflow.roles import sync_roles


def ensure_roles():
    sync_roles()
