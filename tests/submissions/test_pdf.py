"""The PDF of a submitted entry: what it shows (read back with poppler's
pdftotext), and how it is rendered exactly once — eagerly, by a real worker,
or by the sweep after a broker outage. (What WeasyPrint may fetch:
tests/prize_portal/test_documents.py.)"""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from categories.enums import QuestionKind
from categories.models import Question, QuestionChoice
from submissions.models import Entry, Submission
from submissions.pdf import render_submission_pdf
from submissions.services import entry_save_draft, entry_start, entry_submit
from submissions.services.pdfs import submission_pdfs_missing, submission_pdfs_sweep, submission_render_pdf
from tests.factories import BEFORE_DEADLINE, PDF_BYTES, CriterionFactory, add_funding_questions, complete_entry
from tests.factories.submissions import attachment_add_checked
from tests.services import (
    CeleryWorker,
    free_port,
    pdf_text,
    postgres_url_for_test_db,
    wait_until,
    worker_env,
)

pytestmark = pytest.mark.django_db(transaction=True)

TITLE_KO = "어르신 디지털 동행"
SCRIPT = '<script>alert("x")</script>'


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def form(project: Any) -> Any:
    """The project form in Korean too: general questions, two evaluation
    domains, then a file question."""
    problem = CriterionFactory(category=project, code="problem", name_en="Problem", name_ko="문제 인식과 혁신", order=1)
    value = CriterionFactory(category=project, code="value", name_en="Value generation", name_ko="가치 창출", order=6)
    layout = {
        "fields": (10, None, "프로젝트 분야"),
        "problem": (20, problem, "해결하려는 문제"),
        "budget": (30, value, "총 예산"),
        "government-role": (50, value, "정부의 역할"),
    }
    for code, (order, criterion, label_ko) in layout.items():
        Question.objects.filter(category=project, code=code).update(order=order, criterion=criterion, label_ko=label_ko)
    Question.objects.create(
        category=project,
        code="start-date",
        kind=QuestionKind.DATE,
        label_en="Start date",
        label_ko="시작일",
        criterion=value,
        order=40,
        required=False,
    )
    Question.objects.create(
        category=project,
        code="documents",
        kind=QuestionKind.FILE,
        label_en="Documents",
        label_ko="증빙 자료",
        order=60,
        required=False,
    )
    QuestionChoice.objects.filter(question__category=project, code="mobility").update(label_ko="교통")
    QuestionChoice.objects.filter(question__category=project, code="safety").update(label_ko="안전")
    return project


def _submit(form: Any, applicant: Any, organisation: Any) -> Submission:
    entry = _ready(form, applicant, organisation)
    return entry_submit(entry_id=entry.pk, user=applicant, now=BEFORE_DEADLINE)


def _ready(form: Any, applicant: Any, organisation: Any) -> Entry:
    """A complete draft, its file checked: ready to submit."""
    entry = entry_start(
        user=applicant, organisation=organisation, category=form, track=form.tracks.first(), now=BEFORE_DEADLINE
    )
    entry = entry_save_draft(
        entry_id=entry.pk,
        user=applicant,
        version=entry.version,
        now=BEFORE_DEADLINE,
        fields={
            "title_en": "Digital companions for older people",
            "summary_en": f"Tablets & tutors {SCRIPT}",
            "language": "ko",
            "title_original": TITLE_KO,
            "summary_original": "태블릿과 강사가 함께합니다.",
        },
        answers={
            "problem": f"Older people {SCRIPT} left out.",
            "fields": ["safety", "mobility"],
            "budget": 1234567,
            "start-date": "2029-03-01",
            "government-role": "Funding <b>and</b> staff",
        },
    )
    upload = SimpleUploadedFile("연례 보고서 2025.pdf", PDF_BYTES, content_type="application/pdf")
    attachment_add_checked(
        entry_id=entry.pk, user=applicant, upload=upload, question_code="documents", now=BEFORE_DEADLINE
    )
    return entry


@pytest.fixture
def submission(form: Any, applicant: Any, organisation: Any) -> Submission:
    return _submit(form, applicant, organisation)


def test_pdf_shows_frozen_entry_in_applicant_language(submission: Submission, applicant: Any, tmp_path: Path) -> None:
    entry = Entry.objects.get(pk=submission.entry_id)
    # Changes after the submit are not part of what was submitted.
    entry_save_draft(
        entry_id=entry.pk,
        user=applicant,
        version=entry.version,
        now=BEFORE_DEADLINE,
        fields={"title_original": "새 제목"},
    )
    content = render_submission_pdf(Submission.objects.get(pk=submission.pk))
    (tmp_path / "entry.pdf").write_bytes(content)  # kept for a look at the layout
    text = pdf_text(content)
    lines = [line.strip() for line in text.splitlines()]
    assert TITLE_KO in lines  # the exact title, in Hangul (not tofu), on a line of its own
    assert "새 제목" not in text
    assert entry.reference == "SSCP-2030-P-0001"
    assert entry.reference in lines
    words = flat(text)
    assert "2030 서울스마트시티상" in words  # the prize in the applicant's language (Korean)
    assert f"{entry.category.name_ko} · {entry.track.name_ko}" in words
    assert "Seoul Metropolitan Government (서울특별시)" in words
    assert "Digital companions for older people" in words
    assert "태블릿과 강사가 함께합니다." in words
    # User text appears as typed: escaped, neither executed nor swallowed as markup.
    assert f"Tablets & tutors {SCRIPT}" in words
    assert f"Older people {SCRIPT} left out." in words
    assert "Funding <b>and</b> staff" in words
    # Answers under their Korean labels, grouped by evaluation domain in the form's order.
    order = [
        "프로젝트 분야",
        "안전",
        "교통",
        "문제 인식과 혁신",
        "해결하려는 문제",
        "가치 창출",
        "총 예산",
        "1,234,567",
        "시작일",
        "정부의 역할",
        "증빙 자료",
        "연례 보고서 2025.pdf",
    ]
    positions = [words.index(label) for label in order]
    assert positions == sorted(positions)
    assert "2029" in words[positions[8] :]  # the date, localised
    assert "application/pdf" in words  # the attachment list


