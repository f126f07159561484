"""Erasing a person: afterwards their name and e-mail address appear nowhere
— no table (the audit trail included), export, outbox message, cache entry
or stored file (locally and on S3) — while a closed cycle's ranking is
unchanged, and the audit trail still refuses to be rewritten."""

from __future__ import annotations

import csv
import io
import subprocess
from typing import Any

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, connection, models, transaction
from django.test import Client
from django.urls import reverse

from categories.enums import QuestionKind
from categories.models import Question
from judging import services as judging
from judging.engine.ranking import Method
from judging.selectors.ranking import round_results
from prize_portal.accounts.models import User
from prize_portal.accounts.roles import Role
from prize_portal.accounts.services import user_grant_role
from prize_portal.audit.models import AuditEvent
from prize_portal.privacy.enums import ErasureMode, RequestKind
from prize_portal.privacy.services.exports import data_export_request
from prize_portal.privacy.services.requests import privacy_request_decide, privacy_request_make
from submissions.services import entry_start, invitation_accept, invitation_create
from tests.factories import (
    BEFORE_DEADLINE,
    PDF_BYTES,
    add_criteria,
    answer_consents,
    assign,
    give_totp,
    make_jpeg,
    make_judge,
    make_organisation,
    make_round,
    make_user,
    publish_results,
    put_in_round,
    sign_in_staff,
    submit_entry,
)
from tests.factories.submissions import attachment_add_checked

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("privacy_texts")]

NAME = "Hana Seo-yeon"
EMAIL = "hana.seoyeon@seoul.example"
NEEDLES = (NAME, EMAIL)


@pytest.fixture(params=["local", "s3"])
def storage(request: Any, settings: Any) -> str:
    """The media storage the flow runs on: local files, or moto's S3 server."""
    if request.param == "s3":
        import boto3

        from prize_portal.settings import base
        from tests.prize_portal.conftest import base_s3_options

        endpoint = request.getfixturevalue("s3_endpoint")
        client = boto3.client(
            "s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="t", aws_secret_access_key="t"
        )
        client.create_bucket(Bucket="erasure-media")
        options = {**base_s3_options(base), "bucket_name": "erasure-media", "endpoint_url": endpoint}
        options |= {"region_name": "us-east-1", "access_key": "t", "secret_key": "t"}
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
        }
    return str(request.param)


def _review(judge: Any, assignment: Any, criteria: list[Any], value: int, comment: str) -> None:
    first, second = criteria
    judging.review_submit(
        judge=judge,
        assignment_id=assignment.pk,
        version=0,
        scores={first.pk: value, second.pk: value + 3},
        overall_comment=comment,
        recommendation="yes",
    )


