"""The markup of each comment on the article page, and of the comment form's fields, pinned
byte for byte.

comments/rendering.py builds both in Python (they were a template included per comment and one
rendered per widget); these are the exact bytes the templates produced, whitespace included.
"""

from datetime import UTC, datetime

import pytest
from django.forms.renderers import DjangoTemplates
from django.test import Client

from articles.widget_markup import WIDGET_RENDERER
from comments.form_markup import comment_form
from comments.forms import CommentForm
from comments.models import Comment

from .conftest import form_data, make_comment, post_url

pytestmark = pytest.mark.django_db

HOSTILE_NAME = "<script>alert(\"x\")</script> & 'Bo'"
HOSTILE_NAME_HTML = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;Bo&#x27;"
BADGE = '<span class="comment__badge">Awaiting moderation</span>'


def written_at(comment, year, month, day, hour, minute, second=0, microsecond=0):
    moment = datetime(year, month, day, hour, minute, second, microsecond, tzinfo=UTC)
    Comment.objects.filter(pk=comment.pk).update(created_at=moment)


def page(article, client=None):
    return (client or Client()).get(article.get_absolute_url()).content.decode()


def comment_markup(
    pk, name_html, *, time, shown, body_html, reply_to=None, pending=False, replies=""
):
    """One `<li>` as readers get it; `reply_to`: the comment form's address, or no reply link."""
    reply = ""
    if reply_to:
        reply = (
            f'\n      <p class="comment__reply"><a href="{reply_to}?reply_to={pk}"'
            f' data-reply-to="{pk}" data-reply-name="{name_html}" rel="nofollow">Reply'
            f'<span class="visually-hidden"> to {name_html}</span></a></p>\n    '
        )
    if replies:
        replies = (
            f'\n    <ol class="comment-list comment-list--replies">\n      {replies}\n    </ol>\n  '
        )
    return (
        f'<li class="comment{" comment--pending" if pending else ""}" id="comment-{pk}">\n'
        f'  <article aria-label="Comment by {name_html}">\n'
        '    <header class="comment__meta">\n'
        f'      <span class="comment__author">{name_html}</span>\n'
        f'      <time datetime="{time}">{shown}</time>\n'
        f"      {BADGE if pending else ''}\n"
        "    </header>\n"
        f'    <div class="comment__body">{body_html}</div>\n'
        f"    {reply}\n"
        "  </article>\n"
        f"  {replies}\n"
        "</li>\n"
    )


def test_names_and_bodies_are_escaped_links_made_and_the_time_is_local(settings, article):
    settings.TIME_ZONE = "Europe/Paris"
    comment = make_comment(
        article,
        name=HOSTILE_NAME,
        body='Hi <b>you</b> & "them"\r\nsee https://example.org/?a=1&b=2 {{ x }}',
    )
    written_at(comment, 2024, 7, 1, 22, 30, 15, 123456)
    assert comment_markup(
        comment.pk,
        HOSTILE_NAME_HTML,
        # 22:30 UTC is half past midnight the next day in Paris, in summer time.
        time="2024-07-02T00:30:15+02:00",
        shown="2 July 2024, 00:30",
        body_html=(
            "Hi &lt;b&gt;you&lt;/b&gt; &amp; &quot;them&quot;<br>see "
            '<a rel="nofollow ugc noopener" href="https://example.org/?a=1&amp;b=2">'
            "https://example.org/?a=1&amp;b=2</a> {{ x }}"
        ),
        reply_to=post_url(article),
    ) in page(article)


def test_replies_nest_and_the_deepest_offers_no_reply(settings, article):
    settings.TIME_ZONE = "UTC"
    root = make_comment(article, name="Ann", body="First")
    reply = make_comment(article, parent=root, name="Ben", body="Second")
    deepest = make_comment(article, parent=reply, name="Cy", body="Third")  # at MAX_DEPTH (3)
    for day, comment in enumerate([root, reply, deepest], start=3):
        written_at(comment, 2025, 1, day, 9, 5)

    def markup(comment, name, body, day, **more):
        return comment_markup(
            comment.pk,
            name,
            time=f"2025-01-0{day}T09:05:00+00:00",
            shown=f"{day} January 2025, 09:05",
            body_html=body,
            **more,
        )

    address = post_url(article)
    expected = markup(
        root,
        "Ann",
        "First",
        3,
        reply_to=address,
        replies=markup(
            reply, "Ben", "Second", 4, reply_to=address, replies=markup(deepest, "Cy", "Third", 5)
        ),
    )
    assert f'<ol class="comment-list">\n    {expected}\n  </ol>' in page(article)


