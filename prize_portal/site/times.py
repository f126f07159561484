"""Moments as the prize states them: in Seoul time (PRIZE_TIME_ZONE)."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format


def in_seoul(moment: datetime) -> datetime:
    return timezone.localtime(moment, ZoneInfo(settings.PRIZE_TIME_ZONE))


def seoul_text(moment: datetime) -> str:
    """Date and time in Seoul, written the active language's way (e-mails,
    messages; pages use the ``seoul_time`` tag, which adds local time)."""
    return str(date_format(in_seoul(moment), "DATETIME_FORMAT"))
