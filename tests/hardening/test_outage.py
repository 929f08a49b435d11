"""Database down or read-only: readers get a styled 503 with Retry-After, then the site recovers."""

import pytest
from django.db import InternalError, OperationalError
from django.db.backends.utils import CursorWrapper

from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return make_article(headline="Frigate launched")


def no_database(*args, **kwargs):
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


def test_database_down_gives_503_with_retry_after_then_recovers(client, article, monkeypatch):
    client.raise_request_exception = False
    with monkeypatch.context() as patched:
        # Every query fails as it does while PostgreSQL restarts or the file is unreachable.
        patched.setattr(CursorWrapper, "_execute", no_database)
        response = client.get(article.get_absolute_url())
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert "briefly unavailable" in response.content.decode()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_read_only_database_is_an_outage_too(client, article, monkeypatch):
    from safeguards.outage import is_database_outage

    class ReadOnly(Exception):
        sqlstate = "25006"

    error = InternalError("cannot execute UPDATE in a read-only transaction")
    error.__cause__ = ReadOnly()
    assert is_database_outage(error)
    other = InternalError("current transaction is aborted")
    other.__cause__ = type("Aborted", (Exception,), {"sqlstate": "25P02"})()
    assert not is_database_outage(other)


def test_other_errors_keep_the_500_page_and_it_claims_nothing_untrue(client, settings, monkeypatch):
    client.raise_request_exception = False
    settings.ADMINS = []
    settings.ERROR_REPORTING = "admins"

    def broken(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr("articles.views.HomeView.get", broken)
    response = client.get("/")
    assert response.status_code == 500
    assert "team has been told" not in response.content.decode()
    settings.ADMINS = [("Ops", "ops@news.example.org")]
    assert "team has been told" in client.get("/").content.decode()
