"""The quick start's demo edition takes applications on any day `make run` runs,
and production's 2026 edition keeps its real dates."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from categories.enums import CycleStatus
from categories.models import Category, Cycle, Question
from categories.services import DEMO_YEAR, demo_window, seed_demo_edition, seed_prize_2026

pytestmark = pytest.mark.django_db

DECEMBER = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)


def _open_at(cycle: Cycle, moment: datetime) -> bool:
    return cycle.applications_open_at <= moment < cycle.applications_close_at


def test_demo_window_is_seoul_days_around_today() -> None:
    window = demo_window(date(2026, 12, 2))
    assert window.applications_open_at.isoformat() == "2026-11-18T00:00:00+09:00"
    assert window.applications_close_at.isoformat() == "2027-02-15T23:59:00+09:00"
    assert window.judging_starts_at > window.applications_close_at
    assert window.ceremony_at > window.judging_starts_at


def test_the_demo_edition_is_created_open_with_the_seed_content() -> None:
    seed_prize_2026()
    demo = seed_demo_edition(now=DECEMBER)
    assert demo.outcome == "created"
    cycle = demo.cycle
    assert (cycle.year, cycle.status) == (DEMO_YEAR, CycleStatus.ANNOUNCED)
    assert _open_at(cycle, DECEMBER)
    assert cycle.name_en == "Seoul Smart City Prize 2027"
    assert cycle.name_ja == "ソウルスマートシティ賞 2027"
    assert "2026" not in "".join(getattr(cycle, f"name_{code}") for code in ("en", "ko", "ja", "zh_hans", "es", "fr"))
    real = Cycle.objects.get(year=2026)
    assert real.applications_close_at.isoformat() == "2026-05-29T14:59:00+00:00"  # untouched
    assert Category.objects.filter(cycle=cycle).count() == Category.objects.filter(cycle=real).count() == 3
    assert (
        Question.objects.filter(category__cycle=cycle).count() == Question.objects.filter(category__cycle=real).count()
    )
    source = Question.objects.get(category__cycle=cycle, category__code="project", code="budget-source")
    assert (source.shown_if.code, source.shown_if.category_id, source.shown_if_values) == (
        "funding",
        source.category_id,
        ["co-funded"],
    )


def test_run_again_within_the_window_changes_nothing() -> None:
    first = seed_demo_edition(now=DECEMBER).cycle
    again = seed_demo_edition(now=DECEMBER + timedelta(days=7))
    assert again.outcome == "unchanged"
    again.cycle.refresh_from_db()
    assert again.cycle.applications_close_at == first.applications_close_at
    assert Cycle.objects.filter(year=DEMO_YEAR).count() == 1


@pytest.mark.parametrize("days_later", [50, 400])
def test_run_near_or_after_the_deadline_moves_the_window_and_keeps_the_content(days_later: int) -> None:
    cycle = seed_demo_edition(now=DECEMBER).cycle
    category_ids = set(Category.objects.filter(cycle=cycle).values_list("pk", flat=True))
    later = DECEMBER + timedelta(days=days_later)
    moved = seed_demo_edition(now=later)
    assert moved.outcome == "moved"
    cycle.refresh_from_db()
    assert _open_at(cycle, later)
    assert cycle.applications_close_at - later > timedelta(days=60)
    assert set(Category.objects.filter(cycle=cycle).values_list("pk", flat=True)) == category_ids


def test_a_demo_edition_staff_archived_is_opened_again() -> None:
    cycle = seed_demo_edition(now=DECEMBER).cycle
    Cycle.objects.filter(pk=cycle.pk).update(status=CycleStatus.ARCHIVED)
    assert seed_demo_edition(now=DECEMBER).outcome == "moved"
    cycle.refresh_from_db()
    assert cycle.status == CycleStatus.ANNOUNCED


@override_settings(DEBUG=True)
def test_command_says_what_it_did_and_where_to_apply() -> None:
    out = io.StringIO()
    call_command("seed_demo_edition", stdout=out)
    assert out.getvalue().startswith(f"Demo edition {DEMO_YEAR} created: applications close ")
    assert "/en/entries/new/" in out.getvalue()
    out = io.StringIO()
    call_command("seed_demo_edition", stdout=out)
    assert f"Demo edition {DEMO_YEAR} open already" in out.getvalue()


@override_settings(DEBUG=False)
def test_command_refuses_outside_the_quick_start() -> None:
    with pytest.raises(CommandError, match="quick start only"):
        call_command("seed_demo_edition")
    assert not Cycle.objects.exists()
