"""WSGI entry point: `gunicorn newsdesk.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
# Requests get the database statement time limit (settings: DATABASE_STATEMENT_TIMEOUT_MS);
# management commands (migrate on a large table, generate_archive) do not.
os.environ["NEWSDESK_SERVING_REQUESTS"] = "1"

application = get_wsgi_application()