@pytest.fixture
def world(project: Any, storage: str, django_capture_on_commit_callbacks: Any) -> dict[str, Any]:
    criteria = add_criteria(project)
    Question.objects.create(
        category=project, code="documents", kind=QuestionKind.FILE, label_en="Documents", required=False
    )
    person = make_user(email=EMAIL, name=NAME)
    user_grant_role(user=person, role=Role.JUDGE)
    give_totp(person)
    answer_consents(person)
    photo = SimpleUploadedFile("me.jpg", make_jpeg((300, 300)), content_type="image/jpeg")
    judging.judge_profile_update(user=person, country="KR", organisation="Seoul Institute", photo=photo)
    # Her own draft, with a file, and an invitation she sent from it.
    mine = make_organisation(person, name_en="Hana Lab", contact_name=NAME, contact_phone="+82 2 000")
    draft = entry_start(
        user=person, organisation=mine, category=project, track=project.tracks.first(), now=BEFORE_DEADLINE
    )
    upload = SimpleUploadedFile("hana-plan.pdf", PDF_BYTES, content_type="application/pdf")
    attachment_add_checked(
        entry_id=draft.pk, user=person, upload=upload, question_code="documents", now=BEFORE_DEADLINE
    )
    with django_capture_on_commit_callbacks(execute=True):
        invitation_create(entry_id=draft.pk, user=person, email="lee@seoul.example", language="en")
    # She works on Busan's entry.
    busan = submit_entry(project, email="park@busan.example", name_en="Busan Metropolitan City", title="Flood texts")
    invitation = invitation_create(entry_id=busan.pk, user=busan.owner, email=EMAIL, language="en")
    invitation_accept(token=invitation.token, user=person)
    # She judged the round of a cycle whose results are now published.
    other = submit_entry(project, email="sato@osaka.example", name_en="Osaka City", country="JP", title="Quiet parks")
    third = submit_entry(project, email="marie@lyon.example", name_en="Lyon", country="FR", title="Open data")
    round_ = make_round(project)
    put_in_round(round_, other, third)
    colleague = make_judge("ana@univ.example", name="Ana Lopez", country="KR")
    for judge, scores in ((person, (5, 2)), (colleague, (3, 4))):
        for entry, value in zip((other, third), scores, strict=True):
            _review(judge, assign(round_, entry, judge), criteria, value, "A clear plan.")
    publish_results(project.cycle)
    # The committee page names her (cached), and she downloaded her data.
    client = Client()
    assert NAME in client.get("/en/winners/2030/committee/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        export = data_export_request(user=person)
    export.refresh_from_db()
    files = [name for name in (export.file.name, person.judge_profile.photo.name) if name]
    files += list(draft.attachments.values_list("file", flat=True))
    return {"person": person, "round": round_, "files": files, "draft": draft, "busan": busan}


def _ranking(round_: Any) -> list[tuple[str, int, float]]:
    [category] = round_results(round_).values()
    return [
        (result.entry, result.rank, round(result.score, 6)) for result in category.rankings[Method.CALIBRATED].results
    ]


def _tables_naming(needles: tuple[str, ...]) -> list[str]:
    """Every row of every table whose text names the person."""
    found = []
    for model in apps.get_models():
        text_fields = [
            field.name
            for field in model._meta.get_fields()
            if isinstance(field, (models.CharField, models.TextField, models.JSONField)) and field.concrete
        ]
        if not text_fields or model._meta.label == "sessions.Session":
            continue
        query = models.Q()
        for field in text_fields:
            for needle in needles:
                query |= models.Q(**{f"{field}__icontains": needle})
        for row in model._default_manager.filter(query).values("pk", *text_fields):
            found.append(f"{model._meta.label} {row}")
    return found


def _stored_files() -> list[str]:
    """Every file in the media storage, walked from the top."""
    names: list[str] = []

    def walk(path: str) -> None:
        folders, files = default_storage.listdir(path)
        names.extend(f"{path}/{name}".lstrip("/") for name in files)
        for folder in folders:
            walk(f"{path}/{folder}".lstrip("/"))

    walk("")
    return names


def _file_text(name: str) -> str:
    with default_storage.open(name, "rb") as stored:
        content = stored.read()
    if content.startswith(b"%PDF"):
        return subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True).stdout.decode()
    return content.decode("utf-8", errors="replace")


