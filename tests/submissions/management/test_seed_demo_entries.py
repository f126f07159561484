from __future__ import annotations

import io
import re
from collections import Counter
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from prize_portal.accounts.models import User
from prize_portal.audit.models import AuditEvent
from prize_portal.outbox.models import OutboxMessage
from submissions.enums import EntryStatus
from submissions.models import Attachment, Entry, Organisation, Submission
from submissions.selectors import entry_missing

# Transactional: the receipts are queued on commit, as in `make run`.
pytestmark = pytest.mark.django_db(transaction=True)


def _seed(**options: Any) -> str:
    out = io.StringIO()
    call_command("seed_demo_entries", stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def prize(settings: Any) -> None:
    settings.DEBUG = True
    call_command("seed_prize", stdout=io.StringIO())


def test_seed_demo_entries_creates_organisations_entries_and_states(prize: None) -> None:
    output = _seed()

    organisations = Organisation.objects.all()
    assert sorted(organisations.values_list("country", "type")) == [
        ("CO", "city"),
        ("CO", "individual"),
        ("ES", "corporation"),
        ("JP", "institution"),
        ("KE", "institution"),
        ("KR", "city"),
    ]
    assert all(o.memberships.get().user.email.endswith("@demo.sscp.test") for o in organisations)
    entries = Entry.objects.select_related("category", "track")
    assert Counter(e.status for e in entries) == {
        EntryStatus.SUBMITTED: 4,
        EntryStatus.DRAFT: 2,
        EntryStatus.WITHDRAWN: 1,
    }
    assert Counter(e.language for e in entries) == {"es": 3, "en": 2, "ko": 1, "ja": 1}
    assert Counter((e.category.code, e.track.code if e.track else None) for e in entries) == {
        ("project", "human-centricity"): 2,
        ("project", "tech-innovacity"): 2,
        ("leadership", None): 1,
        ("special", None): 2,
    }
    references = sorted(e.reference for e in entries if e.reference)
    assert all(re.fullmatch(r"SSCP-2026-[PLS]-\d{4}", reference) for reference in references)
    assert references == [
        "SSCP-2026-L-0001",
        "SSCP-2026-P-0001",
        "SSCP-2026-P-0002",
        "SSCP-2026-S-0001",
        "SSCP-2026-S-0002",
    ]
    # Non-English entries carry their text in both languages.
    assert all(e.title_original and e.summary_original for e in entries if e.language != "en")

    # Drafts: one complete and ready to submit, one still missing answers.
    drafts = sorted((e.language, sorted(entry_missing(e))) for e in entries if e.status == EntryStatus.DRAFT)
    assert drafts[0][0] == "en"
    assert "answer-design" in drafts[0][1]
    assert drafts[1] == ("es", [])

    resubmitted = Entry.objects.get(reference="SSCP-2026-P-0001")
    assert resubmitted.language == "ko"
    assert list(resubmitted.submissions.values_list("number", flat=True)) == [2, 1]
    first, second = resubmitted.submissions.order_by("number")
    assert (first.content["answers"]["beneficiaries"], second.content["answers"]["beneficiaries"]) == (6200, 6850)
    # A co-funded city says who shares the budget; a self-funded one is not asked.
    assert (second.content["answers"]["funding"], second.content["answers"]["budget-source"][:8]) == (
        "co-funded",
        "가람시 70%,",
    )
    assert [(a["name"], a["type"]) for a in second.content["attachments"]] == [
        ("디지털 동행 도우미 연차보고서 2025.pdf", "application/pdf"),
        ("참여 어르신 분기별 현황.png", "image/png"),
    ]
    attachments = list(Attachment.objects.order_by("pk"))
    assert [(a.entry_id, a.content_type, a.question.code if a.question else None) for a in attachments] == [
        (resubmitted.pk, "application/pdf", "supporting-documents"),
        (resubmitted.pk, "image/png", "supporting-documents"),
    ]
    assert attachments[0].file.read().startswith(b"%PDF-1.4")
    assert attachments[1].thumbnail

    withdrawn = Entry.objects.get(status=EntryStatus.WITHDRAWN)
    assert (withdrawn.reference, withdrawn.category.code, withdrawn.submissions.count()) == (
        "SSCP-2026-S-0001",
        "special",
        1,
    )

    # Every step happened inside the application window, through the services.
    cycle = resubmitted.cycle
    assert all(
        cycle.applications_open_at <= s.submitted_at < cycle.applications_close_at for s in Submission.objects.all()
    )
    assert Submission.objects.count() == 6
    assert AuditEvent.objects.filter(action="entry.submit").count() == 6
    assert AuditEvent.objects.filter(action="entry.withdraw").count() == 1
    assert OutboxMessage.objects.filter(template="submissions/email/receipt").count() == 6

    assert "Created 6 demo organisations and 7 entries." in output
    assert "Demo applicant logins (password: demo-password-2026):" in output
    assert "  garam@demo.sscp.test           Garam City\n      SSCP-2026-P-0001   Submitted  ko" in output
    garam = User.objects.get(email="garam@demo.sscp.test")
    assert (garam.language, garam.check_password("demo-password-2026")) == ("ko", True)


def test_seed_demo_entries_second_run_creates_nothing(prize: None) -> None:
    _seed()
    counts = [model.objects.count() for model in (User, Organisation, Entry, Submission, Attachment, OutboxMessage)]

    output = _seed()

    assert [model.objects.count() for model in (User, Organisation, Entry, Submission, Attachment, OutboxMessage)] == (
        counts
    )
    assert output.startswith("The demo entries exist already; nothing changed.\n")
    assert "SSCP-2026-S-0001   Withdrawn" in output


def test_seed_demo_entries_refused_without_debug(settings: Any) -> None:
    call_command("seed_prize", stdout=io.StringIO())
    settings.DEBUG = False

    with pytest.raises(CommandError, match="quick start only"):
        _seed()

    assert Organisation.objects.count() == 0
    assert "Created 6 demo organisations" in _seed(force=True)


def test_seed_demo_entries_needs_the_2026_edition(settings: Any) -> None:
    settings.DEBUG = True

    with pytest.raises(CommandError, match=r"run `manage\.py seed_prize` first"):
        _seed()

    assert User.objects.count() == Organisation.objects.count() == 0
