"""An article's categories and tags, read together for its page.

The page shows them in several places (the tag list, meta tags, JSON-LD) and related articles
are scored from them. Read through the ORM they were two queries, each costing Django more to
build than PostgreSQL to run; here they are one UNION ALL of the two link tables, written as
SQL, and come back as Category and Tag instances (their other columns deferred).
"""

from typing import Any, NamedTuple

from django.db import connection

# Read from the row; anything else a label is asked for is loaded on access (deferred).
CATEGORY_COLUMNS = ("id", "name", "slug", "kind", "position")
TAG_COLUMNS = ("id", "name", "slug")


class Labels(NamedTuple):
    categories: list[Any]  # Category
    tags: list[Any]  # taggit's Tag


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def labels_of(article) -> Labels:
    """The article's categories in their navigation order (Category.Meta.ordering: position,
    then name) and its tags in the order they were given, in one query. (The models come from
    the article's relations: models.py calls this.)"""
    fields = type(article)._meta
    Category = fields.get_field("categories").related_model
    Tag = fields.get_field("tags").related_model
    category_links = _quote(fields.get_field("categories").remote_field.through._meta.db_table)
    tag_links = _quote(fields.get_field("tags").remote_field.through._meta.db_table)
    category, tag = _quote(Category._meta.db_table), _quote(Tag._meta.db_table)
    category_columns = ", ".join(f"{category}.{_quote(c)}" for c in CATEGORY_COLUMNS)
    sql = (
        f"SELECT 0, {category_columns}, NULL FROM {category}"
        f" INNER JOIN {category_links} ON ({category}.{_quote('id')}"
        f" = {category_links}.{_quote('category_id')})"
        f" WHERE {category_links}.{_quote('article_id')} = %s"
        " UNION ALL"
        f" SELECT 1, {tag}.{_quote('id')}, {tag}.{_quote('name')}, {tag}.{_quote('slug')},"
        f" NULL, NULL, {tag_links}.{_quote('id')} FROM {tag}"
        f" INNER JOIN {tag_links} ON ({tag}.{_quote('id')} = {tag_links}.{_quote('tag_id')})"
        f" WHERE {tag_links}.{_quote('content_object_id')} = %s"
        # Categories first, by position then name (their link column is NULL); tags by link.
        " ORDER BY 1, 6, 7, 3"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [article.pk, article.pk])
        rows = cursor.fetchall()
    categories = [
        Category.from_db(connection.alias, CATEGORY_COLUMNS, row[1:6])
        for row in rows
        if row[0] == 0
    ]
    tags = [Tag.from_db(connection.alias, TAG_COLUMNS, row[1:4]) for row in rows if row[0] == 1]
    return Labels(categories, tags)
