"""Tags stored with a slug no address can carry (before the slug policy) are repaired once."""

import pytest
from django.urls import reverse
from taggit.models import Tag

from articles.slugs import validate_slug
from tests.factories import make_article
from tests.migrating import latest, migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = ("articles", "0013_edit_version")
REPAIR = ("articles", "0014_repair_tag_slugs")


@pytest.fixture
def back_to_latest():
    """Later tests run on the whole schema: every app at its newest migration again."""
    yield
    migrate(latest())


def test_tags_with_an_empty_or_invalid_slug_get_one_by_the_policy(client, back_to_latest):
    migrate([BEFORE])
    article = make_article(tags=["Japan"])
    # As taggit's ASCII slugify stored them, bypassing today's pre_save hook.
    broken = {"防衛省": "", "!!!": "_", "★": "%%%", "Tokyo bay": "tokyo bay"}
    for name, slug in broken.items():
        tag = Tag.objects.create(name=name)
        Tag.objects.filter(pk=tag.pk).update(slug=slug)
        article.tags.add(tag)
    Tag.objects.filter(name="Japan").update(slug="japan")
    Tag.objects.create(name="Tokyo-bay")  # takes the slug "tokyo-bay" the repair would choose
    migrate([REPAIR])

    slugs = dict(Tag.objects.values_list("name", "slug"))
    for slug in slugs.values():
        validate_slug(slug)
    assert len(set(slugs.values())) == len(slugs)
    assert slugs["防衛省"] == "防衛省" and slugs["!!!"].startswith("tag-")
    assert slugs["Japan"] == "japan" and slugs["Tokyo bay"] == "tokyo-bay-2"
    assert client.get(article.get_absolute_url()).status_code == 200
    for name in broken:
        assert client.get(reverse("articles:tag", args=[slugs[name]])).status_code == 200
