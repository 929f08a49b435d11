"""Reader addresses built from a cached pattern are exactly what reverse() gives."""

from django.urls import include, path, reverse, set_script_prefix

from articles.addresses import slug_address, slug_addresses

NAMES = ["articles:detail", "articles:category", "articles:source", "articles:tag"]
SLUGS = ["plain", "with-hyphens--12", "under_score", "оборона", "防衛省", "défense-aérienne"]


def test_same_as_reverse_for_every_slug_page():
    for name in NAMES:
        for slug in SLUGS:
            assert slug_address(name, slug) == reverse(name, kwargs={"slug": slug})


def test_many_at_once_same_as_reverse_and_quoted_once():
    for name in NAMES:
        address = slug_addresses(name)
        for slug in SLUGS:
            assert address(slug) == reverse(name, kwargs={"slug": slug})
    assert (
        slug_address("articles:category", "оборона")
        == "/category/%D0%BE%D0%B1%D0%BE%D1%80%D0%BE%D0%BD%D0%B0/"
    )


def test_follows_the_script_prefix():
    try:
        set_script_prefix("/site/")
        assert slug_address("articles:detail", "x") == "/site/news/x/"
    finally:
        set_script_prefix("/")
    assert slug_address("articles:detail", "x") == "/news/x/"


def test_follows_a_new_url_configuration(settings):
    """The cached patterns are forgotten when ROOT_URLCONF changes (the receiver ArticlesConfig
    connects), so a test or the benchmark serving other URLs gets its own addresses."""
    assert slug_address("articles:detail", "x") == "/news/x/"
    settings.ROOT_URLCONF = type(
        "urls", (), {"urlpatterns": [path("elsewhere/", include("articles.urls"))]}
    )
    assert slug_address("articles:detail", "x") == "/elsewhere/news/x/"
