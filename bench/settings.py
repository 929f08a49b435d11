"""Production settings plus one bare view, so both are served by the same gunicorn."""

from newsdesk.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
