"""Settings for the test suite: the real settings, with what tests must not depend on pinned down.

DATABASE_URL still comes from the environment, so the same suite runs on SQLite and PostgreSQL.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-suite-only-key-not-secret-0123456789abcdefghijklmnop")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
# The suite runs on the database connection that serving requests uses (prepared statements).
os.environ.setdefault("DATABASE_PREPARED_STATEMENTS", "true")

from newsdesk.settings import *  # noqa: E402,F403

# The manifest needs collectstatic; tests check pages, not hashed file names.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
    "template_fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "fragments",
    },
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The suite runs with DEBUG off on per-process caches and locmem e-mail on purpose; the
# production checks themselves are tested with these settings overridden (tests/hardening).
SILENCED_SYSTEM_CHECKS = [
    "safeguards.E001",
    "safeguards.E002",
    "safeguards.E003",
    "safeguards.E004",
]
# Most tests sign staff in with force_login; the two-factor tests turn this on themselves.
STAFF_TWO_FACTOR_REQUIRED = False

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not Django's shared in-memory database: in shared-cache mode SQLite answers a second
    # writer "database table is locked" at once, ignoring the busy timeout, and the live server
    # then shares one connection object between its request threads. A file gives every thread
    # its own connection that waits for the lock as production does. One file per run, so
    # checkouts testing side by side never meet; Django deletes it at the end.
    import tempfile

    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"newsdesk-test-{os.getpid()}.sqlite3")
    }

# No presence heartbeats unless a test asks for them: a request still in flight when a
# transactional test ends could deadlock PostgreSQL's flush (TRUNCATE) of the tables it reads.
PRESENCE_HEARTBEAT_SECONDS = 0
