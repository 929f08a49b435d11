import pytest
from django.urls import resolve, reverse

from comments import views


@pytest.mark.parametrize(
    ("name", "kwargs", "path", "view"),
    [
        ("comments:post", {"slug": "a-story"}, "/news/a-story/comment/", views.post),
        ("comments:token", {}, "/comments/token/", views.token),
    ],
)
def test_comment_urls(name, kwargs, path, view):
    assert reverse(name, kwargs=kwargs) == path
    assert resolve(path).func == view


def test_the_comment_url_sits_under_the_article_url_so_the_pending_cookie_reaches_it():
    article_url = reverse("articles:detail", kwargs={"slug": "a-story"})
    assert reverse("comments:post", kwargs={"slug": "a-story"}).startswith(article_url)
