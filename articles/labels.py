"""An article's categories and tags, read together for its page.

The page shows them in several places (the tag list, meta tags, JSON-LD) and related articles
are scored from them. Read through the ORM they were two queries, each costing Django more to
build than PostgreSQL to run; here they are one UNION ALL of the two link tables, written as
SQL, and come back as Category and Tag instances (their other columns deferred).
"""

from typing import NamedTuple

from django.db import connection
from taggit.models import Tag

from .models import Article, Category, TaggedArticle

# Read from the row; anything else a label is asked for is loaded on access (deferred).
CATEGORY_COLUMNS = ("id", "name", "slug", "kind", "position")
TAG_COLUMNS = ("id", "name", "slug")


class Labels(NamedTuple):
    categories: list[Category]
    tags: list[Tag]


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def labels_of(article_id) -> Labels:
    """The article's categories in their navigation order (Category.Meta.ordering: position,
    then name) and its tags in the order they were given, in one query."""
    category_links = _quote(Article.categories.through._meta.db_table)
    tag_links = _quote(TaggedArticle._meta.db_table)
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
        cursor.execute(sql, [article_id, article_id])
        rows = cursor.fetchall()
    categories = [
        Category.from_db(connection.alias, CATEGORY_COLUMNS, row[1:6])
        for row in rows
        if row[0] == 0
    ]
    tags = [Tag.from_db(connection.alias, TAG_COLUMNS, row[1:4]) for row in rows if row[0] == 1]
    return Labels(categories, tags)
