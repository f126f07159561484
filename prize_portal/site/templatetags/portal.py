from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from prize_portal.site.times import seoul_text
from prize_portal.site.translations import shown_language, shown_text

register = template.Library()


@register.simple_tag
def seoul_time(value: datetime | None, with_local: bool = True) -> SafeString | str:
    """A moment in Seoul time, with a slot the browser fills with local time."""
    if value is None:
        return ""
    text = _("%(datetime)s (Seoul time)") % {"datetime": seoul_text(value)}
    # HTML's datetime takes at most milliseconds; the page shows minutes anyway.
    machine = value.replace(microsecond=0).isoformat()
    if not with_local:
        return format_html('<time datetime="{}">{}</time>', machine, text)
    return format_html(
        '<time datetime="{}" data-local-time>{}</time><span class="local-time" data-local-time-for="{}" hidden></span>',
        machine,
        text,
        machine,
    )


@register.simple_tag
def time_left(deadline: datetime, now: datetime | None = None) -> str:
    """'12 days, 3 hours left' — the server's countdown; JavaScript refreshes it."""
    now = now or timezone.now()
    seconds = int((deadline - now).total_seconds())
    if seconds <= 0:
        return _("The deadline has passed.")
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        return _("%(days)s, %(hours)s left") % {
            "days": ngettext("%(n)d day", "%(n)d days", days) % {"n": days},
            "hours": ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours},
        }
    return _("%(hours)s, %(minutes)s left") % {
        "hours": ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours},
        "minutes": ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes},
    }


@register.filter
def lang_of(obj: object, field: str) -> str:
    """The language a translated field is shown in (for a ``lang`` attribute)."""
    return shown_language(obj, field)


@register.filter
def shown(obj: object, field: str) -> SafeString:
    """A translated field's text, marked ``lang="en"`` when it falls back to English."""
    return shown_text(obj, field)


@register.filter(is_safe=True)
def one_line(value: str) -> str:
    """The text on one line, runs of white space made single spaces (a
    ``<title>`` built from allauth's indented blocks)."""
    return " ".join(str(value).split())