def test_closed_comments_show_no_reply_links(settings, article):
    settings.TIME_ZONE = "UTC"
    article.comments_open = False
    article.save()
    comment = make_comment(article, name="Ann", body="Before closing")
    written_at(comment, 2025, 1, 3, 9, 5)
    html = page(article)
    assert (
        comment_markup(
            comment.pk,
            "Ann",
            time="2025-01-03T09:05:00+00:00",
            shown="3 January 2025, 09:05",
            body_html="Before closing",
        )
        in html
    )
    assert "comment__reply" not in html


def test_own_pending_comment_is_badged_without_a_reply_link(settings, client, article):
    settings.TIME_ZONE = "UTC"
    client.post(post_url(article), form_data(name=HOSTILE_NAME, body="Mine\nall mine"))
    mine = Comment.objects.get()
    written_at(mine, 2025, 2, 1, 18, 0)
    expected = comment_markup(
        mine.pk,
        HOSTILE_NAME_HTML,
        time="2025-02-01T18:00:00+00:00",
        shown="1 February 2025, 18:00",
        body_html="Mine<br>all mine",
        pending=True,
    )
    assert f'<ol class="comment-list">\n      {expected}\n    </ol>' in page(article, client)


def test_approved_comments_are_never_badged_for_a_reader_with_a_pending_one(client, article):
    # The pending badge once reached every approved comment of the poster's own view, and from
    # there the shared fragment cache, so every reader saw them all "Awaiting moderation".
    approved = make_comment(article, name="Ann", body="Approved before")
    client.post(post_url(article), form_data(body="Mine, pending"))
    mine = Comment.objects.get(status=Comment.Status.PENDING)

    own_view = page(article, client)
    assert own_view.count("Awaiting moderation") == 1
    assert f'<li class="comment comment--pending" id="comment-{mine.pk}">' in own_view
    assert f'<li class="comment" id="comment-{approved.pk}">' in own_view
    assert f'data-reply-to="{approved.pk}"' in own_view

    others_view = page(article)
    assert "Awaiting moderation" not in others_view
    assert "comment--pending" not in others_view
    assert f'data-reply-to="{approved.pk}"' in others_view


@pytest.mark.parametrize(
    "data",
    [
        None,  # the empty form on the article page
        {"parent": "7"},  # a reply's form, without JavaScript
        form_data(name=HOSTILE_NAME, email="bad@@x", body='<b>"Hi"</b> &\n', parent="x"),
        form_data(name="", body="", notify_on_approval="on", website="spam", timestamp="bad"),
    ],
)
def test_form_widgets_are_the_django_templates_markup(article, data):
    # comments.form_markup.WidgetRenderer writes the widgets out; Django's templates are the rule.
    def form(renderer=None):
        if data is not None and "name" in data:
            built = CommentForm(data, article=article, renderer=renderer)
            built.is_valid()
            return built
        return CommentForm(initial=data, article=article, renderer=renderer)

    ours, djangos = form(), form(DjangoTemplates())
    assert ours.renderer is WIDGET_RENDERER
    for name in ours.fields:
        assert str(ours[name]) == str(djangos[name])
    # The form's writer works each widget out from the bound field itself, without a renderer.
    written = comment_form(form(), action="/post/", token_url="/token/")
    for name in ours.fields:
        assert str(djangos[name]) in written


def test_a_failed_post_shows_what_was_typed_and_what_is_wrong(client, article):
    response = client.post(
        post_url(article),
        form_data(name=HOSTILE_NAME, email="bad@@x", body='<b>"Hi"</b> &\nmore'),
    )
    html = response.content.decode()
    assert (
        f'<input type="text" name="name" value="{HOSTILE_NAME_HTML}" autocomplete="name"'
        ' maxlength="80" required id="id_name">'
    ) in html
    assert (
        '<input type="email" name="email" value="bad@@x" autocomplete="email" maxlength="254"'
        ' required aria-invalid="true" aria-describedby="id_email_error" id="id_email">'
    ) in html
    assert (
        '<textarea name="body" cols="40" rows="6" maxlength="5000" required id="id_body">\n'
        "&lt;b&gt;&quot;Hi&quot;&lt;/b&gt; &amp;\nmore</textarea>"
    ) in html
