"""Configuration comes from the environment and fails loudly when production lacks a secret."""

import os
import subprocess
import sys

import pytest
from django.conf import settings


def settings_in_subprocess(env, expression="print('ok')"):
    code = f"import django; django.setup(); from django.conf import settings; {expression}"
    clean_env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DEBUG",
            "SECRET_KEY",
            "DATABASE_URL",
            "ALLOWED_HOSTS",
            "DATABASE_PREPARED_STATEMENTS",
            "NEWSDESK_SERVING_REQUESTS",
        }
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**clean_env, "DJANGO_SETTINGS_MODULE": "newsdesk.settings", **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = settings_in_subprocess({})
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_debug_is_off_unless_set():
    result = settings_in_subprocess(
        {"SECRET_KEY": "x" * 50}, "print(settings.DEBUG, settings.ALLOWED_HOSTS)"
    )
    assert result.stdout.strip() == "False []"


def test_database_url_selects_postgresql():
    result = settings_in_subprocess(
        {"SECRET_KEY": "x" * 50, "DATABASE_URL": "postgres://news:pw@db.internal:5432/newsdesk"},
        "d = settings.DATABASES['default']; print(d['ENGINE'], d['HOST'], d['NAME'])",
    )
    assert result.stdout.strip() == "django.db.backends.postgresql db.internal newsdesk"


def test_serving_requests_prepares_statements_on_postgresql():
    show = "d = settings.DATABASES['default']; print(d['ENGINE'], d['OPTIONS'])"
    url = "postgres://news:pw@db.internal:5432/newsdesk"
    serving = settings_in_subprocess(
        {"SECRET_KEY": "x" * 50, "DATABASE_URL": url, "NEWSDESK_SERVING_REQUESTS": "1"}, show
    )
    assert serving.stdout.startswith("newsdesk.postgresql ")
    assert "'server_side_binding': True" in serving.stdout
    turned_off = settings_in_subprocess(
        {
            "SECRET_KEY": "x" * 50,
            "DATABASE_URL": url,
            "NEWSDESK_SERVING_REQUESTS": "1",
            "DATABASE_PREPARED_STATEMENTS": "false",
        },
        show,
    )
    assert turned_off.stdout.startswith("django.db.backends.postgresql ")
    assert "server_side_binding" not in turned_off.stdout


def test_embedded_sqlite_is_the_default():
    result = settings_in_subprocess(
        {"DEBUG": "true"}, "print(settings.DATABASES['default']['ENGINE'])"
    )
    assert result.stdout.strip() == "django.db.backends.sqlite3"


@pytest.mark.parametrize(
    ("variable", "expression", "expected"),
    [
        (
            "ALLOWED_HOSTS",
            "print(settings.ALLOWED_HOSTS)",
            "['news.example.org', 'www.example.org']",
        ),
        (
            "CACHE_URL",
            "print(settings.CACHES['default']['BACKEND'])",
            "newsdesk.redis_cache.ReusedClientRedisCache",
        ),
    ],
)
def test_other_variables_are_read(variable, expression, expected):
    values = {
        "ALLOWED_HOSTS": "news.example.org,www.example.org",
        "CACHE_URL": "redis://127.0.0.1:6379/1",
    }
    result = settings_in_subprocess(
        {"SECRET_KEY": "x" * 50, variable: values[variable]}, expression
    )
    assert result.stdout.strip() == expected


def test_static_files_are_hashed_and_compressed():
    assert settings.MIDDLEWARE[1] == "whitenoise.middleware.WhiteNoiseMiddleware"
    result = settings_in_subprocess(
        {"SECRET_KEY": "x" * 50}, "print(settings.STORAGES['staticfiles']['BACKEND'])"
    )
    assert result.stdout.strip() == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_the_redis_cache_keeps_one_client_and_works():
    result = settings_in_subprocess(
        {"SECRET_KEY": "x" * 50, "CACHE_URL": "redis://127.0.0.1:6379/10"},
        "from django.core.cache import cache; import uuid; key = uuid.uuid4().hex; "
        "cache.set(key, 41); cache.incr(key); "
        "print(cache.get_many([key]) == {key: 42}, "
        "cache._cache.get_client() is cache._cache.get_client(write=True)); cache.delete(key)",
    )
    if "Connection refused" in result.stderr:
        pytest.skip("no Redis at 127.0.0.1:6379")
    assert result.stdout.strip() == "True True", result.stderr
