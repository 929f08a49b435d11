import pytest
from django.contrib.auth.models import Group

from articles.models import Article
from tests.factories import make_article, make_category

from .roles import ensure_roles

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def roles(db):
    ensure_roles()


def _member(django_user_model, username, group):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def writer(django_user_model):
    return _member(django_user_model, "wendy", "Writers")


@pytest.fixture
def other_writer(django_user_model):
    return _member(django_user_model, "oscar", "Writers")


@pytest.fixture
def desk_editor(django_user_model):
    """An editor through the Editors group (not a superuser): the role, not a bypass."""
    return _member(django_user_model, "edith", "Editors")


@pytest.fixture
def writer_client(client, writer):
    client.force_login(writer)
    return client


@pytest.fixture
def desk_editor_client(client, desk_editor):
    client.force_login(desk_editor)
    return client


@pytest.fixture
def category():
    return make_category(name="Partnerships", slug="partnerships")


@pytest.fixture
def writers_draft(writer, category):
    return make_article(
        headline="Writer's draft on naval drills",
        status=Article.Status.DRAFT,
        published_at=None,
        author=writer,
        categories=[category],
    )
