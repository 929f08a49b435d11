"""Every response carries a strict Content-Security-Policy and a Permissions-Policy."""

import pytest

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def directives(response):
    return {
        name: rest
        for name, _, rest in (
            part.strip().partition(" ") for part in response["Content-Security-Policy"].split(";")
        )
    }


@pytest.mark.parametrize("path", ["/", "ARTICLE", "/feed/", "/admin/login/"])
def test_strict_csp_and_permissions_policy_everywhere(client, path):
    if path == "ARTICLE":
        path = make_article().get_absolute_url()
    response = client.get(path)
    assert response.status_code == 200
    policy = directives(response)
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"  # no 'unsafe-inline', no 'unsafe-eval'
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_reader_pages_have_no_inline_script(client):
    html = client.get(make_article().get_absolute_url()).content.decode()
    # Only JSON-LD data blocks (never executed) and external files.
    for tag in html.split("<script")[1:]:
        opening = tag.split(">", 1)[0]
        assert "src=" in opening or 'type="application/ld+json"' in opening, opening
