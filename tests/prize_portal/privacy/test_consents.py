"""Recording answers: only changes are written, a required item cannot be
refused, an optional one takes effect at once, a new version asks again, and
the record cannot be rewritten."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction

from prize_portal.accounts.models import User
from prize_portal.privacy.enums import ConsentRole, ConsentSource
from prize_portal.privacy.models import Consent, Text
from prize_portal.privacy.selectors import consent_given, consents_asked, consents_due
from prize_portal.privacy.services.consents import consents_record
from prize_portal.privacy.services.texts import text_new_version, text_publish, texts_seed
from prize_portal.privacy.signals import consent_changed
from tests.factories import answer_consents, make_user
from tests.services import service_missing

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("privacy_texts")]

APPLICANT_CODES = ["privacy-notice", "applicant-data", "transfer-abroad", "training-provider", "reminder-emails"]


def _answers(user: User) -> list[tuple[str, bool, str, str]]:
    rows = Consent.objects.filter(user=user).order_by("created_at", "pk")
    return [(row.code, row.given, row.role, row.source) for row in rows]


def _sign_up_answers(**optional: bool) -> dict[str, bool]:
    answers = {"privacy-notice": True, "applicant-data": True}
    answers |= {"transfer-abroad": False, "training-provider": False, "reminder-emails": False} | {
        code.replace("_", "-"): given for code, given in optional.items()
    }
    return answers


def test_an_applicant_is_asked_the_notice_then_required_then_optional_items() -> None:
    asked = consents_asked(None, roles=[ConsentRole.APPLICANT])
    assert [item.text.code for item in asked] == APPLICANT_CODES
    assert [item.text.required for item in asked] == [True, True, False, False, False]
    assert all(item.due and item.answer is None for item in asked)


def test_each_role_is_asked_its_own_items() -> None:
    def codes(role: ConsentRole) -> list[str]:
        return [item.text.code for item in consents_asked(None, roles=[role])][1:]

    assert codes(ConsentRole.JUDGE) == ["judge-data", "reminder-emails", "judge-profile"]
    assert codes(ConsentRole.COLLABORATOR) == [
        "collaborator-data",
        "transfer-abroad",
        "training-provider",
        "reminder-emails",
    ]
    assert codes(ConsentRole.DELEGATE) == ["delegate-data", "training-provider", "delegate-needs"]
    assert codes(ConsentRole.NOMINEE) == ["nominee-data", "transfer-abroad", "training-provider"]


def test_answers_are_recorded_with_the_notice_version_role_and_source() -> None:
    user = make_user(email="kim@seoul.example")
    written = consents_record(
        user=user,
        answers=_sign_up_answers(reminder_emails=True),
        source=ConsentSource.SIGN_UP,
        role=ConsentRole.APPLICANT,
    )

    notice = Text.objects.get(code="privacy-notice")
    assert len(written) == 5
    assert {row.notice_id for row in written} == {notice.pk}
    assert _answers(user) == [
        (code, given, "applicant", "sign_up") for code, given in _sign_up_answers(reminder_emails=True).items()
    ]
    user.refresh_from_db()
    assert (user.reminder_emails, user.transfer_abroad, user.share_with_training) == (True, False, False)
    assert consents_due(user) == []


def test_answering_the_same_again_writes_nothing() -> None:
    user = make_user(email="kim@seoul.example")
    consents_record(user=user, answers=_sign_up_answers(), source=ConsentSource.SIGN_UP)
    again = consents_record(user=user, answers=_sign_up_answers(), source=ConsentSource.CONSENTS_PAGE)
    assert again == []
    assert Consent.objects.filter(user=user).count() == 5


def test_a_required_item_cannot_be_refused_and_nothing_is_saved() -> None:
    user = make_user(email="kim@seoul.example")
    answers = _sign_up_answers(reminder_emails=True) | {"applicant-data": False}
    with pytest.raises(ValidationError) as raised:
        consents_record(user=user, answers=answers, source=ConsentSource.SIGN_UP)
    assert raised.value.code == "required"
    assert "cannot be refused" in raised.value.messages[0]
    assert Consent.objects.filter(user=user).count() == 0


def test_an_unknown_code_is_refused() -> None:
    user = make_user(email="kim@seoul.example")
    with pytest.raises(ValidationError) as raised:
        consents_record(user=user, answers={"no-such-item": True}, source=ConsentSource.CONSENTS_PAGE)
    assert raised.value.code == "unknown_text"


def test_withdrawing_takes_effect_at_once_and_is_signalled() -> None:
    user = make_user(email="kim@seoul.example")
    answer_consents(user)
    heard: list[tuple[str, bool]] = []

    def listener(*, code: str, given: bool, **kwargs: Any) -> None:
        heard.append((code, given))

    consent_changed.connect(listener)
    try:
        consents_record(
            user=user,
            answers={"training-provider": False, "transfer-abroad": False, "reminder-emails": True},
            source=ConsentSource.CONSENTS_PAGE,
        )
    finally:
        consent_changed.disconnect(listener)

    assert heard == [("training-provider", False), ("transfer-abroad", False)]  # reminders did not change
    user.refresh_from_db()
    assert (user.reminder_emails, user.transfer_abroad, user.share_with_training) == (True, False, False)
    assert consent_given(user, "training-provider") is False
    assert [row[:2] for row in _answers(user)][-2:] == [("training-provider", False), ("transfer-abroad", False)]


def test_a_new_notice_version_asks_everything_again() -> None:
    user = make_user(email="kim@seoul.example")
    answer_consents(user)
    assert consents_due(user) == []
    notice = Text.objects.get(code="privacy-notice")
    draft = text_new_version(text_id=notice.pk, actor=None)
    assert (draft.version, draft.is_published, draft.body_ko) == (2, False, notice.body_ko)  # type: ignore[attr-defined]
    assert consents_due(user) == []  # a draft asks nobody

    text_publish(text_id=draft.pk, actor=None)

    due = consents_due(user)
    assert [item.text.code for item in due] == APPLICANT_CODES
    assert all(item.due for item in due)
    consents_record(user=user, answers={item.text.code: True for item in due}, source=ConsentSource.CONSENTS_PAGE)
    assert consents_due(user) == []
    # The optional answers were confirmed under the new notice: a row each, given as before.
    assert Consent.objects.filter(user=user, notice=draft).count() == 5


def test_a_new_version_of_one_item_asks_only_that_item() -> None:
    user = make_user(email="kim@seoul.example")
    answer_consents(user, optional=False)
    item = Text.objects.get(code="training-provider")
    text_publish(text_id=text_new_version(text_id=item.pk, actor=None).pk, actor=None)

    due = [asked.text.code for asked in consents_due(user) if asked.due]
    assert due == ["training-provider"]


def test_publishing_is_idempotent_and_a_superseded_draft_is_refused() -> None:
    notice = Text.objects.get(code="privacy-notice")
    first = text_new_version(text_id=notice.pk, actor=None)
    assert text_new_version(text_id=notice.pk, actor=None).pk == first.pk  # asking twice: the same draft
    text_publish(text_id=first.pk, actor=None)
    published_at = Text.objects.get(pk=first.pk).published_at
    text_publish(text_id=first.pk, actor=None)
    assert Text.objects.get(pk=first.pk).published_at == published_at
    stale = Text.objects.create(kind=notice.kind, code=notice.code, version=0, title_en="An old draft", required=True)
    with pytest.raises(ValidationError, match="newer version"):
        text_publish(text_id=stale.pk, actor=None)


def test_seeding_again_changes_nothing() -> None:
    assert texts_seed() == 0
    assert Text.objects.count() == 12  # the notice, 10 consent items, the judges' declaration
    notice = Text.objects.get(code="privacy-notice")
    assert notice.contact_email == "privacy@localhost"
    for language in ("en", "ko", "ja", "zh_hans", "es", "fr"):
        assert getattr(notice, f"body_{language}").count("## ") == 8, language


def test_a_recorded_answer_cannot_be_saved_again() -> None:
    user = make_user(email="kim@seoul.example")
    answer_consents(user)
    row = Consent.objects.filter(user=user).first()
    assert row is not None
    row.given = not row.given
    with pytest.raises(ValueError, match="append-only"):
        row.save()


def test_the_database_refuses_to_rewrite_or_delete_answers() -> None:
    if connection.vendor != "postgresql":
        service_missing("PostgreSQL is not configured (set DATABASE_URL)")
    user = make_user(email="kim@seoul.example")
    answer_consents(user)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        Consent.objects.filter(user=user).update(given=False)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        Consent.objects.filter(user=user).delete()
    assert Consent.objects.filter(user=user, given=True).count() == 5
