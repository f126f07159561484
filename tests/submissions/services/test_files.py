"""Storage and database stay in step: no file is left behind by a deleted
draft or a rolled-back upload, and no referenced file is ever removed."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from submissions.models import Entry
from submissions.services import attachment_delete, entry_start, entry_withdraw
from submissions.services.files import orphan_files_sweep
from tests.factories import BEFORE_DEADLINE, PDF_BYTES, make_jpeg
from tests.factories.submissions import attachment_add_checked

pytestmark = pytest.mark.django_db


class RollbackError(Exception):
    pass


@pytest.fixture
def entry(project: Any, applicant: Any, organisation: Any) -> Entry:
    track = project.tracks.first()
    return entry_start(user=applicant, organisation=organisation, category=project, track=track, now=BEFORE_DEADLINE)


def _add(entry: Entry, user: Any, name: str, content: bytes) -> Any:
    upload = SimpleUploadedFile(name, content)
    return attachment_add_checked(entry_id=entry.pk, user=user, upload=upload, now=BEFORE_DEADLINE)


def test_deleting_a_draft_removes_its_files(
    entry: Entry, applicant: Any, django_capture_on_commit_callbacks: Any
) -> None:
    image = _add(entry, applicant, "photo.jpg", make_jpeg())
    names = [image.file.name, image.thumbnail.name]
    assert all(default_storage.exists(name) for name in names)
    with django_capture_on_commit_callbacks(execute=True):
        entry_withdraw(entry_id=entry.pk, user=applicant, now=BEFORE_DEADLINE)
    assert not any(default_storage.exists(name) for name in names)


def test_removing_an_attachment_removes_its_file_after_commit(
    entry: Entry, applicant: Any, django_capture_on_commit_callbacks: Any
) -> None:
    pdf = _add(entry, applicant, "a.pdf", PDF_BYTES)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        attachment_delete(entry_id=entry.pk, attachment_id=pdf.pk, user=applicant, now=BEFORE_DEADLINE)
    assert default_storage.exists(pdf.file.name)  # not before the commit
    for callback in callbacks:
        callback()
    assert not default_storage.exists(pdf.file.name)


def test_sweep_removes_only_old_unreferenced_files(entry: Entry, applicant: Any) -> None:
    kept = _add(entry, applicant, "kept.pdf", PDF_BYTES)
    written: list[Any] = []

    def add_then_roll_back() -> None:
        with transaction.atomic():
            written.append(_add(entry, applicant, "lost.pdf", PDF_BYTES))
            raise RollbackError

    with pytest.raises(RollbackError):
        add_then_roll_back()
    lost = written[0]
    assert default_storage.exists(lost.file.name)  # written before the row that rolled back

    assert orphan_files_sweep(now=timezone.now()) == []  # too young: its transaction may still run
    removed = orphan_files_sweep(now=timezone.now() + timedelta(hours=2))
    assert removed == [lost.file.name]
    assert not default_storage.exists(lost.file.name)
    assert default_storage.exists(kept.file.name)


def test_sweep_with_no_files_does_nothing() -> None:
    assert orphan_files_sweep() == []
