"""Settings that start fine and silently break production, refused while DEBUG is off.

`manage.py check --deploy` (`make deploy-check`) and every management command run them, and
wsgi.py runs them before serving, so a misconfigured release never answers a request.
"""

from django.conf import settings
from django.core.checks import Error, register

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}
UNDELIVERED_EMAIL = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}
PLACEHOLDER_DOMAINS = {"", "example.com", "localhost", "127.0.0.1"}


@register("newsdesk_production")
def shared_cache(app_configs, **kwargs):
    if settings.DEBUG:
        return []
    backend = settings.CACHES["default"]["BACKEND"]
    if backend in PER_PROCESS_CACHES:
        return [
            Error(
                f"The default cache is {backend.rsplit('.', 1)[-1]}, private to each process.",
                hint="Set CACHE_URL to a shared cache (redis://host:6379/1): comment flood limits, "
                "login lockouts and the content version must be the same in every worker.",
                id="safeguards.E001",
            )
        ]
    return []


@register("newsdesk_production")
def delivered_email(app_configs, **kwargs):
    if settings.DEBUG or settings.EMAIL_BACKEND not in UNDELIVERED_EMAIL:
        return []
    return [
        Error(
            f"EMAIL_BACKEND is {settings.EMAIL_BACKEND}: no e-mail would leave the server.",
            hint="Set EMAIL_URL to your mail server (smtp+tls://user:password@host:587): "
            "moderator notifications and error reports would be marked sent and never arrive.",
            id="safeguards.E002",
        )
    ]


@register("newsdesk_production")
def public_domain(app_configs, **kwargs):
    if settings.DEBUG or settings.SITE_DOMAIN.lower() not in PLACEHOLDER_DOMAINS:
        return []
    return [
        Error(
            f"SITE_DOMAIN is {settings.SITE_DOMAIN!r}.",
            hint="Set SITE_DOMAIN to the public host name (news.example.org): canonical links, "
            "feeds, sitemaps and e-mails are built from it (it is written to the Sites framework "
            "by `manage.py migrate`).",
            id="safeguards.E003",
        )
    ]


@register("newsdesk_production")
def errors_reported(app_configs, **kwargs):
    if settings.DEBUG or settings.ADMINS or settings.ERROR_REPORTING == "logging":
        return []
    return [
        Error(
            "Server errors would be reported to nobody: ADMINS is empty.",
            hint="Set ADMINS (e-mail addresses that receive each server error), or "
            "ERROR_REPORTING=logging when your log collector alerts on errors.",
            id="safeguards.E004",
        )
    ]


def refuse_unsafe_production_settings():
    """Raise at start-up (wsgi.py) when any of the checks above fails."""
    from django.core import checks
    from django.core.exceptions import ImproperlyConfigured

    errors = [
        message
        for message in checks.run_checks(tags=["newsdesk_production"])
        if message.is_serious() and not message.is_silenced()
    ]
    if errors:
        raise ImproperlyConfigured("\n".join(str(message) for message in errors))
