"""
Newsdesk settings, read from the environment (twelve-factor style, via django-environ).

Every variable is documented in README.md. Production refuses to start without SECRET_KEY and
ALLOWED_HOSTS rather than inventing them: a generated key would log everyone out on each deploy,
and a wildcard host would let anyone poison password-reset links.
"""

from datetime import timedelta
from email.utils import getaddresses
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)

if DEBUG:
    # Only `make run` and tests get a fixed key; it never protects anything real.
    SECRET_KEY = env.str("SECRET_KEY", default="django-insecure-local-development-only")
else:
    try:
        SECRET_KEY = env.str("SECRET_KEY")
    except ImproperlyConfigured as missing:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (see README.md, 'Configuration')."
        ) from missing

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # django.contrib.admin, with the two-factor sign-in of safeguards/admin_site.py.
    "safeguards.admin_config.NewsdeskAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Let whitenoise serve static files under runserver too, exactly as in production.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    # PostgreSQL's index operator classes (the image library's trigram search index); on SQLite
    # it does nothing.
    "django.contrib.postgres",
    "taggit",
    "reversion",
    # The article body's rich-text editor: Tiptap/ProseMirror served from our static files.
    "django_prose_editor",
    "django.contrib.flatpages",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # The core first: comments and workflow depend on it (and extend its admin), never the
    # reverse. So do readership, breaking and standards. See docs/architecture.md.
    # The image library sits below the core: articles' lead images and figures use it.
    "images",
    "articles",
    "comments",
    "workflow",
    "readership",
    "breaking",
    "standards",
    "wordpress_import",
    "safeguards",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Security headers on every response, cache hits included (above the page cache).
    "csp.middleware.CSPMiddleware",
    "safeguards.headers.permissions_policy",
    # Compresses what the middleware below it and the views return (HTML, feeds, sitemaps,
    # JSON): above them all, so it sees their final bodies. Whitenoise serves static files
    # precompressed, above it. Shared pages carry no secret, so BREACH has nothing to find there;
    # Django pads the compressed bodies of the others.
    "django.middleware.gzip.GZipMiddleware",
    # The whole-page cache: before the session and authentication, so that a hit reads neither
    # (articles/pagecache.py); the session cookie alone makes a request personal.
    "articles.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "safeguards.two_factor.password_only_sessions_stay_in_the_admin",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "articles.overload.StatementTimeoutMiddleware",
    "comments.middleware.private_for_pending_commenters",
    "workflow.redirects.old_slug_redirects",
    # After authentication, as django-axes requires: answers locked-out sign-ins with its page.
    "axes.middleware.AxesMiddleware",
    # Last: sees the 404 of any address the site does not know, and the old ones it should.
    "wordpress_import.middleware.LegacyAddressMiddleware",
]

ROOT_URLCONF = "newsdesk.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.site_navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "newsdesk.wsgi.application"

# Embedded SQLite by default; PostgreSQL in production through DATABASE_URL, e.g.
# postgres://user:password@host:5432/newsdesk (psycopg 3).
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}")
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers: a deferred transaction that later wants to write cannot wait for the
    # lock (SQLite answers "database is locked" at once); IMMEDIATE takes it at BEGIN, where the
    # busy timeout applies. WAL lets readers go on while one writer commits.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": env.int("SQLITE_BUSY_TIMEOUT", default=20),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
# A health check costs a round trip on every request (about a fifth of a warm article page on
# PostgreSQL here); Django's default is off, and a connection that fails is dropped after the
# error. Turn it on where the database restarts under live traffic.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("CONN_HEALTH_CHECKS", default=False)
# No statement may hold a worker up to the worker's own timeout (gunicorn's default is 30 s):
# PostgreSQL cancels it first and the page answers 503 with Retry-After (articles/overload.py).
# Only when serving requests (newsdesk/wsgi.py, asgi.py say so): a migration on a large table
# or generate_archive may rightly run longer.
DATABASE_STATEMENT_TIMEOUT_MS = env.int("DATABASE_STATEMENT_TIMEOUT_MS", default=10_000)
if (
    DATABASES["default"]["ENGINE"].endswith("postgresql")
    and DATABASE_STATEMENT_TIMEOUT_MS
    and env.bool("NEWSDESK_SERVING_REQUESTS", default=False)
):
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT_MS}"
    )
