"""Production settings plus one bare view, so both are served by the same gunicorn."""

from newsdesk.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

# The bench measures one machine's speed with per-process caches and no mail, on purpose; the
# production checks (safeguards/checks.py) are about real deployments.
SILENCED_SYSTEM_CHECKS = [
    "safeguards.E001",
    "safeguards.E002",
    "safeguards.E003",
    "safeguards.E004",
]
