"""Collaborator invitations: the owner invites by e-mail (mail queued in the
outbox), the person with that verified address accepts once, then edits the
entry alongside the owner."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from categories.enums import QuestionKind
from categories.models import Cycle, Question
from prize_portal.accounts.models import User
from prize_portal.outbox.models import OutboxMessage
from prize_portal.outbox.rendering import render_email
from prize_portal.privacy.models import Consent
from submissions.errors import IntakeError
from submissions.models import Entry, Invitation, Organisation
from submissions.services import entry_save_draft, entry_start, invitation_accept, invitation_create
from tests.factories import answer_consents, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(project: Any, organisation: Organisation, applicant: User) -> Entry:
    cycle = project.cycle
    cycle.applications_open_at = timezone.now() - timedelta(days=30)
    cycle.applications_close_at = timezone.now() + timedelta(days=1)
    cycle.save()
    Question.objects.create(
        category=project, code="documents", kind=QuestionKind.FILE, label_en="Documents", required=False
    )
    entry = entry_start(
        user=applicant, organisation=organisation, category=project, track=project.tracks.first(), language="ko"
    )
    return entry_save_draft(
        entry_id=entry.pk, user=applicant, version=entry.version, fields={"title_en": "Safe streets"}
    )


@pytest.fixture
def invitee() -> User:
    return make_user(email="park@busan.example", language="ja")


@pytest.fixture
def owner_client(client: Client, applicant: User) -> Client:
    client.force_login(applicant)
    return client


def _client_of(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _accept_url(invitation: Invitation, language: str = "en") -> str:
    with translation.override(language):
        return reverse("submissions:invitation_accept", args=[invitation.token])


def _invite(owner_client: Client, entry: Entry, email: str, language: str = "en") -> Any:
    with translation.override(language):
        url = reverse("submissions:invitation_create", args=[entry.pk])
    return owner_client.post(url, {"email": email}, follow=True)


def test_invitation_create_queues_mail_in_the_inviters_language_without_an_account(
    owner_client: Client, entry: Entry
) -> None:
    response = _invite(owner_client, entry, "newcomer@example.org", language="ko")

    invitation = Invitation.objects.get()
    message = OutboxMessage.objects.get()
    assert response.redirect_chain == [(reverse("submissions:entry_detail", args=[entry.pk]) + "#collaborators", 302)]
    assert (invitation.entry, invitation.email, invitation.invited_by) == (entry, "newcomer@example.org", entry.owner)
    assert (message.to_email, message.user, message.template, message.language, message.dedupe_key) == (
        "newcomer@example.org",
        None,
        "submissions/email/invitation",
        "ko",
        f"invitation:{invitation.pk}",
    )
    assert message.context == {
        "inviter": "applicant@seoul.example",
        "title": "Safe streets",
        "organisation": "Seoul Metropolitan Government",
        "link": f"{settings.SITE_URL}/ko/entries/invitations/{invitation.token}/",
    }


def test_invitation_create_mails_an_account_holder_in_their_language(
    owner_client: Client, entry: Entry, invitee: User
) -> None:
    _invite(owner_client, entry, "Park@Busan.example", language="en")

    invitation = Invitation.objects.get()
    message = OutboxMessage.objects.get()
    assert (message.to_email, message.user, message.language) == ("Park@Busan.example", invitee, "ja")
    assert message.context["link"] == f"{settings.SITE_URL}/ja/entries/invitations/{invitation.token}/"


def test_invitation_mail_carries_the_link_with_the_token(owner_client: Client, entry: Entry) -> None:
    _invite(owner_client, entry, "newcomer@example.org")

    invitation = Invitation.objects.get()
    email = render_email(OutboxMessage.objects.get())
    assert len(invitation.token) == 43  # secrets.token_urlsafe(32)
    assert email.to == ["newcomer@example.org"]
    assert f"{settings.SITE_URL}/en/entries/invitations/{invitation.token}/" in email.body
    assert 'invites you to work on the entry "Safe streets" of Seoul Metropolitan Government' in email.body


def test_invitation_create_with_a_bad_address_is_refused_with_its_message(owner_client: Client, entry: Entry) -> None:
    response = _invite(owner_client, entry, "not an address")

    assert [str(message) for message in response.context["messages"]] == ["Enter a valid email address."]
    assert not Invitation.objects.exists()
    assert not OutboxMessage.objects.exists()


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("APPLICANT@seoul.example", "You own this entry already."),
        ("Collaborator@example.org", "This person already collaborates on the entry."),
        ("pending@example.org", "This address has already been invited."),
    ],
)
def test_invitation_create_for_someone_already_in_is_refused(
    owner_client: Client, entry: Entry, email: str, message: str
) -> None:
    collaborator = make_user(email="collaborator@example.org")
    joined = invitation_create(entry_id=entry.pk, user=entry.owner, email=collaborator.email, language="en")
    invitation_accept(token=joined.token, user=collaborator)
    invitation_create(entry_id=entry.pk, user=entry.owner, email="pending@example.org", language="en")
    before = sorted(Invitation.objects.values_list("email", "accepted_at"))

    response = _invite(owner_client, entry, email)

    assert [str(shown) for shown in response.context["messages"]] == [message]
    assert sorted(Invitation.objects.values_list("email", "accepted_at")) == before
    assert sorted(OutboxMessage.objects.values_list("to_email", flat=True)) == [
        "collaborator@example.org",
        "pending@example.org",
    ]


def test_invitation_accept_with_the_verified_address_makes_a_collaborator(entry: Entry, invitee: User) -> None:
    invitation = invitation_create(entry_id=entry.pk, user=entry.owner, email=invitee.email, language="en")

    response = _client_of(invitee).post(_accept_url(invitation), follow=True)

    invitation.refresh_from_db()
    assert response.redirect_chain == [(reverse("submissions:entry_step", args=[entry.pk, "about"]), 302)]
    assert [str(message) for message in response.context["messages"]] == ["You now collaborate on this entry."]
    assert list(entry.collaborators.all()) == [invitee]
    assert (invitation.accepted_by, invitation.accepted_at is not None) == (invitee, True)


@pytest.mark.usefixtures("privacy_texts")
def test_accepting_asks_the_collaborators_items_and_records_the_answers(entry: Entry, invitee: User) -> None:
    answer_consents(invitee, optional=False)  # signed up as an applicant, optional items refused
    invitation = invitation_create(entry_id=entry.pk, user=entry.owner, email=invitee.email, language="en")
    client = _client_of(invitee)
    page = client.get(_accept_url(invitation)).content.decode()
    for code in ("collaborator-data", "transfer-abroad", "training-provider", "reminder-emails"):
        assert f'name="consent__{code}"' in page
    assert 'name="consent__applicant-data"' not in page

    refused = client.post(_accept_url(invitation), {"consent__privacy-notice": "on"})
    assert "Tick this box to go on: it is needed to take part." in refused.content.decode()
    assert list(entry.collaborators.all()) == []

    answers = {"consent__privacy-notice": "on", "consent__collaborator-data": "on", "consent__transfer-abroad": "on"}
    client.post(_accept_url(invitation), answers)

    assert list(entry.collaborators.all()) == [invitee]
    rows = Consent.objects.filter(user=invitee, role="collaborator", source="invitation")
    assert dict(rows.values_list("code", "given")) == {"collaborator-data": True, "transfer-abroad": True}
    invitee.refresh_from_db()
    assert invitee.transfer_abroad is True


def test_invitation_accept_with_a_verified_second_address_makes_a_collaborator(entry: Entry, invitee: User) -> None:
    EmailAddress.objects.create(user=invitee, email="park@work.example", primary=False, verified=True)
    invitation = invitation_create(entry_id=entry.pk, user=entry.owner, email="Park@Work.example", language="en")

    assert invitation_accept(token=invitation.token, user=invitee) == entry
    assert list(entry.collaborators.all()) == [invitee]


def test_invitation_accept_from_another_address_is_refused_with_a_message(entry: Entry, invitee: User) -> None:
    invitation = invitation_create(entry_id=entry.pk, user=entry.owner, email=invitee.email, language="en")
    stranger = make_user(email="stranger@example.org")

    response = _client_of(stranger).post(_accept_url(invitation))

    invitation.refresh_from_db()
    assert response.status_code == 200
    assert [str(message) for message in response.context["messages"]] == [
        "This invitation was sent to another e-mail address. Sign in with that address to accept it."
    ]
    assert not entry.collaborators.exists()
    assert (invitation.accepted_at, invitation.accepted_by) == (None, None)


def test_invitation_accept_with_an_unverified_address_is_refused(entry: Entry, invitee: User) -> None:
    # As after a sign-up whose confirmation link was never opened.
    EmailAddress.objects.filter(user=invitee).update(verified=False)
    invitation = invitation_create(entry_id=entry.pk, user=entry.owner, email=invitee.email, language="en")

    with pytest.raises(IntakeError) as error:
        invitation_accept(token=invitation.token, user=invitee)

    assert error.value.code == "other_address"
    assert not entry.collaborators.exists()


def test_invitation_accept_of_a_used_token_is_refused(entry: Entry, invitee: User) -> None:
    invitation = invitation_create(entry_id=entry.pk, user=entry.owner, email=invitee.email, language="en")
    invitation_accept(token=invitation.token, user=invitee)
    client = _client_of(invitee)

    page = client.get(_accept_url(invitation))
    response = client.post(_accept_url(invitation))

    assert "This invitation has already been used." in page.content.decode()
    assert "Accept the invitation" not in page.content.decode()
    assert response.status_code == 200
    assert [str(message) for message in response.context["messages"]] == ["This invitation has already been used."]
    assert list(entry.collaborators.all()) == [invitee]


def test_invitation_accept_of_a_used_token_by_someone_else_adds_nobody(entry: Entry, invitee: User) -> None:
    invitation = invitation_create(entry_id=entry.pk, user=entry.owner, email=invitee.email, language="en")
    invitation_accept(token=invitation.token, user=invitee)
    latecomer = make_user(email="latecomer@example.org")

    with pytest.raises(IntakeError) as error:
        invitation_accept(token=invitation.token, user=latecomer)

    assert error.value.code == "used"
    assert list(entry.collaborators.all()) == [invitee]


@pytest.mark.parametrize("method", ["get", "post"])
def test_invitation_accept_of_an_unknown_token_is_404(entry: Entry, invitee: User, method: str) -> None:
    invitation_create(entry_id=entry.pk, user=entry.owner, email=invitee.email, language="en")
    client = _client_of(invitee)
    url = reverse("submissions:invitation_accept", args=["not-the-token"])

    response = getattr(client, method)(url)

    assert response.status_code == 404
    assert not entry.collaborators.exists()


def test_collaborator_autosaves_and_the_owner_with_the_old_version_gets_a_conflict(
    owner_client: Client, entry: Entry, invitee: User
) -> None:
    invitation = invitation_create(entry_id=entry.pk, user=entry.owner, email=invitee.email, language="en")
    collaborator = _client_of(invitee)
    collaborator.post(_accept_url(invitation))
    url = reverse("submissions:entry_edit", args=[entry.pk])
    opened = entry.version  # both opened the form at this version
    data = {"version": opened, "language": "ko", "summary_en": ""}

    theirs = collaborator.post(
        url, {**data, "title_en": "Safe streets at night"}, headers={"X-Requested-With": "fetch"}
    )
    mine = owner_client.post(url, {**data, "title_en": "Bright streets"}, headers={"X-Requested-With": "fetch"})

    entry.refresh_from_db()
    assert theirs.status_code == 200
    assert theirs.json()["version"] == opened + 1
    assert mine.status_code == 409
    assert mine.json() == {
        "errors": {
            "__all__": [
                "Someone else saved this entry since you opened it. Reload to see their changes; yours are kept here."
            ]
        },
        "conflict": True,
    }
    assert (entry.title_en, entry.version) == ("Safe streets at night", opened + 1)


def test_invitation_after_the_deadline_is_refused_and_not_accepted(
    owner_client: Client, entry: Entry, invitee: User
) -> None:
    invitation = invitation_create(entry_id=entry.pk, user=entry.owner, email=invitee.email, language="en")
    Cycle.objects.filter(pk=entry.cycle_id).update(applications_close_at=timezone.now() - timedelta(seconds=1))
    response = _invite(owner_client, entry, "late@example.org")
    assert "The deadline has passed: the entry can no longer be changed." in response.content.decode()
    assert not Invitation.objects.filter(email="late@example.org").exists()
    with pytest.raises(IntakeError):
        invitation_accept(token=invitation.token, user=invitee)
    assert not entry.collaborators.exists()