# Prepared statements: a reader page runs the same dozen queries again and again, and planning
# them (joins of four or five tables) cost PostgreSQL more than running them: 4.6 ms of planning
# against 0.8 ms of execution for a category page's list. With the parameters sent apart from
# the SQL (server-side binding), psycopg prepares a query on a connection the second time it
# sees it, and PostgreSQL plans it once. When serving requests only (as the statement timeout):
# a statement then takes at most 65,535 parameters, which a management command writing in bulk
# (the WordPress import, generate_archive) has no reason to mind. Turn off behind a pooler in
# transaction mode that cannot keep prepared statements (PgBouncer before 1.21).
DATABASE_PREPARED_STATEMENTS = env.bool(
    "DATABASE_PREPARED_STATEMENTS", default=env.bool("NEWSDESK_SERVING_REQUESTS", default=False)
)
if DATABASES["default"]["ENGINE"].endswith("postgresql") and DATABASE_PREPARED_STATEMENTS:
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"server_side_binding": True, "prepare_threshold": 2}
    )
    # Django's backend, with bulk writes cut to that limit of parameters per statement.
    DATABASES["default"]["ENGINE"] = "newsdesk.postgresql"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# CACHE_URL: redis://127.0.0.1:6379/1 in production; per-process memory otherwise.
CACHES = {
    "default": env.cache_url("CACHE_URL", default="locmemcache://newsdesk"),
    # Rendered page fragments ({% cache %} uses this alias): kept in each process's memory, so
    # a warm page costs no network round trip per fragment. Every key carries the content
    # version, which lives in the shared default cache, so an edit reaches every process at once.
    "template_fragments": env.cache_url(
        "FRAGMENT_CACHE_URL", default="locmemcache://newsdesk-fragments"
    ),
}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # The same backend, without a new client object per operation (newsdesk/redis_cache.py).
    CACHES["default"]["BACKEND"] = "newsdesk.redis_cache.ReusedClientRedisCache"
CACHES["template_fragments"].setdefault("OPTIONS", {}).setdefault(
    "MAX_ENTRIES", env.int("FRAGMENT_CACHE_MAX_ENTRIES", default=5000)
)

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Newsdesk <newsdesk@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Staff sign-in (README, "Staff sign-in"). django-axes counts failed sign-ins per account and per
# address and locks each for a cool-off period; its backend must come first.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
# Locked: the account (from any address) and the address (for any account), separately.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# Editors and superusers must sign in with a second factor (TOTP, with recovery codes).
STAFF_TWO_FACTOR_REQUIRED = env.bool("STAFF_TWO_FACTOR_REQUIRED", default=not DEBUG)
OTP_TOTP_ISSUER = env.str("SITE_NAME", default="Newsdesk")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True
SITE_ID = 1
# The public host name readers use (news.example.org). `manage.py migrate` writes it to the Sites
# framework, from which canonical links, feeds, sitemaps and e-mails are built; production refuses
# to start without it (safeguards/checks.py).
SITE_DOMAIN = env.str("SITE_DOMAIN", default="localhost:8000" if DEBUG else "")

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed names: far-future caching is safe because each change gets a new URL.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Security. Defaults are the strict production values; `make run` relaxes them through DEBUG.
# https://docs.djangoproject.com/en/5.2/howto/deployment/checklist/
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if env.bool("BEHIND_TLS_PROXY", default=False):
    # Only behind a proxy that strips and sets this header itself; otherwise clients could forge it.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (django-csp): everything from this origin, no inline script anywhere,
# no plugins, no <base> rewriting, never framed. Article bodies may show images from other sites
# (wire photos pasted by editors), hence https: for images only. The admin works under the same
# policy because every script and style it loads is a file from STATIC_URL.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "https:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
# Browser features no page of the site uses, denied to every page and frame.
PERMISSIONS_POLICY_DENIED = [
    "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope",
    "magnetometer", "microphone", "midi", "payment", "usb", "browsing-topics",
]  # fmt: skip

