"""Finding images: the chooser's and the admin's search, and its index."""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models.functions import Upper

# What an editor's search looks in: what they typed when uploading.
SEARCH_FIELDS = ("title", "alt_text", "caption", "credit")


class ImageQuerySet(models.QuerySet):
    def search(self, text: str):
        """Images whose title, alt text, caption or credit contain every word of `text`,
        case-insensitively ("coast guard" finds "Coast Guard cutter")."""
        for word in text.split()[:8]:
            match = models.Q()
            for name in SEARCH_FIELDS:
                match |= models.Q(**{f"{name}__icontains": word})
            self = self.filter(match)
        return self

    def with_renditions(self):
        return self.prefetch_related("renditions")


class TrigramSearchIndex(GinIndex):
    """A trigram GIN index on the upper-cased search fields on PostgreSQL (Django's icontains
    compares UPPER(column) LIKE UPPER('%word%'), which such an index answers). SQLite has no
    GIN: there a plain index on the same expressions, so one model runs on both."""

    def __init__(self, *, name, fields=SEARCH_FIELDS):
        self.search_fields = tuple(fields)
        super().__init__(*(OpClass(Upper(f), name="gin_trgm_ops") for f in fields), name=name)

    def deconstruct(self):
        path, _args, kwargs = super().deconstruct()
        return path, (), {"name": self.name, "fields": list(self.search_fields)}

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            plain = models.Index(*(Upper(f) for f in self.search_fields), name=self.name)
            return plain.create_sql(model, schema_editor, using=using, **kwargs)
        return super().create_sql(model, schema_editor, using=using, **kwargs)
