"""The conflicts staff read name the country of a detected conflict in the
active language, whichever language the previous page was in."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from judging.enums import ConflictKind
from judging.selectors.conflicts import round_conflicts
from tests.factories import make_judge, make_round, put_in_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def country_round(project: Any, entry: Any) -> Any:
    """A round where a government entry from a judge's country is a conflict,
    with a Korean judge and the Seoul entry (a city, in Korea)."""
    round_ = make_round(project, country_conflicts=True)
    put_in_round(round_, entry)
    make_judge("kim@univ.example", name="Kim", country="KR")
    return round_


def _country_reasons(round_: Any, language: str) -> list[str]:
    with translation.override(language):
        return [row.reason for row in round_conflicts(round_) if row.kind == ConflictKind.SAME_COUNTRY]


def _reason(language: str, country: str) -> str:
    with translation.override(language):
        return translation.gettext("A government entry from the judge's country (%(country)s).") % {"country": country}


def test_same_country_reason_names_the_country_in_the_active_language(country_round: Any) -> None:
    expected = [("en", "South Korea"), ("ja", "韓国"), ("ko", "대한민국"), ("en", "South Korea")]
    assert [_country_reasons(country_round, language) for language, _name in expected] == [
        [_reason(language, name)] for language, name in expected
    ]
    assert _reason("ja", "韓国") != _reason("en", "韓国")  # the sentence is translated too
