"""Publishing results: blocked while undecided, embargoed, idempotent,
withdrawable; results e-mails in batches, once per applicant and kind."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from judging.enums import ResultKind
from judging.errors import JudgingError
from judging.models import Feedback, Publication
from judging.selectors.publication import publication_preview, results_mail_progress
from judging.services import publication_publish, publication_take_effect, publication_withdraw
from judging.services.publication import publications_sweep, results_mail_queue_batch
from prize_portal.audit.models import AuditEvent
from prize_portal.outbox.enums import OutboxStatus
from prize_portal.outbox.models import OutboxMessage
from prize_portal.outbox.rendering import render_email
from submissions.enums import EntryStatus
from submissions.models import Entry
from tests.factories import decide_cycle, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish(django_capture_on_commit_callbacks: Any) -> Any:
    """Publish as the staff page does, running what is queued after commit (eager tasks)."""

    def run(**kwargs: Any) -> Publication:
        with django_capture_on_commit_callbacks(execute=True):
            publication = publication_publish(**kwargs)
        publication.refresh_from_db()
        return publication

    return run


def _statuses(*entries: Any) -> list[str]:
    return [Entry.objects.get(pk=entry.pk).status for entry in entries]


def _results_mail() -> list[OutboxMessage]:
    return list(OutboxMessage.objects.filter(template="judging/email/results").order_by("to_email"))


def test_preview_lists_what_is_undecided_and_publishing_is_refused(project: Any, staff: Any) -> None:
    decided = decide_cycle(project, staff, winners=1, finalists=1, lock=False)
    type(project).objects.filter(pk=project.pk).update(award_count=2)
    preview = publication_preview(project.cycle_id)
    assert not preview.ready
    reference = decided.winners[0].reference
    assert preview.gaps == [
        f"{project.name}: 1 of 2 awards decided.",
        f"1 decision is not locked: {reference}.",
    ]
    with pytest.raises(JudgingError) as refused:
        publication_publish(actor=staff, cycle_id=project.cycle_id)
    assert refused.value.messages == preview.gaps
    assert not Publication.objects.exists()
    assert _statuses(*decided.winners) == [EntryStatus.FINALIST]


def test_publish_now_makes_winners_and_mails_every_applicant_once_in_their_language(
    project: Any, staff: Any, django_capture_on_commit_callbacks: Any
) -> None:
    decided = decide_cycle(project, staff, winners=2, finalists=1, others=2)
    korean = decided.winners[1].owner
    type(korean).objects.filter(pk=korean.pk).update(language="ko")
    collaborator = make_user(email="partner@partner.example", language="fr")
    decided.winners[0].collaborators.add(collaborator)
    preview = publication_preview(project.cycle_id)
    assert preview.ready
    assert preview.entries_by_kind == {"winner": 2, "finalist": 1, "not_selected": 2}
    assert preview.recipients == 6

    with django_capture_on_commit_callbacks(execute=True):
        publication = publication_publish(actor=staff, cycle_id=project.cycle_id)
    publication.refresh_from_db()
    assert publication.effective_at is not None
    assert publication.mail_queued_at is not None
    assert _statuses(*decided.winners, *decided.finalists, *decided.others) == [
        EntryStatus.WINNER,
        EntryStatus.WINNER,
        EntryStatus.NOT_SELECTED,
        EntryStatus.NOT_SELECTED,
        EntryStatus.NOT_SELECTED,
    ]
    messages = _results_mail()
    assert [(m.to_email, m.language, m.context["kind"]) for m in messages] == [
        ("applicant0@city0.example", "en", "winner"),
        ("applicant1@city1.example", "ko", "winner"),
        ("applicant2@city2.example", "en", "finalist"),
        ("applicant3@city3.example", "en", "not_selected"),
        ("applicant4@city4.example", "en", "not_selected"),
        ("partner@partner.example", "fr", "winner"),
    ]
    winner = messages[0].context["entries"][0]
    assert (winner["level"], winner["citation"], winner["reference"]) == (
        "Gold",
        "For Project 0.",
        decided.winners[0].reference,
    )
    assert messages[1].context["entries"][0]["level"] == "대상"  # the Korean award level
    assert AuditEvent.objects.filter(action="results.publish").count() == 1
    assert AuditEvent.objects.filter(action="entry.result").count() == 3  # the others were closed earlier

    # A second click changes nothing and sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        again = publication_publish(actor=staff, cycle_id=project.cycle_id)
    assert (again.pk, again.version) == (publication.pk, 1)
    assert len(_results_mail()) == 6
    assert AuditEvent.objects.filter(action="results.publish").count() == 1


def test_results_mail_reads_as_the_result_it_announces(project: Any, staff: Any, publish: Any) -> None:
    project.cycle.ceremony_place_en = "Seoul City Hall"
    project.cycle.ceremony_at = project.cycle.applications_close_at + timedelta(days=120)
    project.cycle.save()
    decided = decide_cycle(project, staff, winners=1, others=1)
    publish(actor=staff, cycle_id=project.cycle_id)
    publication = Publication.objects.get()
    publication_take_effect(publication_id=publication.pk)
    results_mail_queue_batch(publication_id=publication.pk, batch_size=10)
    winner, other = (render_email(message) for message in _results_mail())
    assert winner.subject == "[Seoul Smart City Prize] The 2030 results: congratulations, you have won"
    assert f'{decided.winners[0].reference} "Project 0"' in winner.body
    assert "Award: Gold" in winner.body
    assert "The committee's citation: For Project 0." in winner.body
    assert "Seoul City Hall" in winner.body
    assert "/en/winners/2030/" in winner.body
    assert other.subject == "[Seoul Smart City Prize] The 2030 results"
    assert "did not select it for an award" in other.body
    assert "Award:" not in other.body


def test_feedback_goes_out_only_when_the_cycle_allows_it(project: Any, staff: Any, publish: Any) -> None:
    decided = decide_cycle(project, staff, winners=1, others=1)
    Feedback.objects.create(entry=decided.others[0], text="Show the outcomes with figures.")
    publication = publish(actor=staff, cycle_id=project.cycle_id)
    assert _results_mail()[1].context["entries"][0]["feedback"] == ""

    type(project.cycle).objects.filter(pk=project.cycle_id).update(results_feedback=True)
    OutboxMessage.objects.all().delete()
    results_mail_queue_batch(publication_id=publication.pk, batch_size=10)
    assert _results_mail()[1].context["entries"][0]["feedback"] == "Show the outcomes with figures."


def test_embargoed_results_take_effect_only_when_the_time_comes(project: Any, staff: Any, publish: Any) -> None:
    decided = decide_cycle(project, staff, winners=1, others=1)
    later = timezone.now() + timedelta(hours=2)
    publication = publish(actor=staff, cycle_id=project.cycle_id, visible_from=later)
    assert not publication.is_live()
    assert publication_take_effect(publication_id=publication.pk) is False
    assert results_mail_queue_batch(publication_id=publication.pk, batch_size=10) == -1
    assert publications_sweep() == 0
    assert _statuses(*decided.winners) == [EntryStatus.FINALIST]  # the dashboard shows no result yet
    assert _results_mail() == []

    Publication.objects.filter(pk=publication.pk).update(visible_from=timezone.now() - timedelta(seconds=1))
    assert publications_sweep() == 1  # tasks run eagerly here
    assert _statuses(*decided.winners, *decided.others) == [EntryStatus.WINNER, EntryStatus.NOT_SELECTED]
    assert len(_results_mail()) == 2
    assert publications_sweep() == 0


def test_batches_queue_a_few_at_a_time_and_resume_where_they_stopped(project: Any, staff: Any) -> None:
    decide_cycle(project, staff, winners=1, others=4)
    publication = Publication.objects.create(
        cycle=project.cycle, visible_from=timezone.now(), published_at=timezone.now(), published_by=staff
    )
    publication_take_effect(publication_id=publication.pk)
    assert results_mail_queue_batch(publication_id=publication.pk, batch_size=2) == 3
    assert len(_results_mail()) == 2
    # A worker that died after queueing part of a batch: the next run skips what is queued.
    assert results_mail_queue_batch(publication_id=publication.pk, batch_size=2) == 1
    assert results_mail_queue_batch(publication_id=publication.pk, batch_size=2) == 0
    assert results_mail_queue_batch(publication_id=publication.pk, batch_size=2) == 0
    assert len({m.to_email for m in _results_mail()}) == len(_results_mail()) == 5
    publication.refresh_from_db()
    assert publication.mail_queued_at is not None


def test_an_applicant_with_two_entries_of_one_kind_gets_one_message(project: Any, staff: Any, publish: Any) -> None:
    decided = decide_cycle(project, staff, winners=1, others=2)
    second = decided.others[1]
    Entry.objects.filter(pk=second.pk).update(owner=decided.others[0].owner)
    publish(actor=staff, cycle_id=project.cycle_id)
    others = [m for m in _results_mail() if m.context["kind"] == ResultKind.NOT_SELECTED]
    assert len(others) == 1
    assert [entry["reference"] for entry in others[0].context["entries"]] == [
        decided.others[0].reference,
        second.reference,
    ]


def test_withdrawal_needs_a_reason_restores_statuses_and_stops_the_mail(project: Any, staff: Any, publish: Any) -> None:
    decided = decide_cycle(project, staff, winners=1, finalists=1, others=2)
    publication = Publication.objects.create(
        cycle=project.cycle, visible_from=timezone.now(), published_at=timezone.now(), published_by=staff
    )
    publication_take_effect(publication_id=publication.pk)
    assert _statuses(*decided.winners, *decided.finalists) == [EntryStatus.WINNER, EntryStatus.NOT_SELECTED]
    results_mail_queue_batch(publication_id=publication.pk, batch_size=2)
    sent = _results_mail()[0]
    OutboxMessage.objects.filter(pk=sent.pk).update(status=OutboxStatus.SENT, sent_at=timezone.now())
    with pytest.raises(JudgingError, match="reason"):
        publication_withdraw(actor=staff, cycle_id=project.cycle_id, reason="  ")
    withdrawn = publication_withdraw(actor=staff, cycle_id=project.cycle_id, reason="A name was wrong")
    assert (withdrawn.is_live(), withdrawn.version) == (False, 2)
    assert results_mail_queue_batch(publication_id=publication.pk, batch_size=10) == -1
    assert _results_mail() == [sent]  # what was not sent yet will not be
    # The applicants' dashboards no longer show a result.
    assert _statuses(*decided.winners, *decided.finalists) == [EntryStatus.FINALIST, EntryStatus.FINALIST]
    with pytest.raises(JudgingError, match="not published"):
        publication_withdraw(actor=staff, cycle_id=project.cycle_id, reason="Again")
    assert AuditEvent.objects.get(action="results.withdraw").after["reason"] == "A name was wrong"

    republished = publish(actor=staff, cycle_id=project.cycle_id)
    assert (republished.pk, republished.version, republished.is_live()) == (publication.pk, 3, True)
    assert _statuses(*decided.winners) == [EntryStatus.WINNER]
    assert len({m.dedupe_key for m in _results_mail()}) == len(_results_mail()) == 4  # once each, the sent one too


def test_ineligible_entries_are_not_told_and_a_published_decision_stands(project: Any, staff: Any) -> None:
    from judging.services import award_unlock

    decided = decide_cycle(project, staff, winners=1, others=1)
    Entry.objects.filter(pk=decided.others[0].pk).update(status=EntryStatus.INELIGIBLE)
    assert publication_preview(project.cycle_id).entries_by_kind == {"winner": 1, "finalist": 0, "not_selected": 0}
    publication_publish(actor=staff, cycle_id=project.cycle_id)
    with pytest.raises(JudgingError, match="withdraw them first"):
        award_unlock(actor=staff, award_id=decided.awards[0].pk, reason="Typo")


def test_a_batch_runs_one_chain_at_a_time(project: Any, staff: Any) -> None:
    from judging.services.publication import results_mail_claim_batch

    decide_cycle(project, staff, winners=1)
    publication = publication_publish(actor=staff, cycle_id=project.cycle_id)
    assert results_mail_claim_batch(publication_id=publication.pk) is True
    assert results_mail_claim_batch(publication_id=publication.pk) is False  # a second chain stands back
    later = timezone.now() + timedelta(minutes=1)
    assert results_mail_claim_batch(publication_id=publication.pk, now=later) is True


def test_progress_counts_sent_pending_and_failed(project: Any, staff: Any, publish: Any) -> None:
    decide_cycle(project, staff, winners=1, others=2)
    publish(actor=staff, cycle_id=project.cycle_id)
    first, second, third = _results_mail()
    OutboxMessage.objects.filter(pk=first.pk).update(status=OutboxStatus.SENT, sent_at=timezone.now())
    OutboxMessage.objects.filter(pk=second.pk).update(status=OutboxStatus.FAILED, last_error="550 no such user")
    OutboxMessage.objects.filter(pk=third.pk).update(status=OutboxStatus.QUEUED, sent_at=None)
    progress = results_mail_progress(project.cycle_id, total=4)
    assert (progress.sent, progress.pending, progress.failed, progress.not_queued) == (1, 1, 1, 1)
