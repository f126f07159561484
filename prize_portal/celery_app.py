"""The Celery application: settings come from Django's ``CELERY_*`` settings.

Start a worker with ``celery -A prize_portal.celery_app worker`` and the
scheduler with ``celery -A prize_portal.celery_app beat``.
"""

import os

from celery import Celery

# Like wsgi.py: a worker started without DJANGO_SETTINGS_MODULE runs as in production.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prize_portal.settings.production")

app = Celery("prize_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
