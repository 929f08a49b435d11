"""Finding images: the chooser's and the admin's search, and its index."""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models.functions import Concat, Upper

# What an editor's search looks in: what they typed when uploading, as one upper-cased text.
SEARCH_FIELDS = ("title", "alt_text", "caption", "credit")


def search_text():
    parts: list = []
    for name in SEARCH_FIELDS:
        parts += [name, models.Value(" ")]
    return Upper(Concat(*parts[:-1], output_field=models.TextField()))


class ImageQuerySet(models.QuerySet):
    def search(self, text: str):
        """Images whose title, alt text, caption or credit contain every word of `text`,
        case-insensitively ("coast guard" finds "Coast Guard cutter"): one LIKE per word on
        the indexed expression (TrigramSearchIndex)."""
        found = self.alias(search_text=search_text())
        for word in text.split()[:8]:
            found = found.filter(search_text__contains=word.upper())
        return found

    def with_renditions(self):
        """With their Rendition rows, for what makes or counts them (make_renditions); readers'
        pages read each image's copy (rendition_list) instead."""
        return self.prefetch_related("renditions")


class TrigramSearchIndex(GinIndex):
    """A trigram GIN index on search_text() on PostgreSQL, which answers LIKE '%word%' without
    reading the table (one expression: a multi-column GIN costs the planner one lookup per
    column, more than a scan of a small table). SQLite has no GIN: a plain index on the same
    expression there, so one model runs on both."""

    def __init__(self, *, name):
        super().__init__(OpClass(search_text(), name="gin_trgm_ops"), name=name)

    def deconstruct(self):
        path, _args, kwargs = super().deconstruct()
        return path, (), {"name": self.name}

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            plain = models.Index(search_text(), name=self.name)
            return plain.create_sql(model, schema_editor, using=using, **kwargs)
        return super().create_sql(model, schema_editor, using=using, **kwargs)
