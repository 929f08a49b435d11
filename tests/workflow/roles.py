import importlib

from django.apps import apps
from django.contrib.auth.models import Group

ROLES_MIGRATION = importlib.import_module("articles.migrations.0002_workflow")


def ensure_roles():
    """The groups the data migration made, again if a transactional test flushed them."""
    if not Group.objects.filter(name__in=["Writers", "Editors"]).count() == 2:
        ROLES_MIGRATION.create_roles(apps, None)
