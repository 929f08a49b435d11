"""A catalogue of hostile inputs posted through the real view, on the real URL.

For every entry: no 500; nothing the attacker typed comes back unescaped (on the refusal page,
or on the article page once a moderator approves it); every accepted entry is stored pending;
private fields never reach the public page.
"""

import pytest
from django.test import Client

from comments.models import Comment
from tests.factories import make_article

from .conftest import form_data, make_comment, post_url

pytestmark = pytest.mark.django_db

XSS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg/onload=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "<iframe src=//evil.example></iframe>",
    "<style>body{display:none}</style>",
    "{{ request.META }}{% debug %}",
    'https://example.org/"onmouseover="alert(1)',
    "www.example.org/<script>alert(1)</script>",
    "<!--<script>-->alert(1)",
    "<scr<script>ipt>alert(1)</script>",
    '<div style="background:url(javascript:alert(1))">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
]

CATALOGUE = (
    [pytest.param({"body": payload}, id=f"body-xss-{n}") for n, payload in enumerate(XSS)]
    + [pytest.param({"name": payload[:80]}, id=f"name-xss-{n}") for n, payload in enumerate(XSS)]
    + [
        pytest.param({"email": '"<script>alert(1)</script>"@example.org'}, id="email-xss-quoted"),
        pytest.param({"email": "<script>@example.org"}, id="email-xss-local"),
        pytest.param({"email": 'a@example.org"><svg onload=alert(1)>'}, id="email-xss-tail"),
        pytest.param({"website": "<script>alert(1)</script>"}, id="honeypot-xss"),
        pytest.param({"timestamp": "<script>alert(1)</script>"}, id="timestamp-xss"),
        pytest.param({"parent": "<script>alert(1)</script>"}, id="parent-xss"),
        # odd Unicode
        pytest.param({"body": "Zalgo: " + "a\u0301\u0302\u0303\u0304" * 50}, id="combining"),
        pytest.param({"body": "emoji 🚀🛩️👩🏽‍✈️ and 𝕗𝕒𝕟𝕔𝕪"}, id="emoji"),
        pytest.param({"name": "ＦＵＬＬ＜ｓｃｒｉｐｔ＞"}, id="fullwidth"),
        pytest.param({"body": "zero\u200bwidth\u200djoin\ufeffbom"}, id="zero-width"),
        pytest.param({"name": "right\u202eto left"}, id="bidi-override-name"),
        pytest.param({"body": "isolate \u2066inner\u2069"}, id="bidi-isolate-body"),
        pytest.param({"body": "\u0000"}, id="nul-only-body"),
        pytest.param({"name": "nul\x00name"}, id="nul-name"),
        pytest.param({"email": "nul\x00@example.org"}, id="nul-email"),
        pytest.param({"parent": "1\x00"}, id="nul-parent"),
        pytest.param({"body": "escape \x1b[31m red"}, id="ansi-escape"),
        pytest.param({"body": "del \x7f and c1 \x85"}, id="c1-control"),
        pytest.param({"name": "tab\tname"}, id="tab-in-name"),
        pytest.param({"body": "line one\r\nline two\rline three\n"}, id="mixed-newlines"),
        pytest.param({"body": "\n" * 3000}, id="only-newlines"),
        pytest.param({"body": "مرحبا שלום 你好 Привет"}, id="scripts"),
        # overlong
        pytest.param({"body": "x" * 100_000}, id="body-100k"),
        pytest.param({"body": "x" * 5000}, id="body-at-limit"),
        pytest.param({"name": "n" * 10_000}, id="name-10k"),
        pytest.param({"email": "a" * 5000 + "@example.org"}, id="email-5k"),
        pytest.param({"body": "https://example.org/" + "a" * 4900}, id="long-url"),
        pytest.param({"timestamp": "t" * 50_000}, id="timestamp-50k"),
        # CRLF and header injection
        pytest.param({"email": "a@example.org\r\nBcc: victim@example.org"}, id="email-crlf"),
        pytest.param({"email": "a@example.org\n"}, id="email-trailing-lf"),
        pytest.param({"email": "a@example.org%0d%0aBcc:x@example.org"}, id="email-encoded-crlf"),
        pytest.param({"name": "Name\r\nSubject: hi"}, id="name-crlf"),
        # forged or odd parents
        pytest.param({"parent": "-1"}, id="parent-negative"),
        pytest.param({"parent": "0"}, id="parent-zero"),
        pytest.param({"parent": "1 OR 1=1"}, id="parent-sql"),
        pytest.param({"parent": "99999999999999999999999"}, id="parent-overflow"),
        pytest.param({"parent": "9223372036854775807"}, id="parent-max-bigint"),
        pytest.param({"parent": "1e3"}, id="parent-float"),
        pytest.param({"parent": "PENDING"}, id="parent-pending-comment"),
        pytest.param({"parent": "OTHER"}, id="parent-other-article"),
        pytest.param({"parent": "SPAM"}, id="parent-spam-comment"),
        # SQL-ish and template-ish text is just text
        pytest.param({"body": "'; DROP TABLE articles_comment; --"}, id="sql-body"),
        pytest.param({"name": "Robert'); DROP TABLE students;--"}, id="sql-name"),
        pytest.param({"body": "${7*7} #{7*7} <%= 7*7 %>"}, id="template-injection"),
        pytest.param({"honeypot_and_xss": True, "website": "x", "body": XSS[0]}, id="honeypot"),
        # headers
        pytest.param({"meta": {"HTTP_USER_AGENT": "UA\x00<script>" + "u" * 5000}}, id="ua-nul"),
        pytest.param({"meta": {"REMOTE_ADDR": "not-an-ip<script>"}}, id="remote-addr-junk"),
        pytest.param({"meta": {"HTTP_X_FORWARDED_FOR": "<script>, 1.2.3.4"}}, id="xff-junk"),
    ]
)

