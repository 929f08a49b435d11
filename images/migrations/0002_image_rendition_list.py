"""Each image keeps a copy of its renditions (width, height, format, file name) for readers'
pages, filled here from the Rendition rows of the images already in the library.

Written out rather than imported from images/renditions.py, so that this migration keeps
doing what it did when that code changes; the shape is the same as rendition_list() there.
"""

from django.db import migrations, models

BATCH = 1000


def copy_renditions(apps, schema_editor):
    Image = apps.get_model("images", "Image")
    Rendition = apps.get_model("images", "Rendition")
    ids = list(Image.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        copies: dict[int, list] = {}
        rows = Rendition.objects.filter(image_id__in=batch).values_list(
            "image_id", "width", "height", "format", "file"
        )
        for image_id, width, height, fmt, name in sorted(rows, key=lambda r: (r[0], r[3], r[1])):
            copies.setdefault(image_id, []).append([width, height, fmt, name])
        Image.objects.bulk_update(
            [Image(pk=pk, rendition_list=copy) for pk, copy in copies.items()],
            ["rendition_list"],
            batch_size=BATCH,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("images", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="image",
            name="rendition_list",
            field=models.JSONField(blank=True, default=list, db_default=[], editable=False),
        ),
        # Backwards, the column goes: nothing to undo.
        migrations.RunPython(copy_renditions, migrations.RunPython.noop, elidable=True),
    ]
