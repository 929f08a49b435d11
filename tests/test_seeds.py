import html
import re
import tomllib

import pytest
from django.core.management import call_command

from articles.models import Article, Category, RelatedLink, Source

pytestmark = pytest.mark.django_db


def visible_text(page: str) -> str:
    """The page as a reader reads it: tags dropped, entities decoded, white space folded."""
    without_head = page.split("</head>", 1)[1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", without_head)).split())


def snapshot():
    """Everything load_seeds writes, including modification times."""
    return {
        "categories": list(Category.objects.values()),
        "sources": list(Source.objects.values()),
        "articles": list(Article.objects.order_by("slug").values()),
        "categories_of": sorted(
            Article.categories.through.objects.values_list("article_id", "category_id")
        ),
        "tags_of": sorted(
            (article.slug, sorted(article.tags.names())) for article in Article.objects.all()
        ),
        "related": list(RelatedLink.objects.order_by("id").values()),
    }


def test_loading_seeds_twice_leaves_the_same_database(seeded):
    first = snapshot()
    assert len(first["articles"]) >= 5
    call_command("load_seeds", verbosity=0)
    assert snapshot() == first


def test_every_element_of_the_seed_article_is_on_its_page(client, seed_article, seed_dir):
    with (seed_dir / "articles" / "001-japan-eu-defense-pact.toml").open("rb") as handle:
        seed = tomllib.load(handle)
    response = client.get(seed_article.get_absolute_url())
    assert response.status_code == 200
    text = visible_text(response.content.decode())

    # The three category labels at the top, each a link to its category page.
    for name, slug in [
        ("Conflicts - Tensions", "conflicts-tensions"),
        ("Northeast Asia", "northeast-asia"),
        ("Partnerships", "partnerships"),
    ]:
        assert f'<a href="/category/{slug}/">{name}</a>' in response.content.decode()
    assert "Japan, EU sign defense pact spurred by threats from the PRC, Russia" in text
    assert "Source: Voice of America" in text
    for paragraph in seed["body"]:
        assert " ".join(paragraph.split()) in text
    # The page chrome from the reference page, rendered by our templates.
    assert "Related Articles" in text
    assert "Back to top" in text
    for tag in seed["tags"]:
        assert tag in text


def test_seed_article_has_related_articles_and_categories_have_several(seed_article):
    assert seed_article.related_links.count() >= 2
    assert Category.objects.get(slug="northeast-asia").articles.count() >= 3


def test_seed_files_reference_only_what_they_define(seed_dir):
    with (seed_dir / "categories.toml").open("rb") as handle:
        category_slugs = {entry["slug"] for entry in tomllib.load(handle)["category"]}
    with (seed_dir / "sources.toml").open("rb") as handle:
        source_names = {entry["name"] for entry in tomllib.load(handle)["source"]}
    with (seed_dir / "authors.toml").open("rb") as handle:
        author_slugs = {entry["slug"] for entry in tomllib.load(handle)["author"]}
    articles = []
    for path in sorted((seed_dir / "articles").glob("*.toml")):
        with path.open("rb") as handle:
            articles.append(tomllib.load(handle))
    slugs = {article["slug"] for article in articles}
    assert len(slugs) == len(articles)
    for article in articles:
        assert set(article["categories"]) <= category_slugs
        # Staff stories credit their author; wire copy its source.
        assert article.get("source") in source_names or article.get("author") in author_slugs
        assert article.get("primary_category", article["categories"][0]) in article["categories"]
        assert set(article.get("related", [])) <= slugs - {article["slug"]}
    for name in ("corrections", "comments", "readership"):
        with (seed_dir / f"{name}.toml").open("rb") as handle:
            for entries in tomllib.load(handle).values():
                assert {entry["article"] for entry in entries} <= slugs


def test_seeds_fill_every_category_with_authors_corrections_and_comments(seeded, client):
    from articles.models import Article, AuthorProfile, Category
    from workflow.models import ArticleNote

    assert Article.objects.published().count() >= 30
    for category in Category.objects.all():
        assert category.articles.exists(), category
    assert AuthorProfile.objects.count() == 3
    assert all(author.articles.exists() for author in AuthorProfile.objects.all())
    assert ArticleNote.objects.count() >= 3
    page = client.get("/").content.decode()
    assert "Most read" in page
    assert "Aiko Mori" in page
    assert client.get("/corrections/").content.decode().count('class="corrections__item"') >= 3
