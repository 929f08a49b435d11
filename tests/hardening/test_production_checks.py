"""Production refuses settings that start fine and silently break it."""

import pytest
from django.apps import apps
from django.contrib.sites.models import Site
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db.models.signals import post_migrate

from safeguards import checks
from safeguards.checks import refuse_unsafe_production_settings

SAFE = {
    "DEBUG": False,
    "CACHES": {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}},
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "SITE_DOMAIN": "news.example.org",
    "ADMINS": [("Ops", "ops@news.example.org")],
    "ERROR_REPORTING": "admins",
    "SILENCED_SYSTEM_CHECKS": [],
}


@pytest.fixture
def production(settings):
    for name, value in SAFE.items():
        setattr(settings, name, value)
    return settings


def failing_ids():
    found = [
        check(None)
        for check in (
            checks.shared_cache,
            checks.delivered_email,
            checks.public_domain,
            checks.errors_reported,
        )
    ]
    return {message.id for messages in found for message in messages}


def test_safe_production_settings_pass(production):
    assert failing_ids() == set()
    refuse_unsafe_production_settings()


@pytest.mark.parametrize(
    ("setting", "value", "check_id"),
    [
        (
            "CACHES",
            {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
            "E001",
        ),
        ("CACHES", {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}, "E001"),
        ("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend", "E002"),
        ("EMAIL_BACKEND", "django.core.mail.backends.dummy.EmailBackend", "E002"),
        ("SITE_DOMAIN", "", "E003"),
        ("SITE_DOMAIN", "example.com", "E003"),
        ("ADMINS", [], "E004"),
    ],
)
def test_each_unsafe_setting_stops_production(production, setting, value, check_id):
    setattr(production, setting, value)
    assert failing_ids() == {f"safeguards.{check_id}"}
    with pytest.raises(ImproperlyConfigured, match=check_id):
        refuse_unsafe_production_settings()


def test_errors_may_be_reported_through_logging_instead_of_mail(production):
    production.ADMINS = []
    production.ERROR_REPORTING = "logging"
    assert failing_ids() == set()


def test_development_is_not_held_to_production_rules(production):
    production.DEBUG = True
    production.SITE_DOMAIN = ""
    production.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    assert failing_ids() == set()


def test_check_command_fails_with_the_default_production_settings(production):
    production.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    with pytest.raises(Exception, match="safeguards.E002"):
        call_command("check", "--deploy", "--fail-level", "ERROR")


@pytest.mark.django_db
def test_migrate_writes_site_domain_to_the_sites_framework(settings):
    settings.SITE_DOMAIN = "news.example.org"
    post_migrate.send(sender=apps.get_app_config("sites"), app_config=apps.get_app_config("sites"))
    site = Site.objects.get_current()
    assert (site.domain, site.name) == ("news.example.org", settings.NEWSDESK["SITE_NAME"])


@pytest.mark.parametrize("entry_point", ["newsdesk.wsgi", "newsdesk.asgi"])
def test_every_server_entry_point_refuses_unsafe_production_settings(entry_point):
    """gunicorn, uvicorn and daphne run no system checks: importing the application must."""
    import os
    import subprocess
    import sys

    from django.conf import settings

    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}}
    # Production as it starts by default: a per-process cache, no public domain.
    env.update(
        DJANGO_SETTINGS_MODULE="newsdesk.settings",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="news.example.org",
        SITE_DOMAIN="",
        CACHE_URL="locmemcache://",
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import {entry_point}"],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "safeguards.E00" in result.stderr