def test_after_erasure_the_person_appears_nowhere_and_the_closed_ranking_stands(
    world: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    person, round_ = world["person"], world["round"]
    before = _ranking(round_)
    # The scan finds her before, across the apps.
    tables = {row.split(" ", 1)[0] for row in _tables_naming(NEEDLES)}
    assert tables >= {
        "accounts.User",
        "account.EmailAddress",
        "outbox.OutboxMessage",
        "submissions.Organisation",
        "submissions.Invitation",
    }, tables
    request = privacy_request_make(user=person, kind=RequestKind.ERASURE, message=f"Please delete {NAME}.")
    staff = sign_in_staff(client := Client())
    answer_consents(staff)

    with django_capture_on_commit_callbacks(execute=True):
        privacy_request_decide(
            actor=staff, request_id=request.pk, done=True, answer="Done.", erasure_mode=ErasureMode.KEEP_CLOSED
        )

    person.refresh_from_db()
    assert (person.name, person.is_active, person.has_usable_password()) == ("", False, False)
    assert person.email.endswith("@erased.invalid")
    assert _tables_naming(NEEDLES) == []
    # The closed cycle's reviews stay, pointing at the anonymised person: the ranking is unchanged.
    assert round_.assignments.filter(judge=person).count() == 2
    assert _ranking(round_) == before
    # Files: hers are gone; none left names her.
    remaining = _stored_files()
    assert not set(world["files"]) & set(remaining)
    for name in remaining:
        assert not any(needle in name or needle in _file_text(name) for needle in NEEDLES), name
    # The cache: the committee page does not name her any more.
    assert NAME not in Client().get("/en/winners/2030/committee/").content.decode()
    raw = b"".join(value if isinstance(value, bytes) else b"" for value in getattr(cache, "_cache", {}).values())
    assert not any(needle.encode() in raw for needle in NEEDLES)
    # Staff exports: the round's reviews, the audit trail.
    exports = [
        client.get(reverse("judging_staff:export", args=[round_.pk, "reviews", "csv"])).content.decode("utf-8-sig"),
        client.post(
            reverse("admin:audit_auditevent_changelist"),
            {"action": "export_csv", "_selected_action": list(AuditEvent.objects.values_list("pk", flat=True))},
        ).content.decode("utf-8-sig"),
    ]
    for export in exports:
        assert list(csv.reader(io.StringIO(export)))
        assert not any(needle in export for needle in NEEDLES)
    # The trail recorded the erasure and names her by pseudonym only.
    assert AuditEvent.objects.filter(action="person.erase", target_repr=person.pseudonym).count() == 1
    if connection.vendor == "postgresql":
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            AuditEvent.objects.filter(actor=person).update(action="rewritten")
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            AuditEvent.objects.filter(actor=person).delete()


def test_full_erasure_takes_the_reviews_too(world: dict[str, Any], django_capture_on_commit_callbacks: Any) -> None:
    person, round_ = world["person"], world["round"]
    request = privacy_request_make(user=person, kind=RequestKind.ERASURE)
    staff = make_user(Role.STAFF, email="dpo@wego.example")
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request_decide(actor=staff, request_id=request.pk, done=True, erasure_mode=ErasureMode.FULL)
    assert round_.assignments.filter(judge_id=person.pk).count() == 0
    assert _tables_naming(NEEDLES) == []


def test_erasing_twice_changes_nothing(world: dict[str, Any], django_capture_on_commit_callbacks: Any) -> None:
    from prize_portal.privacy.services.erasure import person_erase

    person = world["person"]
    with django_capture_on_commit_callbacks(execute=True):
        person_erase(user_id=person.pk, mode=ErasureMode.KEEP_CLOSED, actor=None)
    count = AuditEvent.objects.count()
    person_erase(user_id=person.pk, mode=ErasureMode.KEEP_CLOSED, actor=None)
    assert AuditEvent.objects.count() == count
    assert User.objects.get(pk=person.pk).email.endswith("@erased.invalid")


def test_the_published_award_of_an_individual_stays(project: Any, django_capture_on_commit_callbacks: Any) -> None:
    from tests.factories import award_entry, gold_level

    type(project).objects.filter(pk=project.pk).update(applicant_types=[*project.applicant_types, "individual"])
    project.refresh_from_db()
    mayor = submit_entry(project, email="mayor@lima.example", name_en="Rosa Lima", type="individual", title="Listening")
    award_entry(mayor, gold_level(project))
    publish_results(project.cycle)
    owner = mayor.owner
    staff = make_user(Role.STAFF, email="dpo@wego.example")
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request_decide(
            actor=staff,
            request_id=privacy_request_make(user=owner, kind=RequestKind.ERASURE).pk,
            done=True,
            erasure_mode=ErasureMode.KEEP_CLOSED,
        )
    mayor.refresh_from_db()
    assert (mayor.title_en, mayor.organisation.name_en) == ("Listening", "Rosa Lima")  # a public record
    assert mayor.organisation.contact_name == ""
    assert not _tables_naming(("mayor@lima.example",))


@pytest.mark.parametrize(("mode", "kept"), [(ErasureMode.KEEP_CLOSED, 1), (ErasureMode.FULL, 0)])
def test_the_judges_declaration_goes_unless_its_closed_cycle_keeps_the_reviews(
    world: dict[str, Any], django_capture_on_commit_callbacks: Any, mode: str, kept: int
) -> None:
    from judging.models import Declaration
    from judging.selectors.declarations import current_declarations
    from judging.services.declarations import declaration_accept

    person, round_ = world["person"], world["round"]
    text = current_declarations().first()
    declaration_accept(judge=person, cycle_id=round_.cycle_id, text_id=text.pk, language="en")
    request = privacy_request_make(user=person, kind=RequestKind.ERASURE)
    staff = make_user(Role.STAFF, email="dpo@wego.example")
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request_decide(actor=staff, request_id=request.pk, done=True, erasure_mode=mode)
    assert Declaration.objects.filter(judge_id=person.pk).count() == kept
