from django.db import migrations


class Migration(migrations.Migration):
    """The lead image's own columns, now in the image library (0011 moved them)."""

    dependencies = [("articles", "0011_lead_image_library")]

    operations = [
        migrations.RemoveField(model_name="article", name="lead_image_file"),
        migrations.RemoveField(model_name="article", name="lead_image_width"),
        migrations.RemoveField(model_name="article", name="lead_image_height"),
        migrations.RemoveField(model_name="article", name="lead_image_alt"),
        migrations.RemoveField(model_name="article", name="lead_image_caption"),
        migrations.RemoveField(model_name="article", name="lead_image_credit"),
    ]
