"""Fast row loading for the archive generator: PostgreSQL's COPY (psycopg 3's `cursor.copy()`),
Django's bulk_create elsewhere (SQLite, in tests).

Rows are plain tuples of the columns named; every other concrete column gets the field's
default, so a model that grows a field with a default needs no change here. Dates are written
as given: a COPY bypasses auto_now, and bulk_create is told to (dates_as_given).
"""

import contextlib
from collections.abc import Iterable, Iterator
from typing import Any

from django.core.management.color import no_style
from django.db import connection, models

BULK_BATCH = 5000


@contextlib.contextmanager
def dates_as_given(*model_classes):
    """Let bulk inserts keep the dates we give: auto_now fields would stamp them all "now"."""
    fields = [
        field
        for model in model_classes
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    saved = [(field, field.auto_now, field.auto_now_add) for field in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def write_rows(model: type[models.Model], columns: list[str], rows: Iterable[tuple]) -> int:
    """Insert `rows` (tuples of the attribute names in `columns`) into `model`'s table.

    The primary key may be among the columns (then reset_sequences() afterwards) or left to
    the database."""
    fields = {field.attname: field for field in model._meta.concrete_fields}
    defaults = {
        name: field.get_default()
        for name, field in fields.items()
        if name not in columns and not field.primary_key
    }
    if connection.vendor == "postgresql":
        return _copy(model, columns, defaults, rows)
    return _bulk_create(model, columns, defaults, rows)


def _copy(model, columns, defaults, rows) -> int:
    names = [*columns, *defaults]
    constant = tuple(defaults.values())
    quote = connection.ops.quote_name
    statement = (
        f"COPY {quote(model._meta.db_table)} ({', '.join(quote(model._meta.get_field(name).column) for name in names)}) "
        "FROM STDIN"
    )
    written = 0
    with connection.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row + constant)
            written += 1
    return written


def _bulk_create(model, columns, defaults, rows) -> int:
    written = 0
    with dates_as_given(model):
        for batch in _batches(rows, BULK_BATCH):
            model._default_manager.bulk_create(
                [model(**defaults, **dict(zip(columns, row, strict=True))) for row in batch]
            )
            written += len(batch)
    return written


def _batches(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def next_id(model: type[models.Model]) -> int:
    """The first primary key free for rows written with explicit ids."""
    return (model._default_manager.aggregate(last=models.Max("pk"))["last"] or 0) + 1


def reset_sequences(*model_classes) -> None:
    """After explicit ids: the next row the site inserts gets the id after the largest."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(model_classes))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


@contextlib.contextmanager
def index_dropped(model: type[models.Model], name: str):
    """Drop one of the model's declared indexes for a bulk change, and build it again after:
    building a GIN index once is far cheaper than updating it row by row. PostgreSQL, inside
    a transaction."""
    index = next(index for index in model._meta.indexes if index.name == name)
    with connection.cursor() as cursor:
        # PostgreSQL alters no table with foreign-key checks still pending: run them now.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
    with connection.schema_editor(atomic=False) as editor:
        editor.remove_index(model, index)
    try:
        yield
    finally:
        with connection.schema_editor(atomic=False) as editor:
            editor.add_index(model, index)
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