PRIVATE = ["secret-mail@example.org", "SecretAgent/1.0"]


def _resolve(article, overrides):
    """Turn the symbolic parents into real, forged IDs."""
    parent = overrides.get("parent")
    if parent == "PENDING":
        overrides["parent"] = str(make_comment(article, status=Comment.Status.PENDING).pk)
    elif parent == "OTHER":
        overrides["parent"] = str(make_comment(make_article()).pk)
    elif parent == "SPAM":
        overrides["parent"] = str(make_comment(article, status=Comment.Status.SPAM).pk)
    return overrides


def _dangerous(value):
    return isinstance(value, str) and any(char in value for char in "<>\"'")


@pytest.mark.parametrize("overrides", CATALOGUE)
def test_hostile_input(article, overrides):
    overrides = _resolve(article, dict(overrides))
    overrides.pop("honeypot_and_xss", None)
    meta = {"HTTP_USER_AGENT": "SecretAgent/1.0", **overrides.pop("meta", {})}
    data = form_data(**{"email": "secret-mail@example.org", **overrides})
    before = set(Comment.objects.values_list("pk", flat=True))

    response = Client().post(post_url(article), data, **meta)
    html = response.content.decode()

    assert response.status_code in {303, 400}, response.status_code
    for value in overrides.values():
        if _dangerous(value):
            assert value not in html
    new = Comment.objects.exclude(pk__in=before)
    if response.status_code == 303:
        comment = new.get()
        assert comment.status == Comment.Status.PENDING
        # Stored as typed (after trimming), never altered into HTML.
        if "body" in overrides and overrides["body"].strip():
            assert comment.body == overrides["body"].strip()
        comment.status = Comment.Status.APPROVED
        comment.save()
        page = Client().get(article.get_absolute_url())
        assert page.status_code == 200
        public = page.content.decode()
        for value in [comment.name, comment.body]:
            if _dangerous(value):
                assert value not in public
        assert "<script>alert" not in public
        assert " onerror=" not in public.replace("onerror=alert(1)&gt;", "")
        for secret in PRIVATE:
            assert secret not in public
        assert str(comment.ip_address) not in public or comment.ip_address is None
    else:
        assert not new.exists()
        assert "private" in response["Cache-Control"]


def test_catalogue_is_large_enough():
    assert len(CATALOGUE) >= 50


@pytest.mark.parametrize(
    "token",
    [None, "", "x" * 64, "<script>alert(1)</script>"],
    ids=["absent", "empty", "forged", "xss"],
)
def test_missing_or_forged_csrf_never_saves_and_never_echoes_unescaped(article, token):
    browser = Client(enforce_csrf_checks=True)
    data = form_data(body="<script>alert(1)</script> kept")
    if token is not None:
        data["csrfmiddlewaretoken"] = token
    response = browser.post(post_url(article), data)
    html = response.content.decode()
    assert response.status_code == 403
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; kept</textarea>" in html
    assert not Comment.objects.exists()


def test_invalid_utf8_is_replaced_not_a_500(article):
    data = form_data()
    body = "&".join(f"{key}={value}" for key, value in data.items() if key != "body")
    response = Client().post(
        post_url(article),
        (body + "&body=%ED%A0%80%FF%FE%00bad").encode(),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in {303, 400}


def test_hostile_reply_to_on_the_form_page(article):
    for value in ["99999999999999999999999", "<script>", "-5", "1\x00"]:
        response = Client().get(post_url(article), {"reply_to": value})
        assert response.status_code == 200
        assert "<script>" not in response.content.decode().split("<main")[1]
