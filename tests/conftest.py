from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.sites.models import Site
from django.core.cache import caches
from django.core.management import call_command

from articles.models import Article

SEED_SLUG = "japan-eu-sign-defense-pact-spurred-by-threats-from-the-prc-russia"


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
    return django_user_model.objects.create_superuser(
        username="editor", email="editor@example.org", password="correct horse battery"
    )


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
