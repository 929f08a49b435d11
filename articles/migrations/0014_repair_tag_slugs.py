"""Tags stored before the slug policy (0010) with a slug no address can carry.

taggit's own slugify is ASCII: "!!!", "★" or "防衛省" were stored with an empty slug (or one
that later failed the policy), and every article carrying such a tag answered 500 where its
page links the tag. The pre_save hook (articles/slugs.py) fixes a tag only when it is saved
again; this repairs the existing ones once, by the same policy, keeping slugs unique.
"""

from django.core.exceptions import ValidationError
from django.db import migrations

from articles.slugs import slug_for_name, validate_slug


def is_valid(slug):
    try:
        validate_slug(slug or "")
    except ValidationError:
        return False
    return True


def unique_slug(base, taken, max_length):
    slug, number = base, 2
    while slug in taken:
        suffix = f"-{number}"
        slug, number = f"{base[: max_length - len(suffix)]}{suffix}", number + 1
    return slug


def repair_tag_slugs(apps, schema_editor):
    Tag = apps.get_model("taggit", "Tag")
    max_length = Tag._meta.get_field("slug").max_length
    rows = list(Tag.objects.order_by("pk").values_list("pk", "name", "slug"))
    taken = {slug for _, _, slug in rows if is_valid(slug)}
    for pk, name, slug in rows:
        if is_valid(slug):
            continue
        base = slug_for_name(name, max_length=max_length, prefix="tag")
        new = unique_slug(base, taken, max_length)
        taken.add(new)
        # An update, not save(): the historical model runs no pre_save hook anyway.
        Tag.objects.filter(pk=pk).update(slug=new)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0013_edit_version"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        # Backwards: nothing to undo, the repaired slugs are valid under the old schema too.
        migrations.RunPython(repair_tag_slugs, migrations.RunPython.noop, elidable=True),
    ]
