"""The judges' declaration: accepting the version in force, once per cycle; a new version asks again."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from judging.models import Declaration
from judging.services.declarations import declaration_accept
from tests.factories import make_judge, publish_declaration

pytestmark = pytest.mark.django_db


def test_a_judge_accepts_the_version_in_force_once(assignment: Any, judge: Any) -> None:
    text = publish_declaration()
    cycle_id = assignment.round.cycle_id
    first = declaration_accept(judge=judge, cycle_id=cycle_id, text_id=text.pk, language="ko")
    again = declaration_accept(judge=judge, cycle_id=cycle_id, text_id=text.pk, language="ko")
    assert first.pk == again.pk
    assert Declaration.objects.filter(judge=judge).count() == 1
    assert (first.language, first.text_id) == ("ko", text.pk)
    assert first.accepted_at is not None
    with pytest.raises(ValueError, match="never changed"):
        first.save()


def test_an_old_version_is_refused_with_a_clear_message(assignment: Any, judge: Any) -> None:
    old = publish_declaration(1)
    publish_declaration(2)
    with pytest.raises(ValidationError) as caught:
        declaration_accept(judge=judge, cycle_id=assignment.round.cycle_id, text_id=old.pk, language="en")
    assert caught.value.code == "stale"
    assert "new version of the declaration" in caught.value.messages[0]
    assert not Declaration.objects.exists()


def test_someone_who_does_not_judge_in_the_cycle_cannot_accept(assignment: Any) -> None:
    text = publish_declaration()
    outsider = make_judge("outsider@judges.example")
    with pytest.raises(PermissionDenied):
        declaration_accept(judge=outsider, cycle_id=assignment.round.cycle_id, text_id=text.pk, language="en")
    assert not Declaration.objects.exists()


def test_each_cycle_asks_its_own(assignment: Any, judge: Any, staff: Any) -> None:
    from tests.factories.categories import CycleFactory

    text = publish_declaration()
    declaration_accept(judge=judge, cycle_id=assignment.round.cycle_id, text_id=text.pk, language="en")
    other = CycleFactory(year=2031)
    with pytest.raises(PermissionDenied):  # the judge has no round in the other cycle yet
        declaration_accept(judge=judge, cycle_id=other.pk, text_id=text.pk, language="en")
    assert Declaration.objects.filter(judge=judge).count() == 1
