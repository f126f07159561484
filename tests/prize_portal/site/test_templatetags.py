"""The portal's template tags."""

from __future__ import annotations

from datetime import UTC, datetime

from prize_portal.site.templatetags.portal import seoul_time


def test_seoul_time_gives_a_valid_html_datetime_without_microseconds() -> None:
    moment = datetime(2026, 5, 29, 14, 59, 30, 123456, tzinfo=UTC)
    html = str(seoul_time(moment, with_local=False))
    assert html.startswith('<time datetime="2026-05-29T14:59:30+00:00">')
    assert "(Seoul time)</time>" in html
    with_local = str(seoul_time(moment))
    assert with_local.count('"2026-05-29T14:59:30+00:00"') == 2  # the time and its local-time slot
    assert ".123456" not in with_local
