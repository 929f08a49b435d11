"""The comment form's markup in each of its states, pinned byte for byte: fresh on the article
page (no per-visitor value: comments.js fetches the token), on its own page replying to a
comment, shown again after a refused post (every typed value back in place, escaped, with the
errors), and on a closed article (no submit button). These are the bytes the form's template
gave before the form was written in Python (comments/rendering.py)."""

import re

import pytest
from django.test import Client

from comments.forms import timestamp_still_valid
from tests.factories import make_article

from .conftest import form_data, make_comment, post_url

pytestmark = pytest.mark.django_db

HOSTILE_NAME = "<script>alert(\"x\")</script> & 'Bo'"
HOSTILE_NAME_HTML = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;Bo&#x27;"
HOSTILE_BODY = "</textarea><script>steal()</script>\r\n& \"quoted\" 'text'\n"
HOSTILE_BODY_HTML = "&lt;/textarea&gt;&lt;script&gt;steal()&lt;/script&gt;\r\n&amp; &quot;quoted&quot; &#x27;text&#x27;\n"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')
TIMESTAMP = re.compile(r'name="timestamp" value="([^"]*)"')
REQUIRED = '<span class="required" aria-hidden="true">*</span>'
SUBMIT = '<p><button type="submit" class="comment-form__submit">Post comment</button></p>'


def value(shown):
    return f' value="{shown}"' if shown else ""


def written(pattern, html):
    """The value of the first `pattern` (a token or a timestamp) in the page."""
    found = pattern.search(html)
    assert found is not None
    return found.group(1)


def the_form(html):
    start = html.index('\n<form class="comment-form"')
    return html[start : html.index("</form>\n", start) + len("</form>\n")]


def field(label, widget, *, error=""):
    name = written(re.compile(r'name="(\w+)"'), widget)
    error_html = (
        f'<div class="comment-form__error" id="id_{name}_error"><p>{error}</p></div>'
        if error
        else ""
    )
    return (
        f'\n    <div class="comment-form__field{" comment-form__field--error" if error else ""}">\n'
        f'      <label for="id_{name}">{label} {REQUIRED}</label>\n'
        "      \n"
        f"      {error_html}\n"
        f"      {widget}\n"
        "    </div>\n  "
    )


def form_markup(
    article,
    *,
    heading="h3",
    token="",
    errors=(),
    replying_to=None,
    parent="",
    timestamp="",
    name="",
    email="",
    email_error="",
    body="",
    checked=False,
    website_error=False,
    submit=True,
):
    error_block = ""
    if errors:
        error_block = (
            '\n    <div class="comment-form__errors" role="alert">\n'
            f"      {''.join(f'<p>{error}</p>' for error in errors)}\n"
            "    </div>\n  "
        )
    email_attrs = ' aria-invalid="true" aria-describedby="id_email_error"' if email_error else ""
    website_attrs = (
        ' aria-invalid="true" aria-describedby="id_website_error"' if website_error else ""
    )
    return (
        "\n"
        f'<form class="comment-form" id="comment-form" method="post" action="{post_url(article)}#comment-form"\n'
        '      data-comment-form data-token-url="/comments/token/" novalidate>\n'
        f'  <{heading} class="comment-form__title">Leave a Reply</{heading}>\n'
        '  <p class="comment-form__note">Your email address will not be published. Required fields'
        ' are marked <span aria-hidden="true">*</span><span class="visually-hidden">as'
        " required</span>.</p>\n"
        f'  <input type="hidden" name="csrfmiddlewaretoken" value="{token}">\n'
        f"  {error_block}\n"
        f'  <p class="comment-form__replying" data-replying{"" if replying_to else " hidden"}>\n'
        f"    Replying to <strong data-replying-name>{replying_to or ''}</strong>.\n"
        '    <button type="button" class="comment-form__cancel" data-cancel-reply>Cancel reply</button>\n'
        "  </p>\n"
        f'  <input type="hidden" name="parent"{value(parent)} id="id_parent">'
        f'<input type="hidden" name="timestamp"{value(timestamp)} id="id_timestamp">\n'
        "  "
        + field(
            "Name",
            f'<input type="text" name="name"{value(name)}'
            ' autocomplete="name" maxlength="80" required id="id_name">',
        )
        + field(
            "Email",
            f'<input type="email" name="email"{value(email)}'
            f' autocomplete="email" maxlength="254" required{email_attrs} id="id_email">',
            error=email_error,
        )
        + field(
            "Comment",
            '<textarea name="body" cols="40" rows="6" maxlength="5000" required id="id_body">\n'
            f"{body}</textarea>",
        )
        + "\n"
        '  <div class="comment-form__field comment-form__field--check">\n'
        '    <input type="checkbox" name="notify_on_approval"'
        ' aria-describedby="id_notify_on_approval_helptext" id="id_notify_on_approval"'
        f'{" checked" if checked else ""}> <label for="id_notify_on_approval">Tell me when it'
        " appears</label>\n"
        '    <p class="comment-form__help" id="id_notify_on_approval_helptext">One email, to you'
        " alone, once a moderator approves your comment.</p>\n"
        "  </div>\n"
        '  <div class="comment-form__trap" aria-hidden="true">\n'
        '    <label for="id_website">Leave this field empty</label>\n'
        '    <input type="text" name="website" autocomplete="off" tabindex="-1"'
        f'{website_attrs} id="id_website">\n'
        "  </div>\n"
        f"  {SUBMIT if submit else ''}\n"
        "</form>\n"
    )


