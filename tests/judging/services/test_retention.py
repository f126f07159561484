"""Removing a cycle's personal data after its retention period: the dry run
lists exactly what the real run removes; the real run is audited, refuses a
plan that changed since the dry run, and changes nothing when run again."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from categories.enums import QuestionKind
from categories.models import Cycle, Question
from judging.errors import JudgingError
from judging.models import RetentionRun
from judging.selectors.retention import cycles_due, retention_plan, retention_progress
from judging.services.retention import retention_apply, retention_confirm, retention_run_batch, retention_runs_sweep
from prize_portal.accounts.models import User
from prize_portal.accounts.roles import Role
from prize_portal.audit.models import AuditEvent
from submissions.models import Answer, Attachment, Entry, Organisation, Submission
from submissions.services import invitation_accept, invitation_create
from tests.factories import (
    BEFORE_DEADLINE,
    DEADLINE,
    PDF_BYTES,
    CategoryFactory,
    CycleFactory,
    TrackFactory,
    award_entry,
    gold_level,
    make_judge,
    make_user,
    publish_results,
    submit_entry,
)
from tests.factories.submissions import attachment_add_checked

pytestmark = pytest.mark.django_db

LATER = DEADLINE + timedelta(days=4 * 366)  # past the 36 months after the 2030 deadline


@pytest.fixture
def cycle(project: Any) -> dict[str, Any]:
    Question.objects.create(
        category=project, code="documents", kind=QuestionKind.FILE, label_en="Documents", required=False
    )
    plain = submit_entry(project, email="kim@seoul.example", name_en="Seoul", title="Digital companions", submit=False)
    upload = SimpleUploadedFile("plan.pdf", PDF_BYTES, content_type="application/pdf")
    attachment_add_checked(
        entry_id=plain.pk, user=plain.owner, upload=upload, question_code="documents", now=BEFORE_DEADLINE
    )
    helper = make_user(email="lee@seoul.example")
    invitation = invitation_create(entry_id=plain.pk, user=plain.owner, email=helper.email, language="en")
    invitation_accept(token=invitation.token, user=helper)
    from submissions.services import entry_submit

    entry_submit(entry_id=plain.pk, user=plain.owner, now=BEFORE_DEADLINE)
    winner = submit_entry(project, email="rosa@lima.example", name_en="Lima", country="PE", title="Clean buses")
    award_entry(winner, gold_level(project))
    publish_results(project.cycle)
    # Someone who entered 2030 and enters again in a later cycle, still within its retention.
    again = submit_entry(project, email="sato@osaka.example", name_en="Osaka", country="JP", title="Quiet parks")
    later = CycleFactory(
        year=2034, applications_open_at=LATER - timedelta(days=30), applications_close_at=LATER + timedelta(days=30)
    )
    category = CategoryFactory(cycle=later, code="project", reference_letter="P", applicant_types=["city"])
    TrackFactory(category=category, code="one")
    Entry.objects.create(
        cycle=later, category=category, track=category.tracks.get(), organisation=again.organisation, owner=again.owner
    )
    judge = make_judge("ana@univ.example")
    return {"plain": plain, "helper": helper, "winner": winner, "again": again, "judge": judge}


def test_a_cycle_is_due_after_its_retention_period(project: Any, cycle: dict[str, Any]) -> None:
    assert cycles_due(now=DEADLINE) == []
    assert [due.year for due in cycles_due(now=LATER)] == [2030]
    assert retention_plan(cycle_id=project.cycle_id, now=DEADLINE).empty


def test_the_dry_run_lists_exactly_what_the_real_run_removes(project: Any, cycle: dict[str, Any]) -> None:
    plain, helper, winner, again = cycle["plain"], cycle["helper"], cycle["winner"], cycle["again"]
    plan = retention_plan(cycle_id=project.cycle_id, now=LATER)

    assert set(plan.entries) == {plain.pk, again.pk}  # the published winner stays
    assert set(plan.people) == {
        plain.owner_id,
        helper.pk,
        winner.owner_id,
    }  # not Osaka's (a later entry), not the judge
    assert plan.organisations == tuple(sorted({plain.organisation_id, winner.organisation_id}))
    attachments = Attachment.objects.filter(entry__in=plan.entries).count()
    pdfs = Submission.objects.filter(entry__in=plan.entries).exclude(pdf="").count()
    assert attachments == 1
    assert plan.files == attachments + pdfs

    staff = make_user(Role.STAFF, email="dpo@wego.example")
    with pytest.raises(JudgingError, match="changed since the dry run"):
        retention_apply(cycle_id=project.cycle_id, actor=staff, digest="0" * 16, now=LATER)
    done = retention_apply(cycle_id=project.cycle_id, actor=staff, digest=plan.digest, now=LATER)

    assert done == plan
    assert not Answer.objects.filter(entry_id__in=plan.entries).exists()
    assert not Attachment.objects.filter(entry_id__in=plan.entries).exists()
    erased = set(User.objects.filter(email__endswith="@erased.invalid").values_list("pk", flat=True))
    assert erased == set(plan.people)
    assert Entry.objects.get(pk=winner.pk).title_en == "Clean buses"
    assert Answer.objects.filter(entry=winner).exists()  # not in the plan: untouched
    assert User.objects.get(pk=again.owner_id).email == "sato@osaka.example"
    event = AuditEvent.objects.get(action="retention.apply")
    assert (event.actor, event.after["entries"], event.after["people"]) == (staff, 2, 3)


def test_running_again_changes_nothing(
    project: Any, cycle: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    staff = make_user(Role.STAFF, email="dpo@wego.example")
    plan = retention_plan(cycle_id=project.cycle_id, now=LATER)
    names = list(Attachment.objects.filter(entry__in=plan.entries).values_list("file", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        retention_apply(cycle_id=project.cycle_id, actor=staff, digest=plan.digest, now=LATER)
    assert names
    assert not any(default_storage.exists(name) for name in names)
    count = AuditEvent.objects.count()

    again = retention_apply(cycle_id=project.cycle_id, actor=staff, digest=plan.digest, now=LATER)

    assert again.empty
    assert AuditEvent.objects.count() == count
    assert retention_plan(cycle_id=project.cycle_id, now=LATER).empty


def test_the_command_shows_the_dry_run_and_applies_it(
    project: Any, cycle: dict[str, Any], capsys: Any, monkeypatch: Any
) -> None:
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: LATER)
    make_user(Role.STAFF, email="dpo@wego.example")
    call_command("retention")
    assert "2030: due since" in capsys.readouterr().out
    call_command("retention", "2030")
    out = capsys.readouterr().out
    assert "2 entries emptied" in out
    assert "3 people erased" in out
    digest = out.split("digest ")[1].split(")")[0]
    call_command("retention", "2030", "--apply", digest, "--staff", "dpo@wego.example")
    assert "removed as planned" in capsys.readouterr().out


def test_the_privacy_officer_is_told_once_a_cycle_is_due(project: Any, cycle: dict[str, Any]) -> None:
    from judging.services.retention import retention_announce_due
    from prize_portal.outbox.models import OutboxMessage

    assert retention_announce_due(now=DEADLINE) == 0
    assert retention_announce_due(now=LATER) == 1
    retention_announce_due(now=LATER)
    mail = OutboxMessage.objects.get(template="judging/email/retention_due")
    assert (mail.to_email, mail.context["year"]) == ("privacy@localhost", 2030)


def _confirm(project: Any, staff: Any) -> RetentionRun:
    plan = retention_plan(cycle_id=project.cycle_id, now=LATER)
    return retention_confirm(cycle_id=project.cycle_id, actor=staff, digest=plan.digest, now=LATER)


def test_confirming_twice_starts_one_run_and_removes_nothing_yet(
    project: Any, cycle: dict[str, Any], staff: Any
) -> None:
    plan = retention_plan(cycle_id=project.cycle_id, now=LATER)
    first = _confirm(project, staff)
    again = _confirm(project, staff)

    assert again.pk == first.pk
    assert RetentionRun.objects.count() == 1
    assert (first.steps, first.done, first.files, first.digest) == (plan.steps, 0, plan.files, plan.digest)
    assert AuditEvent.objects.filter(action="retention.confirm").count() == 1
    assert AuditEvent.objects.get(action="retention.confirm").after == plan.figures
    assert Answer.objects.filter(entry_id__in=plan.entries).exists()  # the task does the removing


def test_a_cycle_not_due_or_a_changed_plan_is_refused(project: Any, cycle: dict[str, Any], staff: Any) -> None:
    early = retention_plan(cycle_id=project.cycle_id, now=DEADLINE)
    with pytest.raises(JudgingError, match="not yet due"):
        retention_confirm(cycle_id=project.cycle_id, actor=staff, digest=early.digest, now=DEADLINE)
    with pytest.raises(JudgingError, match="changed since the dry run"):
        retention_confirm(cycle_id=project.cycle_id, actor=staff, digest="0" * 16, now=LATER)
    assert not RetentionRun.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="retention.").exists()


def test_the_run_goes_in_batches_and_shows_its_progress(project: Any, cycle: dict[str, Any], staff: Any) -> None:
    plan = retention_plan(cycle_id=project.cycle_id, now=LATER)
    run = _confirm(project, staff)
    total = len(plan.steps)
    assert total == 2 + 2 + 3  # entries, organisations, people

    assert retention_run_batch(run_id=run.pk, batch_size=2, now=LATER) == total - 2
    run.refresh_from_db()
    progress = retention_progress(run)
    assert progress["active"] is True
    assert {key: progress["retention"][key] for key in ("done", "total", "percent")} == {
        "done": 2,
        "total": total,
        "percent": 200 // total,
    }
    assert not Answer.objects.filter(entry_id__in=plan.entries).exists()  # the first two steps: the entries
    assert User.objects.filter(pk__in=plan.people, is_active=True).count() == 3  # people come last
    assert Cycle.objects.get(pk=project.cycle_id).personal_data_removed_at is None

    while retention_run_batch(run_id=run.pk, batch_size=2, now=LATER):
        pass
    run.refresh_from_db()
    assert (run.done, run.kept, run.finished_at) == (total, [], LATER)
    assert retention_progress(run)["active"] is False
    assert "Finished on" in retention_progress(run)["retention"]["state"]
    assert Cycle.objects.get(pk=project.cycle_id).personal_data_removed_at == LATER
    assert User.objects.filter(pk__in=plan.people, is_active=True).count() == 0
    events = AuditEvent.objects.filter(action="retention.apply")
    assert events.count() == 1
    assert events.get().after == {**plan.figures, "kept": 0}

    assert retention_run_batch(run_id=run.pk, batch_size=2, now=LATER) == 0  # again: nothing
    assert AuditEvent.objects.filter(action="retention.apply").count() == 1


def test_someone_who_enters_again_before_their_turn_is_kept(project: Any, cycle: dict[str, Any], staff: Any) -> None:
    plain = cycle["plain"]
    run = _confirm(project, staff)
    assert plain.owner_id in [pk for kind, pk in run.steps if kind == "person"]
    later = Entry.objects.get(cycle__year=2034)
    Entry.objects.create(
        cycle=later.cycle,
        category=later.category,
        track=later.track,
        organisation=plain.organisation,
        owner=plain.owner,
    )

    while retention_run_batch(run_id=run.pk, batch_size=3, now=LATER):
        pass

    run.refresh_from_db()
    assert run.kept == [["organisation", plain.organisation_id], ["person", plain.owner_id]]
    assert User.objects.get(pk=plain.owner_id).email == "kim@seoul.example"
    assert Organisation.objects.get(pk=plain.organisation_id).contact_name == plain.organisation.contact_name
    after = AuditEvent.objects.get(action="retention.apply").after
    assert (after["organisations"], after["people"], after["kept"]) == (1, 2, 2)
    assert "2 organisations or people were kept" in retention_progress(run)["retention"]["state"]


def test_a_stalled_run_is_started_again_by_the_sweep(
    project: Any, cycle: dict[str, Any], staff: Any, monkeypatch: Any
) -> None:
    queued: list[tuple[str, tuple[Any, ...]]] = []
    monkeypatch.setattr(
        "judging.services.retention.queue_task", lambda name, *args, **_: queued.append((name, args)) or True
    )
    run = _confirm(project, staff)
    assert retention_runs_sweep(now=LATER + timedelta(seconds=30)) == 0  # just confirmed: its task is coming
    assert retention_runs_sweep(now=LATER + timedelta(minutes=10)) == 1
    assert queued == [("judging.tasks.task_retention_batch", (run.pk,))]

    while retention_run_batch(run_id=run.pk, batch_size=50, now=LATER):
        pass
    assert retention_runs_sweep(now=LATER + timedelta(hours=1)) == 0


def test_the_task_runs_the_plan_to_the_end(
    project: Any,
    cycle: dict[str, Any],
    staff: Any,
    settings: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    settings.RETENTION_BATCH = 2
    with django_capture_on_commit_callbacks(execute=True):
        run = _confirm(project, staff)  # the task is queued once the confirmation commits (eager here)
    run.refresh_from_db()
    assert run.finished_at is not None
    assert run.done == run.total == 7
    assert AuditEvent.objects.filter(action="retention.apply").count() == 1
