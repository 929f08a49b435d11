"""The searchable document of an article: one definition, used by the stored column
(Article.search_vector, kept current on save), its GIN index and the search queries.

Weights: headline A, standfirst B, body C; the text search configuration is SEARCH_CONFIG.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import models

SEARCH_CONFIG = "english"
TEXT_FIELDS = ("headline", "standfirst", "body")


def weighted_vector(headline, standfirst, body):
    """The weighted vector of three expressions: field names, or Value()s of unsaved text."""
    return (
        SearchVector(headline, weight="A", config=SEARCH_CONFIG)
        + SearchVector(standfirst, weight="B", config=SEARCH_CONFIG)
        + SearchVector(body, weight="C", config=SEARCH_CONFIG)
    )


class PortableGinIndex(GinIndex):
    """A GIN index on PostgreSQL. SQLite has no GIN: there it is a plain index on the same
    (always empty) column, so the one model and its migrations run on both databases."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return models.Index.create_sql(self, model, schema_editor, using=using, **kwargs)
        return super().create_sql(model, schema_editor, using=using, **kwargs)
