"""WSGI entry point: `gunicorn newsdesk.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
# Requests get the database statement time limit (settings: DATABASE_STATEMENT_TIMEOUT_MS);
# management commands (migrate on a large table, generate_archive) do not.
os.environ["NEWSDESK_SERVING_REQUESTS"] = "1"

application = get_wsgi_application()

# gunicorn runs no system checks by itself: a release with a per-process cache, an e-mail backend
# that sends nothing or no public domain must fail here rather than serve (safeguards/checks.py).
from safeguards.checks import refuse_unsafe_production_settings  # noqa: E402

refuse_unsafe_production_settings()
