"""The link-table parts of the related-articles and home-section queries, as SQL.

Both queries read one small index range per tag or category (a UNION ALL of sliced parts) and
count, per article, the links it shares. Written with the ORM, each part is a queryset of its
own: building and compiling the union and the correlated counts took Django about ten times as
long as PostgreSQL took to run them (an article page's related query: about 10 ms of Python
for 1 to 2 ms of database time). Here each part is one line of SQL, and the ORM still writes
the rest of the query: the article columns, the published() condition, the order.

Every fragment reads only the link tables and the article table's own name, so it can be used
as a RawSQL condition or annotation on an Article queryset that is the outermost query: inside
a subquery Django renames the outer table (U0...), and a fragment naming "articles_article"
would then bind to the wrong query. Parts are wrapped in a sub-select
because SQLite refuses ORDER BY and LIMIT directly in a UNION's parts.
"""

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from .models import Article, RelatedLink, TaggedArticle


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _placeholders(values) -> str:
    return ", ".join(["%s"] * len(values))


# (table, the link's article column, its subject column) of each kind of link.
def _tag_links():
    return TaggedArticle._meta.db_table, "content_object_id", "tag_id"


def _category_links():
    return Article.categories.through._meta.db_table, "article_id", "category_id"


def _union_of_recent(links, subject_ids, limit: int, alias: str) -> tuple[list[str], list]:
    table, article_column, subject_column = links
    parts = [
        f"SELECT * FROM (SELECT {_quote(article_column)} AS id FROM {_quote(table)}"
        f" WHERE {_quote(subject_column)} = %s ORDER BY {_quote(article_column)} DESC"
        f" LIMIT {int(limit)}) AS {alias}{number}"
        for number in range(len(subject_ids))
    ]
    return parts, list(subject_ids)


def recently_linked(tag_ids, category_ids, *, per_link: int, chosen_by=None) -> RawSQL | None:
    """The ids of the `per_link` most recently created articles carrying each tag and each
    category (ids grow with creation), and with `chosen_by` (an article's id) the articles its
    editor linked to: a condition for `pk__in`, read backwards from the link tables' (subject,
    article) indexes. None when there is nothing to read."""
    tag_parts, tag_params = _union_of_recent(_tag_links(), tag_ids, per_link, "recent_tag")
    category_parts, category_params = _union_of_recent(
        _category_links(), category_ids, per_link, "recent_category"
    )
    parts, params = tag_parts + category_parts, [*tag_params, *category_params]
    if chosen_by is not None:
        parts.append(
            f"SELECT {_quote('to_article_id')} AS id FROM {_quote(RelatedLink._meta.db_table)}"
            f" WHERE {_quote('from_article_id')} = %s"
        )
        params.append(chosen_by)
    if not parts:
        return None
    return RawSQL(" UNION ALL ".join(parts), params)


def ranked_related(article_id, tag_ids, category_ids, *, per_link: int, count: int) -> list[int]:
    """The ids of the articles to show as related to `article_id`, best first: the editor's
    links in their order, then the published articles met most often in the recent windows
    of its tags and categories (recently_linked), newer first.

    Scored over the candidates alone (a GROUP BY of the windows' union), not with a count per
    candidate of every link it carries: PostgreSQL ran four sub-selects for each of up to
    several hundred candidates, most of an article page's database time. An older article
    past the window of one of its shared subjects counts that subject no more: "most related
    among the recent articles on the same subjects", as before."""
    candidates = recently_linked(tag_ids, category_ids, per_link=per_link, chosen_by=article_id)
    if candidates is None or count <= 0:
        return []
    article = _quote(Article._meta.db_table)
    published, published_params = _published_condition()
    sql = (
        f"SELECT candidate.id FROM ({candidates.sql}) AS candidate"
        f" INNER JOIN {article} ON ({article}.{_quote('id')} = candidate.id)"
        f" LEFT OUTER JOIN {_quote(RelatedLink._meta.db_table)} AS editor"
        f" ON (editor.{_quote('from_article_id')} = %s"
        f" AND editor.{_quote('to_article_id')} = candidate.id)"
        f" WHERE {published} AND candidate.id <> %s"
        f" GROUP BY candidate.id, {article}.{_quote('published_at')},"
        f" editor.{_quote('position')}, editor.{_quote('id')}"
        # The editor's links in their order (RelatedLink.Meta.ordering), then the fill.
        f" ORDER BY editor.{_quote('id')} IS NULL, editor.{_quote('position')},"
        f" editor.{_quote('id')}, COUNT(*) DESC, {article}.{_quote('published_at')} DESC,"
        f" candidate.id DESC LIMIT {int(count)}"
    )
    params = [*candidates.params, article_id, *published_params, article_id]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def _published_condition(also: Q | None = None) -> tuple[str, list]:
    """Article.objects.published_q() (and `also`) as SQL over the article table's own name:
    the one rule, compiled by the ORM, for the sub-selects below."""
    condition = Article.objects.published_q()
    query = Article.objects.filter(condition & also if also is not None else condition).query
    sql, params = query.where.as_sql(query.get_compiler(connection=connection), connection)
    return sql, list(params)


def newest_and_pinned(count: int) -> RawSQL:
    """The ids of the `count` newest published articles and of the newest pinned one (the home
    page's lead and the stories after it): a condition for `pk__in`, two short index ranges
    (the publication-time index, the pinned stories' partial index). Written as a UNION: as
    two `pk__in` conditions joined by OR, PostgreSQL read the whole publication-time index to
    test each row against both (50 ms at 100,000 articles)."""
    table = _quote(Article._meta.db_table)
    newest_first = f"ORDER BY {table}.{_quote('published_at')} DESC, {table}.{_quote('id')} DESC"
    published, params = _published_condition()
    pinned, pinned_params = _published_condition(Q(is_lead=True))
    return RawSQL(
        f"SELECT * FROM (SELECT {table}.{_quote('id')} FROM {table} WHERE {published}"
        f" {newest_first} LIMIT {int(count)}) AS newest"
        f" UNION SELECT * FROM (SELECT {table}.{_quote('id')} FROM {table} WHERE {pinned}"
        f" {newest_first} LIMIT 1) AS pinned",
        [*params, *pinned_params],
    )


def newest_in_categories(category_ids, *, leaving_out, per_category: int) -> RawSQL | None:
    """The ids of each category's `per_category` newest published articles, not among
    `leaving_out`: a condition for `pk__in`, one small range of the publication-time order per
    category. None without any category."""
    if not category_ids:
        return None
    table, article_column, subject_column = _category_links()
    article_id = f"{_quote(Article._meta.db_table)}.{_quote('id')}"
    published_at = f"{_quote(Article._meta.db_table)}.{_quote('published_at')}"
    link = _quote(table)
    published, published_params = _published_condition()
    leaving_out = list(leaving_out)
    not_shown = f" AND NOT ({article_id} IN ({_placeholders(leaving_out)}))" if leaving_out else ""
    parts, params = [], []
    for number, category_id in enumerate(category_ids):
        parts.append(
            f"SELECT * FROM (SELECT {article_id} FROM {_quote(Article._meta.db_table)}"
            f" INNER JOIN {link} ON ({article_id} = {link}.{_quote(article_column)})"
            f" WHERE {link}.{_quote(subject_column)} = %s AND {published}{not_shown}"
            f" ORDER BY {published_at} DESC, {article_id} DESC"
            f" LIMIT {int(per_category)}) AS newest{number}"
        )
        params.extend([category_id, *published_params, *leaving_out])
    return RawSQL(" UNION ALL ".join(parts), params)