# Where server errors go. ADMINS: "Name <address>" entries, comma-separated, each mailed every
# server error. ERROR_REPORTING=logging instead declares that the log collector alerts on them.
ADMINS = [
    (name or address, address)
    for name, address in getaddresses(env.list("ADMINS", default=[]))
    if address
]
ERROR_REPORTING = env.str("ERROR_REPORTING", default="admins")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "loggers": {
        "django.request": {
            "handlers": ["console", "mail_admins"],
            "level": "ERROR",
            "propagate": False,
        },
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# Seconds between an open article form's "I have it open" (workflow/presence.py); a name goes
# after three missed beats.
PRESENCE_HEARTBEAT_SECONDS = env.int("PRESENCE_HEARTBEAT_SECONDS", default=15)

# Newsdesk's own settings.
NEWSDESK = {
    "SITE_NAME": env.str("SITE_NAME", default="Newsdesk"),
    "SITE_TAGLINE": env.str("SITE_TAGLINE", default="Defence and security news"),
    "RELATED_ARTICLES_COUNT": env.int("RELATED_ARTICLES_COUNT", default=4),
    "PAGE_SIZE": env.int("PAGE_SIZE", default=12),
    # Fragments shared by all readers (navigation, article body); every edit invalidates them.
    "FRAGMENT_CACHE_SECONDS": env.int("FRAGMENT_CACHE_SECONDS", default=300),
    # Feeds carry the whole article (content:encoded / Atom content), not only the standfirst.
    "FEED_FULL_TEXT": env.bool("FEED_FULL_TEXT", default=False),
    # Whole reader pages for anonymous readers, in the shared cache (CACHES[PAGE_CACHE_ALIAS]):
    # kept at most this many seconds (0: off); a change outdates the pages showing it at once.
    "PAGE_CACHE_SECONDS": env.int("PAGE_CACHE_SECONDS", default=600),
    "PAGE_CACHE_ALIAS": "default",
    # Each process also keeps its most recently served pages (checked against the shared tag
    # versions before use, so never stale): a hit then costs one round trip to the cache.
    "PAGE_CACHE_MEMORY_ENTRIES": env.int("PAGE_CACHE_MEMORY_ENTRIES", default=300),
    # Their HTTP caching: browsers keep a page PAGE_MAX_AGE seconds, a cache in front of the
    # site (nginx, a CDN) PAGE_S_MAXAGE, the lag between a change and its readers behind it;
    # either may serve a page that old for PAGE_STALE_WHILE_REVALIDATE more while it asks again.
    "PAGE_MAX_AGE": env.int("PAGE_MAX_AGE", default=10),
    "PAGE_S_MAXAGE": env.int("PAGE_S_MAXAGE", default=30),
    "PAGE_STALE_WHILE_REVALIDATE": env.int("PAGE_STALE_WHILE_REVALIDATE", default=30),
    # How long a shared preview link (signed, no account needed) keeps working, in seconds.
    "PREVIEW_LINK_MAX_AGE": env.int("PREVIEW_LINK_MAX_AGE", default=3 * 24 * 3600),
    # Editors and writers get at most one workflow e-mail per this many minutes (the rest waits
    # for the next step or for `manage.py notify_desk` from cron), as moderators do.
    "WORKFLOW_NOTIFY_INTERVAL_MINUTES": env.int("WORKFLOW_NOTIFY_INTERVAL_MINUTES", default=5),
    # Expensive pages (search, sitemaps): how many may be built at once across the site (keep
    # it below the number of workers; 0: no limit), and their statements' time limit in ms.
    "EXPENSIVE_PAGES_AT_ONCE": env.int("EXPENSIVE_PAGES_AT_ONCE", default=4),
    "EXPENSIVE_STATEMENT_TIMEOUT_MS": env.int("EXPENSIVE_STATEMENT_TIMEOUT_MS", default=3_000),
    # The Retry-After of a 503 from those limits, in seconds.
    "RETRY_AFTER_SECONDS": env.int("RETRY_AFTER_SECONDS", default=5),
    # The Retry-After of the 503 page readers get while the database is down or read-only.
    "OUTAGE_RETRY_AFTER_SECONDS": env.int("OUTAGE_RETRY_AFTER_SECONDS", default=30),
}

# Reader comments (the comments app, design in docs/comments.md). Every threshold is read when
# used, so tests and deployments can change it; the environment variables are listed in README.md.
NEWSDESK_COMMENTS = {
    # Length limits of the form's fields, in characters.
    "NAME_MAX_LENGTH": env.int("COMMENTS_NAME_MAX_LENGTH", default=80),
    "EMAIL_MAX_LENGTH": 254,  # RFC 5321's limit; not worth configuring
    "BODY_MAX_LENGTH": env.int("COMMENTS_BODY_MAX_LENGTH", default=5000),
    # The signed form timestamp: faster than MIN seconds is a robot, older than MAX is stale.
    "MIN_SECONDS": env.int("COMMENTS_MIN_SECONDS", default=3),
    "MAX_FORM_AGE_SECONDS": env.int("COMMENTS_MAX_FORM_AGE_SECONDS", default=2 * 24 * 3600),
    # More links than this makes a comment a spam suspect (held in the queue, never shown).
    "MAX_LINKS": env.int("COMMENTS_MAX_LINKS", default=2),
    # Per-IP flood limit through the cache: at most LIMIT posts per WINDOW seconds.
    "FLOOD_LIMIT": env.int("COMMENTS_FLOOD_LIMIT", default=5),
    "FLOOD_WINDOW_SECONDS": env.int("COMMENTS_FLOOD_WINDOW_SECONDS", default=60),
    # Token endpoint (comments.js fetches a CSRF token and a one-use form timestamp): at most
    # this many requests per address per FLOOD_WINDOW_SECONDS.
    "TOKEN_LIMIT": env.int("COMMENTS_TOKEN_LIMIT", default=60),
    # Comments close automatically this many days after publication (0: never). Never under
    # DEBUG, so `make run` shows the form on the seed articles, which are from 2024.
    "CLOSE_AFTER_DAYS": env.int("COMMENTS_CLOSE_AFTER_DAYS", default=0 if DEBUG else 30),
    # Replies to replies, up to this depth (1: no replies at all).
    "MAX_DEPTH": env.int("COMMENTS_MAX_DEPTH", default=3),
    # Top-level comments (each with its replies) per page of an article's comments.
    "THREADS_PER_PAGE": env.int("COMMENTS_THREADS_PER_PAGE", default=50),
    # ...and a page ends earlier, before a thread that would take it past this many comments
    # (a thread is never cut: one longer than this is a page of its own).
    "COMMENTS_PER_PAGE": env.int("COMMENTS_PER_PAGE", default=120),
    # How long a browser is shown its own pending comments (signed cookie lifetime).
    "PENDING_COOKIE_DAYS": env.int("COMMENTS_PENDING_COOKIE_DAYS", default=14),
    # Moderators get at most one email per this many minutes; extra recipients besides the
    # "Moderators" group.
    "NOTIFY_INTERVAL_MINUTES": env.int("COMMENTS_NOTIFY_INTERVAL_MINUTES", default=15),
    "NOTIFY_EMAILS": env.list("COMMENTS_NOTIFY_EMAILS", default=[]),
    # IP addresses and user agents are purged after this many days (purge_comment_metadata).
    "METADATA_RETENTION_DAYS": env.int("COMMENTS_METADATA_RETENTION_DAYS", default=90),
    # Proxies in front of the site that append to X-Forwarded-For (0: use REMOTE_ADDR).
    "TRUSTED_PROXY_COUNT": env.int("COMMENTS_TRUSTED_PROXY_COUNT", default=0),
}
# A comment POST without a valid token re-shows the form with the text kept and a fresh token;
# every other CSRF failure gets Django's own page.
CSRF_FAILURE_VIEW = "comments.views.csrf_failure"

# The image library (the images app). Uploads larger than this many bytes or pixels are refused;
# readers get renditions (resized copies, WebP with a JPEG fallback) at these widths, never wider
# than the original. Quality is each encoder's 0-100 scale.
NEWSDESK_IMAGES = {
    "MAX_UPLOAD_BYTES": env.int("IMAGES_MAX_UPLOAD_BYTES", default=20 * 1024 * 1024),
    "MAX_PIXELS": env.int("IMAGES_MAX_PIXELS", default=50_000_000),
    "WIDTHS": [160, 320, 480, 640, 800, 960, 1280, 1920],
    "WEBP_QUALITY": env.int("IMAGES_WEBP_QUALITY", default=72),
    "JPEG_QUALITY": env.int("IMAGES_JPEG_QUALITY", default=78),
}
