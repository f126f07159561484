"""A person's own time zone, for e-mails that give a time in Seoul and in
the recipient's time.

The zone comes from the person's profile when they chose one, otherwise from
their country: the first zone the IANA database lists for it (``zone.tab``,
shipped by the ``tzdata`` package, so the table does not depend on the
operating system). For a country spanning several zones that is its main
one; the profile lets the person correct it.
"""

from datetime import datetime
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo, available_timezones

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _


@cache
def _country_zones() -> dict[str, str]:
    table = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    zones: dict[str, str] = {}
    for line in table.splitlines():
        if not line or line.startswith("#"):
            continue
        country, _coordinates, zone, *_comment = line.split("\t")
        zones.setdefault(country.upper(), zone)
    return zones


@cache
def zone_names() -> frozenset[str]:
    return frozenset(available_timezones())


def zone_choices() -> list[tuple[str, str]]:
    """Every IANA zone, by its key, grouped as the keys are (Asia/Seoul)."""
    names = sorted(name for name in zone_names() if "/" in name and not name.startswith(("Etc/", "SystemV/")))
    return [(name, name.replace("_", " ")) for name in names]


def country_zone(country: object) -> str | None:
    """The main time zone of a country (an ISO 3166 code or a Country)."""
    code = str(getattr(country, "code", country) or "").upper()
    return _country_zones().get(code)


def person_zone(chosen: str, country: object = None) -> str:
    """The zone a person's times are given in: their choice, else their
    country's, else Seoul's."""
    if chosen and chosen in zone_names():
        return chosen
    return country_zone(country) or settings.PRIZE_TIME_ZONE


def zone_label(zone: str) -> str:
    """A zone as people read it: its city (Europe/Paris → Paris)."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def both_times_text(moment: datetime, zone: str) -> str:
    """A moment in Seoul time and, when it differs, in ``zone`` (e-mails),
    written the active language's way."""
    seoul = ZoneInfo(settings.PRIZE_TIME_ZONE)
    in_seoul = timezone.localtime(moment, seoul)
    text = _("%(datetime)s (Seoul time)") % {"datetime": date_format(in_seoul, "DATETIME_FORMAT")}
    there = timezone.localtime(moment, ZoneInfo(zone))
    if there.utcoffset() == in_seoul.utcoffset():
        return text
    return _("%(seoul)s, that is %(local)s in %(place)s") % {
        "seoul": text,
        "local": date_format(there, "DATETIME_FORMAT"),
        "place": zone_label(zone),
    }
