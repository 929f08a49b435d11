"""Comments come a page of threads at a time: replies stay with their parent, a link to a
comment lands on its page, and a very long discussion serves pages of a normal size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from comments.models import Comment

from .conftest import make_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_per_page(settings):
    settings.NEWSDESK_COMMENTS = {**settings.NEWSDESK_COMMENTS, "THREADS_PER_PAGE": 3}


def comment_names(html):
    return [part.split("</span>", 1)[0] for part in html.split('class="comment__author">')[1:]]


# The article's stored count picks how the comments are read (comments/threads.py): all in full
# when it says they fit on two pages, else their outline and then the page's. Right, stale (0: the
# comments made here are not counted) or far too high, the pages are the same.
@pytest.mark.parametrize("stored_count", [10, 0, 100_000])
def test_a_page_holds_its_threads_with_every_reply(client, article, three_per_page, stored_count):
    roots = [make_comment(article, name=f"Root{n}") for n in range(7)]
    reply = make_comment(article, parent=roots[3], name="ReplyToRoot3")
    make_comment(article, parent=reply, name="DeepReply")
    make_comment(article, parent=roots[0], name="ReplyToRoot0")
    Article.objects.filter(pk=article.pk).update(comment_count=stored_count)
    url = article.get_absolute_url()

    first = client.get(url).content.decode()
    assert comment_names(first) == ["Root0", "ReplyToRoot0", "Root1", "Root2"]
    assert "10 comments" in first
    assert "Comments page 1 of 3" in first
    assert 'href="?comments=2#comments"' in first

    second = client.get(url, {"comments": "2"}).content.decode()
    assert comment_names(second) == ["Root3", "ReplyToRoot3", "DeepReply", "Root4", "Root5"]
    assert f'href="{url}#comments"' in second  # back to the first page: the plain address

    third = client.get(url, {"comments": "3"}).content.decode()
    assert comment_names(third) == ["Root6"]
    assert "Later comments" not in third


@pytest.mark.parametrize(
    ("stored_count", "comment_queries"), [(3, 1), (240, 1), (241, 2), (500, 2)]
)
def test_a_few_comments_are_read_in_one_query(client, article, stored_count, comment_queries):
    root = make_comment(article)
    make_comment(article, parent=root)
    make_comment(article)
    Article.objects.filter(pk=article.pk).update(comment_count=stored_count)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(article.get_absolute_url()).content.decode()
    assert "3 comments" in html
    # All three in full, or (past two pages' worth by the stored count) the outline, then the page.
    read = [q["sql"] for q in queries.captured_queries if 'FROM "articles_comment"' in q["sql"]]
    assert len(read) == comment_queries


@pytest.mark.parametrize("raw", ["0", "-4", "abc", "99999999999999999999", "%00", "3.5"])
def test_odd_page_numbers_give_a_page(client, article, three_per_page, raw):
    for n in range(4):
        make_comment(article, name=f"Root{n}")
    response = client.get(article.get_absolute_url(), {"comments": raw})
    assert response.status_code == 200
    assert comment_names(response.content.decode())


def test_a_link_to_a_comment_lands_on_its_page(client, article, three_per_page):
    roots = [make_comment(article, name=f"Root{n}") for n in range(5)]
    reply = make_comment(article, parent=roots[4], name="Late reply")
    assert roots[0].get_absolute_url() == f"{article.get_absolute_url()}#comment-{roots[0].pk}"
    url = reply.get_absolute_url()
    assert url == f"{article.get_absolute_url()}?comments=2#comment-{reply.pk}"
    path, query = url.split("#")[0].split("?")
    html = client.get(path, {"comments": query.split("=")[1]}).content.decode()
    assert f'id="comment-{reply.pk}"' in html


def test_a_long_discussion_serves_pages_of_a_normal_size(client, article, settings):
    settings.NEWSDESK_COMMENTS = {**settings.NEWSDESK_COMMENTS, "THREADS_PER_PAGE": 20}
    Comment.objects.bulk_create(
        Comment(article=article, name=f"R{n}", email="r@example.org", body="Hi.",
                status=Comment.Status.APPROVED)
        for n in range(600)
    )  # fmt: skip
    with CaptureQueriesContext(connection) as queries:
        html = client.get(article.get_absolute_url()).content.decode()
    assert html.count('class="comment"') == 20
    assert "600 comments" in html
    assert "Comments page 1 of 30" in html
    assert len(queries) <= 11  # the article page's budget (test_rendering): no more for 600


def test_a_page_ends_before_a_thread_that_would_make_it_too_long(client, article, settings):
    settings.NEWSDESK_COMMENTS = {
        **settings.NEWSDESK_COMMENTS,
        "THREADS_PER_PAGE": 50,
        "COMMENTS_PER_PAGE": 10,
    }
    first, busy, last = (make_comment(article, name=name) for name in ("First", "Busy", "Last"))
    for n in range(3):
        make_comment(article, parent=first, name=f"FirstReply{n}")
    replies = [make_comment(article, parent=busy, name=f"BusyReply{n}") for n in range(14)]
    make_comment(article, parent=last, name="LastReply")
    url = article.get_absolute_url()

    page_one = client.get(url).content.decode()
    assert comment_names(page_one) == ["First", "FirstReply0", "FirstReply1", "FirstReply2"]
    assert "Comments page 1 of 3" in page_one
    # A thread longer than a page is a page of its own, never cut.
    page_two = client.get(url, {"comments": "2"}).content.decode()
    assert comment_names(page_two) == ["Busy"] + [f"BusyReply{n}" for n in range(14)]
    assert comment_names(client.get(url, {"comments": "3"}).content.decode()) == [
        "Last",
        "LastReply",
    ]
    assert replies[-1].get_absolute_url().startswith(f"{url}?comments=2#")
    assert last.get_absolute_url().startswith(f"{url}?comments=3#")


def test_a_comment_rejected_after_the_outline_was_read_is_not_shown(client, article, monkeypatch):
    # The outline (ids) and the page (rows) are two reads; a moderator may reject a comment
    # between them. Here the outline still lists it: the page leaves it out.
    from comments import threads

    kept = make_comment(article, name="Kept")
    rejected = make_comment(article, name="Rejected", status=Comment.Status.REJECTED)
    Article.objects.filter(pk=article.pk).update(comment_count=100_000)  # outline, then page
    monkeypatch.setattr(
        threads,
        "outline",
        lambda article_id: threads._outline_of([(kept.pk, None), (rejected.pk, None)]),
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert comment_names(html) == ["Kept"]