def test_the_article_page_form_is_the_same_for_everyone_and_carries_no_token(article):
    html = Client().get(article.get_absolute_url()).content.decode()
    assert f"  {form_markup(article)}\n  <script " in html


def test_the_form_page_replies_with_the_token_and_a_fresh_timestamp_in_place(article):
    parent = make_comment(article, name=HOSTILE_NAME)
    response = Client().get(post_url(article), {"reply_to": parent.pk})
    html = response.content.decode()
    token, timestamp = written(TOKEN, html), written(TIMESTAMP, html)
    assert len(token) == 64
    assert timestamp_still_valid(timestamp)
    assert the_form(html) == form_markup(
        article,
        heading="h2",
        token=token,
        replying_to=HOSTILE_NAME_HTML,
        parent=str(parent.pk),
        timestamp=timestamp,
    )


def test_a_refused_post_comes_back_with_everything_typed_escaped_and_the_errors(article):
    typed = form_data(
        name=HOSTILE_NAME,
        email='bad@@x"><b>',
        body=HOSTILE_BODY,
        parent='7"><b>',
        notify_on_approval="on",
        website="http://spam.example/",
        timestamp="forged",
    )
    response = Client().post(post_url(article), typed)
    assert response.status_code == 400
    html = response.content.decode()
    token, timestamp = written(TOKEN, html), written(TIMESTAMP, html)
    assert timestamp_still_valid(timestamp)  # a forged one is renewed, the text kept
    assert the_form(html) == form_markup(
        article,
        heading="h2",
        token=token,
        errors=[
            "The form could not be verified. Please check your comment and post it again.",
            "Enter a whole number.",
            "Your comment looked automated. Please check it and post it again.",
        ],
        parent="7&quot;&gt;&lt;b&gt;",
        timestamp=timestamp,
        name=HOSTILE_NAME_HTML,
        email="bad@@x&quot;&gt;&lt;b&gt;",
        email_error="Enter a valid email address.",
        body=HOSTILE_BODY_HTML,
        checked=True,
        website_error=True,
    )


def test_a_post_to_a_closed_article_keeps_the_text_and_offers_no_submit_button(client):
    article = make_article(comments_open=False)
    parent = make_comment(article, name="Ann")
    typed = form_data(name="Bo", email="bo@example.org", body=HOSTILE_BODY, parent=str(parent.pk))
    response = client.post(post_url(article), typed)
    assert response.status_code == 403
    html = response.content.decode()
    assert the_form(html) == form_markup(
        article,
        heading="h2",
        token=written(TOKEN, html),
        replying_to="Ann",
        parent=str(parent.pk),
        timestamp=typed["timestamp"],
        name="Bo",
        email="bo@example.org",
        body=HOSTILE_BODY_HTML,
        submit=False,
    )
