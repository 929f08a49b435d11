"""Revisions kept before the image library stored an article's lead image as a file path; the
article now points to an image of the library (articles 0011). Each stored revision of an
article is rewritten to name its image (the library's image of that file and words, else one
made for it), so old revisions still compare and restore; the path is kept beside it, and
backwards it comes back."""

import json

from django.db import migrations

BATCH = 500


def _versions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("reversion", "Version")
    article = ContentType.objects.filter(app_label="articles", model="article").first()
    if article is None:
        return Version, Version.objects.none()
    return Version, Version.objects.filter(content_type=article, format="json").order_by("pk")


def _rewrite(apps, change):
    Version, versions = _versions(apps)
    batch = []
    for version in versions.only("pk", "serialized_data").iterator(chunk_size=BATCH):
        data = json.loads(version.serialized_data)
        if any([change(entry.get("fields", {})) for entry in data]):
            version.serialized_data = json.dumps(data)
            batch.append(version)
        if len(batch) >= BATCH:
            Version.objects.bulk_update(batch, ["serialized_data"])
            batch.clear()
    Version.objects.bulk_update(batch, ["serialized_data"])


def name_library_images(apps, schema_editor):
    Image = apps.get_model("images", "Image")
    by_words, by_file = {}, {}
    for image in Image.objects.order_by("pk").iterator(chunk_size=BATCH):
        key = (image.file.name, image.alt_text, image.caption, image.credit)
        by_words.setdefault(key, image.pk)
        by_file.setdefault(image.file.name, image.pk)

    def change(fields):
        path = fields.get("lead_image")
        if "lead_image_file" in fields or not isinstance(path, str):
            return False  # rewritten already, or no lead image field at all
        fields["lead_image_file"] = path
        if not path:
            fields["lead_image"] = None
            return True
        words = tuple(fields.get(f"lead_image_{name}", "") for name in ("alt", "caption", "credit"))
        pk = by_words.get((path, *words)) or by_file.get(path)
        if pk is None:  # a photo the article no longer shows: into the library, to restore
            pk = Image.objects.create(
                file=path,
                title=(fields.get("headline") or path)[:200],
                alt_text=words[0],
                caption=words[1],
                credit=words[2],
                width=fields.get("lead_image_width") or 0,
                height=fields.get("lead_image_height") or 0,
            ).pk
            by_words[(path, *words)] = by_file[path] = pk
        fields["lead_image"] = pk
        return True

    _rewrite(apps, change)


def name_files_again(apps, schema_editor):
    def change(fields):
        if "lead_image_file" not in fields:
            return False
        fields["lead_image"] = fields.pop("lead_image_file")
        return True

    _rewrite(apps, change)


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0002_workflow_steps"),
        ("articles", "0012_remove_old_lead_image_fields"),
        ("images", "0001_initial"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(name_library_images, name_files_again, elidable=False)]
