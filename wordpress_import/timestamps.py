"""Imported rows keep the times they had in WordPress.

Comment.created_at and Article.modified_at are set by Django on save (auto_now_add, auto_now),
which would date every imported comment and article to the import. For the length of an
import (a management command, one thread) those fields take the value they are given.
"""

from contextlib import contextmanager


@contextmanager
def given_times(*fields):
    """`fields`: (model, field name) pairs whose automatic times are suspended."""
    saved = []
    for model, name in fields:
        field = model._meta.get_field(name)
        saved.append((field, field.auto_now, field.auto_now_add))
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add
