"""Property-based tests: generated text of every Unicode category never gives a 500, and
sanitising article bodies is a fixed point that lets no script, handler or javascript: URL through.
"""

from urllib.parse import quote

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.sanitize import sanitize_body_html
from articles.slugs import slug_for_name, validate_slug
from articles.xml_text import XML_ILLEGAL, strip_xml_illegal

ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=300) | st.text(max_size=3000)
QUICK = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


@given(name=st.text(max_size=400))
@settings(max_examples=300, deadline=None)
def test_every_name_gets_a_valid_bounded_slug(name):
    slug = slug_for_name(name, max_length=100)
    validate_slug(slug)
    assert len(slug) <= 100
    assert slug_for_name(slug, max_length=100) == slug or not name


@given(text=st.text())
def test_stripping_leaves_nothing_xml_cannot_carry(text):
    assert not XML_ILLEGAL.search(strip_xml_illegal(text))


HOSTILE = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<a href="JaVaScRiPt:alert(1)">x</a>',
        '<a href="java\tscript:alert(1)">x</a>',
        "<svg onload=alert(1)>",
        '<iframe src="javascript:alert(1)"></iframe>',
        "<p style=\"background:url('javascript:alert(1)')\">x</p>",
        "<<script>script>alert(1)<</script>/script>",
        '<a href="&#106;avascript:alert(1)">x</a>',
        "<p>",
        "</p>",
        "<em>",
    ]
)


@given(st.lists(HOSTILE | st.text(max_size=20), max_size=12).map("".join))
@settings(max_examples=400, deadline=None)
def test_sanitising_is_a_fixed_point_and_lets_nothing_run(html):
    clean = sanitize_body_html(html)
    assert sanitize_body_html(clean) == clean
    lowered = clean.lower()
    assert "<script" not in lowered and "<iframe" not in lowered and "<svg" not in lowered
    assert "javascript:" not in lowered.replace("&amp;", "&")
    assert " on" not in lowered.split(">")[0] or "onerror" not in lowered
    assert "onerror=" not in lowered and "onload=" not in lowered and "style=" not in lowered


@pytest.mark.django_db
@given(text=ANY_TEXT)
@QUICK
def test_reader_urls_with_any_parameter_never_answer_500(client, text):
    from articles.models import Article
    from tests.factories import make_article

    client.raise_request_exception = False
    if not Article.objects.filter(slug="any-article").exists():
        make_article(slug="any-article")
    for url in [
        f"/search/?q={quote(text, safe='')}",
        f"/search/?q=navy&page={quote(text, safe='')}",
        f"/?page={quote(text, safe='')}",
        f"/tag/{quote(text[:100], safe='')}/",
        f"/news/{quote(text[:200], safe='')}/",
        f"/category/{quote(text[:100], safe='')}/feed/",
        f"/source/{quote(text[:100], safe='')}/",
        f"/preview/shared/{quote(text, safe='')}/",
        f"/news/any-article/comment/?reply_to={quote(text, safe='')}",
        f"/comments/token/?{quote(text, safe='')}",
        f"/sitemap-{quote(text[:50], safe='')}.xml",
        f"/sitemap.xml?p={quote(text, safe='')}",
        f"/sitemap-articles.xml?p={quote(text, safe='')}",
    ]:
        assert client.get(url).status_code < 500, url


@pytest.mark.django_db
@given(name=ANY_TEXT, email=ANY_TEXT, body=ANY_TEXT, parent=ANY_TEXT, timestamp=ANY_TEXT)
@QUICK
def test_comment_form_with_any_text_never_answers_500(client, name, email, body, parent, timestamp):
    from tests.factories import make_article

    client.raise_request_exception = False
    article = make_article()
    response = client.post(
        reverse("comments:post", args=[article.slug]),
        {"name": name, "email": email, "body": body, "parent": parent, "timestamp": timestamp},
    )
    assert response.status_code < 500


@pytest.mark.django_db
@given(value=ANY_TEXT)
@QUICK
def test_admin_filters_and_autocomplete_with_any_value_never_answer_500(admin_client, value):
    admin_client.raise_request_exception = False
    v = quote(value, safe="")
    for url in [
        f"/admin/articles/article/?state={v}",
        f"/admin/articles/article/?published_at__year={v}",
        f"/admin/articles/article/?category={v}",
        f"/admin/articles/article/?q={v}",
        f"/admin/autocomplete/?app_label=articles&model_name=article&field_name=source&term={v}",
    ]:
        assert admin_client.get(url).status_code < 500, url


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "published_at__year=99999999999",
        "published_at__year=2024&published_at__month=99",
        "published_at__year=2024&published_at__month=2&published_at__day=31",
        "state=%00",
        "category=%00",
        "category=99999999999999999999999",
        "source__id__exact=-1",
        "q=%00",
        "category=1%00",
        "author=1e9",
    ],
)
def test_odd_admin_filter_values_answer_400_or_a_list(admin_client, query):
    admin_client.raise_request_exception = False
    response = admin_client.get(f"/admin/articles/article/?{query}")
    assert response.status_code in (200, 302, 400), response.status_code


@pytest.mark.django_db
@given(username=ANY_TEXT, password=ANY_TEXT, code=ANY_TEXT)
@QUICK
def test_staff_sign_in_form_with_any_text_never_answers_500(client, username, password, code):
    client.raise_request_exception = False
    response = client.post(
        reverse("admin:login"), {"username": username, "password": password, "otp_token": code}
    )
    assert response.status_code < 500


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/admin/articles/article/?q=%00",
        "/admin/autocomplete/?app_label=articles&model_name=article&field_name=source&term=%00",
    ],
)
def test_a_nul_in_an_admin_search_is_dropped(admin_client, url):
    assert admin_client.get(url).status_code == 200
