"""What readers see of comments: escaped text, clickable safe links, counts, nothing private."""

import pytest
from django.test import Client

from comments.models import Comment
from tests.factories import make_article

from .conftest import form_data, make_comment, post_url

pytestmark = pytest.mark.django_db


def test_comment_text_is_escaped_with_line_breaks_and_safe_links(client, article):
    make_comment(
        article,
        name="<b>Bold</b> name",
        body='<script>alert(1)</script>\nSee https://example.org/report?a=1&b=2 "quoted"',
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>See " in html
    assert (
        '<a rel="nofollow ugc noopener" href="https://example.org/report?a=1&amp;b=2">'
        "https://example.org/report?a=1&amp;b=2</a>"
    ) in html
    assert "&quot;quoted&quot;" in html
    assert "&lt;b&gt;Bold&lt;/b&gt; name" in html
    assert "<b>Bold</b>" not in html


def test_commenter_html_links_are_not_made_into_links(client, article):
    make_comment(article, body='<a href="javascript:alert(1)">click</a> javascript:alert(2)')
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'href="javascript' not in html
    assert "&lt;a href=&quot;javascript:alert(1)&quot;&gt;click&lt;/a&gt;" in html


def test_email_ip_and_user_agent_never_appear(client, article):
    client.post(
        post_url(article),
        form_data(email="secret.person@example.org", body="Hello"),
        REMOTE_ADDR="192.0.2.77",
        HTTP_USER_AGENT="SecretBrowser/9.9",
    )
    comment = Comment.objects.get()
    assert comment.ip_address == "192.0.2.77"
    assert comment.user_agent == "SecretBrowser/9.9"
    comment.status = Comment.Status.APPROVED
    comment.save()
    for page in [
        client.get(article.get_absolute_url()),  # the poster's own (private) page
        Client().get(article.get_absolute_url()),
    ]:
        html = page.content.decode()
        assert '<div class="comment__body">Hello</div>' in html
        for secret in ["secret.person", "192.0.2.77", "SecretBrowser"]:
            assert secret not in html


def test_error_messages_do_not_echo_private_data_back_as_text(client, article):
    response = client.post(post_url(article), form_data(email="bad@@example.org"))
    html = response.content.decode()
    assert "Enter a valid email address." in html
    # The only place the typed address appears is the reader's own input field.
    assert html.count("bad@@example.org") == 1
    assert 'value="bad@@example.org"' in html


def test_pending_rejected_spam_and_suspects_are_not_shown(client, article):
    make_comment(article, body="Approved one")
    make_comment(article, body="Pending one", status=Comment.Status.PENDING)
    make_comment(article, body="Rejected one", status=Comment.Status.REJECTED)
    make_comment(article, body="Spam one", status=Comment.Status.SPAM)
    make_comment(article, body="Suspect one", status=Comment.Status.PENDING, is_spam_suspect=True)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Approved one" in html
    for hidden in ["Pending one", "Rejected one", "Spam one", "Suspect one"]:
        assert hidden not in html
    assert "1 comment" in html


def test_counts_on_article_lists_without_a_query_per_article(
    site_cache, client, django_assert_max_num_queries
):
    from tests.factories import make_category

    category = make_category()
    articles = [make_article(categories=[category]) for _ in range(6)]
    for n, article in enumerate(articles):
        for _ in range(n):
            make_comment(article)
        make_comment(article, status=Comment.Status.PENDING)
    # The category, the count, articles (+ source, + comment counts as a subquery), their
    # categories, the masthead's categories.
    with django_assert_max_num_queries(5):
        html = client.get(category.get_absolute_url()).content.decode()
    assert html.count('class="card__comments"') == 5
    assert "5 comments</a>" in html
    assert "1 comment</a>" in html


@pytest.mark.parametrize("count", [1, 30])
def test_article_page_query_budget_with_comments(
    client, article, count, django_assert_max_num_queries
):
    top = [make_comment(article) for _ in range(count)]
    for parent in top:
        make_comment(article, parent=parent)
    # Cached fragments empty: article, source, categories, tags, related links, corrections,
    # masthead, the outline of the approved comments and the page of them shown, the
    # breaking-news banner and the most-read ranking.
    with django_assert_max_num_queries(11):
        html = client.get(article.get_absolute_url()).content.decode()
    assert f"{2 * count} comments" in html
    # Every later reader: the article alone; the comments come with the cached fragments.
    with django_assert_max_num_queries(1):
        again = client.get(article.get_absolute_url()).content.decode()
    assert again == html


def test_pending_view_costs_one_more_query(client, article, django_assert_max_num_queries):
    client.post(post_url(article), form_data())
    # The post bumped the content version, so the fragments are rebuilt (11, as above),
    # plus this browser's pending comments.
    with django_assert_max_num_queries(12):
        client.get(article.get_absolute_url())