def test_pdf_in_another_reader_language(submission: Submission) -> None:
    words = flat(pdf_text(render_submission_pdf(submission, language="en")))
    assert "Seoul Smart City Prize 2030" in words
    assert "Problem" in words
    assert "Safety" in words
    assert "Mobility" in words
    assert "어르신 디지털 동행" in words  # the original title stays as written


def test_pdf_leaves_out_what_the_frozen_answers_hide(form: Any, applicant: Any, organisation: Any) -> None:
    """A budget source typed while co-funded, then self-funded at submit: kept, not printed."""
    add_funding_questions(form)
    entry = entry_start(
        user=applicant, organisation=organisation, category=form, track=form.tracks.first(), now=BEFORE_DEADLINE
    )
    complete_entry(entry, applicant)
    for answers in (
        {"funding": "co-funded", "budget-source": "Half from the Hana Foundation."},
        {"funding": "self-funded"},
    ):
        entry.refresh_from_db()
        entry_save_draft(entry_id=entry.pk, user=applicant, version=entry.version, now=BEFORE_DEADLINE, answers=answers)
    upload = SimpleUploadedFile("co-funding agreement.pdf", PDF_BYTES, content_type="application/pdf")
    attachment_add_checked(
        entry_id=entry.pk, user=applicant, upload=upload, question_code="agreement", now=BEFORE_DEADLINE
    )
    submission = entry_submit(entry_id=entry.pk, user=applicant, now=BEFORE_DEADLINE)
    words = flat(pdf_text(render_submission_pdf(submission, language="en")))
    assert "How is the project funded? • Self Funded" in words
    assert "Budget source" not in words
    assert "Hana Foundation" not in words
    assert "co-funding agreement.pdf" not in words
    assert submission.content["answers"]["budget-source"] == "Half from the Hana Foundation."


def test_submit_renders_pdf_once(submission: Submission, settings: Any) -> None:
    """Eager Celery (make run): the PDF is there when the submit returns."""
    submission.refresh_from_db()
    assert submission.pdf.name.startswith(f"entries/{submission.entry_id}/pdf/")
    assert submission.pdf.name.endswith(".pdf")
    assert submission.pdf.read(5) == b"%PDF-"
    again = submission_render_pdf(submission_id=submission.pk)
    assert again.pdf.name == submission.pdf.name
    assert len(list((Path(settings.MEDIA_ROOT) / "entries" / str(submission.entry_id) / "pdf").iterdir())) == 1


def test_submit_survives_broker_outage_and_sweep_renders_pdf(
    form: Any, applicant: Any, organisation: Any, celery_on_broker: Any
) -> None:
    from django.core.cache import cache

    cache.clear()
    entry = _ready(form, applicant, organisation)
    celery_on_broker(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    started = time.monotonic()
    submission = entry_submit(entry_id=entry.pk, user=applicant, now=BEFORE_DEADLINE)
    assert time.monotonic() - started < 10  # the outage does not hold the submit up
    submission.refresh_from_db()
    assert submission.pdf.name == ""
    assert submission_pdfs_missing(now=submission.submitted_at + timedelta(seconds=30)) == []  # still in grace
    later = submission.submitted_at + timedelta(minutes=2)
    assert submission_pdfs_missing(now=later) == [submission.pk]
    assert submission_pdfs_sweep(now=later) == 0  # still down: left for the next sweep

    celery_on_broker("memory://", eager=True)  # the broker is back
    assert submission_pdfs_sweep(now=later) == 1
    submission.refresh_from_db()
    assert pdf_text(submission.pdf.read()).count(TITLE_KO) == 1
    assert submission_pdfs_missing(now=later) == []
    assert submission_pdfs_sweep(now=later) == 0


@pytest.mark.integration
def test_worker_stores_pdf_of_submitted_entry(
    form: Any, applicant: Any, organisation: Any, tmp_path: Path, redis_server: Any, celery_on_broker: Any
) -> None:
    """A real worker process, on our redis-server and the PostgreSQL test database."""
    media = Path(settings.MEDIA_ROOT)
    env = worker_env(DATABASE_URL=postgres_url_for_test_db(), REDIS_URL=redis_server.url, MEDIA_ROOT=str(media))
    entry = _ready(form, applicant, organisation)  # its file checked here (Celery still eager)
    celery_on_broker(redis_server.url)
    worker = CeleryWorker(env=env, log=tmp_path / "worker.log")
    worker.start()
    try:
        submission = entry_submit(entry_id=entry.pk, user=applicant, now=BEFORE_DEADLINE)
        assert Submission.objects.get(pk=submission.pk).pdf.name == ""  # not rendered in this process
        stored = wait_until(lambda: Submission.objects.get(pk=submission.pk).pdf.name, timeout=90)
    finally:
        worker.stop()
    assert "task_render_submission_pdf" in (tmp_path / "worker.log").read_text()
    assert stored.startswith(f"entries/{submission.entry_id}/pdf/")
    text = pdf_text((media / stored).read_bytes())
    assert TITLE_KO in text
    assert "SSCP-2030-P-0001" in text
