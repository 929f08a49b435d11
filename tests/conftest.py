from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.contrib.sites.models import Site
from django.core.cache import caches
from django.core.management import call_command

from articles.models import Article

SEED_SLUG = "japan-eu-sign-defense-pact-spurred-by-threats-from-the-prc-russia"
# Every staff account the tests make signs in with this password (browser tests type it).
PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded images from tests go to a throwaway folder, never the project's media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def site_cache(db):
    """The Sites framework's row, cached as a running process has it after its first request."""
    Site.objects.clear_cache()
    return Site.objects.get_current()


@pytest.fixture
def seed_dir() -> Path:
    return Path(django_settings.BASE_DIR) / "seeds"


@pytest.fixture
def seeded(db):
    call_command("load_seeds", verbosity=0)


@pytest.fixture
def seed_article(seeded) -> Article:
    return Article.objects.get(slug=SEED_SLUG)


@pytest.fixture
def editor(django_user_model):
    """A superuser: for tests about the admin itself rather than about a role."""
    return django_user_model.objects.create_superuser(
        username="editor", email="editor@example.org", password=PASSWORD
    )


# Staff in the roles the migrations create and post_migrate keeps (workflow/roles.py,
# comments/roles.py): the real groups, so the tests check the permissions the desk gets.
def staff_member(django_user_model, username, group):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def writer(django_user_model):
    return staff_member(django_user_model, "wendy", "Writers")


@pytest.fixture
def other_writer(django_user_model):
    return staff_member(django_user_model, "oscar", "Writers")


@pytest.fixture
def desk_editor(django_user_model):
    """An editor through the Editors group (not a superuser): the role, not a bypass."""
    return staff_member(django_user_model, "edith", "Editors")


@pytest.fixture
def moderator(django_user_model):
    return staff_member(django_user_model, "mod", "Moderators")


@pytest.fixture
def writer_client(client, writer):
    client.force_login(writer)
    return client


@pytest.fixture
def desk_editor_client(client, desk_editor):
    client.force_login(desk_editor)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with empty caches: cached fragments never leak from one test to another."""
    for each in caches.all():
        each.clear()
    yield
    for each in caches.all():
        each.clear()
