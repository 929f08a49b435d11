"""ASGI entry point, for servers such as uvicorn or daphne."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
os.environ["NEWSDESK_SERVING_REQUESTS"] = "1"  # the statement time limit, as in wsgi.py

application = get_asgi_application()

# Neither uvicorn nor daphne runs system checks: production with unsafe settings fails here, as
# under gunicorn (wsgi.py, safeguards/checks.py).
from safeguards.checks import refuse_unsafe_production_settings  # noqa: E402

refuse_unsafe_production_settings()
