"""The committee member's own pages (invitation, profile, standing conflicts)
and the applicant's exclusion requests, through Django's test client."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from judging.enums import ConflictKind, ConflictStatus
from judging.models import Conflict, JudgeInvitation, JudgeProfile
from judging.services import (
    conflict_decide,
    conflict_declare_entry,
    conflict_declare_standing,
    conflict_request,
    judge_invite,
)
from prize_portal.accounts.models import User
from prize_portal.accounts.roles import GROUP_NAMES, Role
from prize_portal.outbox.models import OutboxMessage
from prize_portal.outbox.rendering import render_email
from prize_portal.privacy.models import Consent
from tests.factories import (
    PASSWORD,
    PDF_BYTES,
    answer_consents,
    assign,
    make_jpeg,
    make_judge,
    make_round,
    make_user,
    submit_entry,
)

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "quiet-lantern-river-77"


def _client_of(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _groups(user: Any) -> set[str]:
    return set(user.groups.values_list("name", flat=True))


def _messages(response: Any) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def _text(response: Any) -> str:
    """The page's visible text with whitespace collapsed (for phrases that wrap)."""
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# --- Invitation ---------------------------------------------------------------------------


@pytest.fixture
def invitation(staff: Any) -> JudgeInvitation:
    return judge_invite(actor=staff, email="Lee@Expert.example", name="Dr Lee Min-ji", language="en")


def _accept_url(invitation: JudgeInvitation, language: str = "en") -> str:
    with translation.override(language):
        return reverse("judging:invitation_accept", args=[invitation.token])


def _sign_up(invitation: JudgeInvitation, **extra: str) -> dict[str, str]:
    data = {"name": "Lee Min-ji", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    data.update(extra)
    return data


def test_invitation_mail_links_to_the_acceptance_page(invitation: JudgeInvitation) -> None:
    email = render_email(OutboxMessage.objects.get(template="judging/email/judge_invitation"))

    assert email.to == ["Lee@Expert.example"]
    assert email.subject == (
        "[Seoul Smart City Prize] staff@wego.example invites you to the committee of the Seoul Smart City Prize"
    )
    assert "Dear Dr Lee Min-ji," in email.body
    assert f"{settings.SITE_URL}/en/judging/invitations/{invitation.token}/" in email.body


def test_invitation_page_shows_who_invites_whom_without_leaking_the_token(
    client: Client, invitation: JudgeInvitation
) -> None:
    response = client.get(_accept_url(invitation))

    text = _text(response)
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["Cache-Control"] == "private, no-store"
    assert "staff@wego.example invites Dr Lee Min-ji (Lee@Expert.example) to join the advisory committee" in text
    assert "Next you will set up an authenticator app" in text
    assert response.context["form"]["name"].value() == "Dr Lee Min-ji"
    assert response.content.decode().count("<h1>") == 1


def test_invitation_accept_creates_a_judge_who_must_set_up_totp_next(
    client: Client, invitation: JudgeInvitation
) -> None:
    response = client.post(_accept_url(invitation), _sign_up(invitation))

    user = User.objects.get(email="lee@expert.example")
    invitation.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == reverse("judging:profile")
    assert response["Referrer-Policy"] == "no-referrer"
    assert (user.name, user.language, user.check_password(NEW_PASSWORD)) == ("Lee Min-ji", "en", True)
    assert _groups(user) == {GROUP_NAMES[Role.JUDGE]}
    assert JudgeProfile.objects.filter(user=user).exists()
    assert (invitation.accepted_by, invitation.accepted_at is not None) == (user, True)
    assert client.session[SESSION_KEY] == str(user.pk)

    following = client.get(response["Location"], follow=True)

    # TOTP setup first, without asking for the password just chosen.
    assert following.redirect_chain == [(reverse("mfa_activate_totp"), 302)]
    assert 'name="code"' in following.content.decode()
    assert 'name="password"' not in following.content.decode()
    assert "Welcome to the committee. Set up your authenticator app, then your profile." in _messages(following)


def test_invitation_for_a_chair_makes_a_judge_and_chair(client: Client, staff: Any) -> None:
    invitation = judge_invite(actor=staff, email="chair@wego.example", name="Chair", language="ko", chair=True)

    response = client.post(_accept_url(invitation, "ko"), _sign_up(invitation))

    user = User.objects.get(email="chair@wego.example")
    assert response.status_code == 302
    assert user.language == "ko"
    assert _groups(user) == {GROUP_NAMES[Role.JUDGE], GROUP_NAMES[Role.CHAIR]}


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        ({"password2": "something-else-entirely"}, "password2", "The two passwords are not the same."),
        ({"password1": "short", "password2": "short"}, "password1", "This password is too short."),
        ({"password1": "lee@expert.example", "password2": "lee@expert.example"}, "password1", "too similar"),
        ({"name": ""}, "name", "This field is required."),
    ],
)
def test_invitation_accept_with_a_bad_password_or_name_creates_nothing(
    client: Client, invitation: JudgeInvitation, extra: dict[str, str], field: str, message: str
) -> None:
    response = client.post(_accept_url(invitation), _sign_up(invitation, **extra))

    invitation.refresh_from_db()
    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    assert 'class="error-summary"' in response.content.decode()
    assert not User.objects.filter(email__iexact=invitation.email).exists()
    assert invitation.accepted_at is None


def test_invitation_accept_signed_in_with_the_invited_address_adds_the_role(staff: Any) -> None:
    applicant = make_user(email="lee@expert.example")
    invitation = judge_invite(actor=staff, email="Lee@Expert.example", name="Lee", language="en")
    client = _client_of(applicant)

    page = client.get(_accept_url(invitation))
    response = client.post(_accept_url(invitation))

    assert "Join the committee" in _text(page)
    assert page.context["form"].consent_texts == {}  # no privacy texts published here: nothing to ask
    assert response.status_code == 302
    assert response["Location"] == reverse("judging:profile")
    assert _groups(applicant) == {GROUP_NAMES[Role.APPLICANT], GROUP_NAMES[Role.JUDGE]}
    assert JudgeProfile.objects.filter(user=applicant).exists()
    assert applicant.check_password(PASSWORD)


@pytest.mark.usefixtures("privacy_texts")
def test_invitation_asks_the_judges_items_and_records_the_answers(client: Client, invitation: JudgeInvitation) -> None:
    page = client.get(_accept_url(invitation)).content.decode()
    for code in ("privacy-notice", "judge-data", "reminder-emails", "judge-profile"):
        assert f'name="consent__{code}"' in page
    assert 'name="consent__applicant-data"' not in page

    refused = client.post(_accept_url(invitation), _sign_up(invitation, **{"consent__privacy-notice": "on"}))
    assert refused.status_code == 200
    assert "Tick this box to go on: it is needed to take part." in refused.content.decode()
    assert not User.objects.filter(email__iexact="lee@expert.example").exists()

    answers = {"consent__privacy-notice": "on", "consent__judge-data": "on", "consent__judge-profile": "on"}
    response = client.post(_accept_url(invitation), _sign_up(invitation, **answers))

    assert response.status_code == 302
    user = User.objects.get(email="lee@expert.example")
    recorded = {row.code: (row.given, row.role, row.source) for row in Consent.objects.filter(user=user)}
    assert recorded == {
        "privacy-notice": (True, "judge", "invitation"),
        "judge-data": (True, "judge", "invitation"),
        "reminder-emails": (False, "judge", "invitation"),
        "judge-profile": (True, "judge", "invitation"),
    }
    assert JudgeProfile.objects.get(user=user).publish_consent is True
    assert user.reminder_emails is False
    # Nothing more is due: the next pages open (TOTP set-up first).
    assert client.get(reverse("judging:profile"))["Location"] == reverse("mfa_activate_totp")


@pytest.mark.usefixtures("privacy_texts")
def test_an_applicant_joining_the_committee_answers_the_judges_items(staff: Any) -> None:
    applicant = make_user(email="lee@expert.example")
    answer_consents(applicant)
    invitation = judge_invite(actor=staff, email="Lee@Expert.example", name="Lee", language="en")
    client = _client_of(applicant)
    page = client.get(_accept_url(invitation)).content.decode()
    assert 'name="consent__judge-data"' in page
    reminders = 'name="consent__reminder-emails" aria-describedby="id_consent__reminder-emails_helptext"'
    assert reminders + ' id="id_consent__reminder-emails" checked>' in page

    client.post(_accept_url(invitation), {"consent__privacy-notice": "on", "consent__judge-data": "on"})

    assert _groups(applicant) == {GROUP_NAMES[Role.APPLICANT], GROUP_NAMES[Role.JUDGE]}
    latest = {row.code: row.given for row in Consent.objects.filter(user=applicant).order_by("created_at", "pk")}
    assert (latest["judge-data"], latest["judge-profile"], latest["reminder-emails"]) == (True, False, False)


def test_invitation_accept_signed_in_with_another_address_changes_nothing(invitation: JudgeInvitation) -> None:
    stranger = make_user(email="stranger@example.org")
    client = _client_of(stranger)

    page = client.get(_accept_url(invitation))
    response = client.post(_accept_url(invitation))

    invitation.refresh_from_db()
    assert "You are signed in as stranger@example.org, but this invitation was sent to another address." in _text(page)
    assert response.status_code == 200
    assert response.context["error"] == (
        "This invitation was sent to another address. Sign out, then open the link again."
    )
    assert "This invitation was sent to another address. Sign out, then open the link again." in _text(response)
    assert _groups(stranger) == {GROUP_NAMES[Role.APPLICANT]}
    assert not JudgeProfile.objects.exists()
    assert (invitation.accepted_at, invitation.accepted_by) == (None, None)
    assert not User.objects.filter(email__iexact=invitation.email).exists()


def test_invitation_for_an_existing_account_asks_to_sign_in_first(client: Client, invitation: JudgeInvitation) -> None:
    make_user(email="lee@expert.example")

    page = client.get(_accept_url(invitation))
    response = client.post(_accept_url(invitation), _sign_up(invitation))

    assert page.context["has_account"] is True
    assert f'href="/en/accounts/login/?next=%2Fen%2Fjudging%2Finvitations%2F{invitation.token}%2F"' in (
        page.content.decode()
    )
    assert response.context["error"] == "An account with this address exists. Sign in, then open the link again."
    assert not JudgeProfile.objects.exists()


def test_invitation_used_once_cannot_be_used_again(client: Client, invitation: JudgeInvitation) -> None:
    client.post(_accept_url(invitation), _sign_up(invitation))
    other = Client()

    page = other.get(_accept_url(invitation))
    response = other.post(_accept_url(invitation), _sign_up(invitation, name="Someone Else"))

    assert page.status_code == 200
    assert "This invitation has already been used or does not exist." in _text(page)
    assert page["Referrer-Policy"] == "no-referrer"
    assert response.status_code == 200
    assert "This invitation has already been used or does not exist." in _text(response)
    assert list(User.objects.filter(email="lee@expert.example").values_list("name", flat=True)) == ["Lee Min-ji"]


def test_invitation_with_an_unknown_token_is_not_found(client: Client) -> None:
    response = client.get(reverse("judging:invitation_accept", args=["not-a-real-token"]))

    assert response.status_code == 404


# --- Profile ------------------------------------------------------------------------------


def _profile_data(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "themes": "Mobility, ageing",
        "languages": ["ja", "ko"],
        "country": "JP",
        "organisation": "Tokyo Institute",
        "email_domain": "@Tokyo.Example",
        "bio": "Urban data researcher.",
        "publish_consent": "on",
    }
    data.update(extra)
    return data


def test_profile_shows_the_tracks_and_languages_to_choose(judge: Any, project: Any) -> None:
    response = _client_of(judge).get(reverse("judging:profile"))

    form = response.context["form"]
    languages = dict(form.fields["languages"].choices)
    assert response.status_code == 200
    assert response.content.decode().count("<h1>") == 1
    assert [str(choice[1]) for choice in form.fields["expertise_tracks"].choices] == [
        f"{project.name} · {track.name} (2030)" for track in project.tracks.order_by("order", "code")
    ]
    assert {"ko", "en", "ja", "zh-hans", "es", "fr", "pt", "ar", "ru", "id", "vi", "th", "de"} <= set(languages)
    assert 20 <= len(languages) <= 30
    assert form["languages"].value() == ["ko"]


@pytest.mark.usefixtures("privacy_texts")
def test_profile_edit_saves_the_fields_and_tracks(judge: Any, project: Any) -> None:
    track = project.tracks.order_by("order", "code").last()
    answer_consents(judge, optional=False)

    response = _client_of(judge).post(
        reverse("judging:profile"), _profile_data(expertise_tracks=[track.pk]), follow=True
    )

    profile = JudgeProfile.objects.get(user=judge)
    assert response.redirect_chain == [(reverse("judging:profile"), 302)]
    assert _messages(response) == ["Your profile has been saved."]
    assert (profile.themes, profile.languages, str(profile.country), profile.organisation) == (
        "Mobility, ageing",
        ["ja", "ko"],
        "JP",
        "Tokyo Institute",
    )
    assert (profile.email_domain, profile.bio, profile.publish_consent) == (
        "tokyo.example",
        "Urban data researcher.",
        True,
    )
    assert list(profile.expertise_tracks.all()) == [track]


def test_profile_photo_is_reencoded_and_served_to_its_owner_only(judge: Any) -> None:
    photo = SimpleUploadedFile("me.jpeg", make_jpeg((300, 300), exif=True), content_type="image/jpeg")
    client = _client_of(judge)

    client.post(reverse("judging:profile"), _profile_data(photo=photo))

    profile = JudgeProfile.objects.get(user=judge)
    page = client.get(reverse("judging:profile"))
    served = client.get(reverse("judging:profile_photo"))
    other = _client_of(make_judge("other@judges.example")).get(reverse("judging:profile_photo"))
    body = b"".join(served.streaming_content)  # type: ignore[attr-defined]
    assert re.fullmatch(rf"judges/{judge.pk}/[0-9a-f]{{32}}\.jpg", str(profile.photo.name))
    assert f'src="{reverse("judging:profile_photo")}"' in page.content.decode()
    assert (served.status_code, served["Content-Type"], served["X-Content-Type-Options"]) == (
        200,
        "image/jpeg",
        "nosniff",
    )
    assert body.startswith(b"\xff\xd8")
    assert b"SecretCam" not in body
    assert other.status_code == 404


def test_profile_photo_that_is_not_an_image_is_refused(judge: Any) -> None:
    pdf = SimpleUploadedFile("me.pdf", PDF_BYTES, content_type="application/pdf")

    response = _client_of(judge).post(reverse("judging:profile"), _profile_data(photo=pdf))

    profile = JudgeProfile.objects.get(user=judge)
    assert response.status_code == 200
    assert response.context["form"].errors["photo"] == ["Upload a JPEG, PNG or WebP photo."]
    assert 'href="#id_photo"' in response.content.decode()
    assert (profile.photo.name, profile.themes, profile.organisation) == ("", "", "Example University")


@pytest.mark.parametrize("url_name", ["judging:profile", "judging:profile_photo"])
def test_profile_pages_are_not_found_for_someone_not_on_the_committee(applicant: Any, url_name: str) -> None:
    response = _client_of(applicant).get(reverse(url_name))

    assert response.status_code == 404


def test_profile_post_by_someone_not_on_the_committee_changes_nothing(applicant: Any) -> None:
    response = _client_of(applicant).post(reverse("judging:profile"), _profile_data())

    assert response.status_code == 404
    assert not JudgeProfile.objects.exists()


def test_profile_asks_to_sign_in_when_signed_out(client: Client) -> None:
    response = client.get(reverse("judging:profile"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


# --- Standing conflicts ---------------------------------------------------------------------


def _add_conflict(client: Client, **data: str) -> Any:
    return client.post(
        reverse("judging:conflict_add"), {f"conflict-{name}": value for name, value in data.items()}, follow=True
    )


def test_standing_conflict_for_a_country_is_added_and_listed(judge: Any) -> None:
    response = _add_conflict(_client_of(judge), kind="country", country="KR", reason="I advise the ministry.")

    conflict = Conflict.objects.get()
    assert response.redirect_chain == [(reverse("judging:profile") + "#conflicts", 302)]
    assert _messages(response) == ["Your conflict of interest has been recorded."]
    assert (conflict.judge, conflict.kind, str(conflict.country), conflict.reason) == (
        judge,
        ConflictKind.COUNTRY,
        "KR",
        "I advise the ministry.",
    )
    assert [item.pk for item in response.context["standing"]] == [conflict.pk]
    assert "South Korea" in _text(response)
    assert "I advise the ministry." in _text(response)


def test_standing_conflict_with_an_organisation_offers_only_those_that_entered(
    judge: Any, entry: Any, project: Any
) -> None:
    draft = submit_entry(project, email="draft@busan.example", name_en="Busan City", submit=False)
    client = _client_of(judge)

    page = client.get(reverse("judging:profile"))
    response = _add_conflict(
        client, kind="organisation", organisation=str(entry.organisation_id), reason="Former employer"
    )

    options = [str(label) for value, label in page.context["conflict_form"].fields["organisation"].choices if value]
    conflict = Conflict.objects.get()
    assert options == [entry.organisation.name_en]
    assert draft.organisation.name_en not in options
    assert (conflict.kind, conflict.organisation) == (ConflictKind.ORGANISATION, entry.organisation)
    assert response.status_code == 200


def test_standing_conflict_without_its_target_is_refused(judge: Any) -> None:
    client = _client_of(judge)

    response = _add_conflict(client, kind="domain", email_domain="", reason="Partner")

    assert response.redirect_chain == []
    assert response.context["conflict_form"].errors == {"email_domain": ["Give the e-mail domain, e.g. example.org."]}
    assert 'href="#id_conflict-email_domain"' in response.content.decode()
    assert not Conflict.objects.exists()


def test_standing_conflict_is_removed(judge: Any) -> None:
    conflict = conflict_declare_standing(judge=judge, kind=ConflictKind.DOMAIN, email_domain="wego.example", reason="x")

    response = _client_of(judge).post(reverse("judging:conflict_remove", args=[conflict.pk]), follow=True)

    assert _messages(response) == ["The conflict of interest has been removed."]
    assert not Conflict.objects.exists()


def test_standing_conflict_of_another_judge_cannot_be_removed(judge: Any) -> None:
    other = make_judge("other@judges.example")
    conflict = conflict_declare_standing(judge=other, kind=ConflictKind.COUNTRY, country="FR", reason="Home")

    response = _client_of(judge).post(reverse("judging:conflict_remove", args=[conflict.pk]), follow=True)

    assert _messages(response) == ["This conflict cannot be removed."]
    assert Conflict.objects.filter(pk=conflict.pk).exists()


def test_conflicts_declared_for_entries_are_listed_without_a_remove_button(
    judge: Any, entry: Any, project: Any, criteria: Any
) -> None:
    assignment = assign(make_round(project), entry, judge)
    declared = conflict_declare_entry(judge=judge, assignment_id=assignment.pk, reason="My student wrote it.")

    response = _client_of(judge).get(reverse("judging:profile"))

    html = response.content.decode()
    assert [item.pk for item in response.context["declared"]] == [declared.pk]
    assert response.context["standing"] == []
    assert entry.reference in html
    assert "My student wrote it." in html
    assert reverse("judging:conflict_remove", args=[declared.pk]) not in html


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_profile_page_query_count_does_not_grow_with_conflicts(judge: Any, entry: Any, project: Any) -> None:
    client = _client_of(judge)
    conflict_declare_standing(judge=judge, kind=ConflictKind.COUNTRY, country="FR", reason="Home")
    conflict_declare_standing(
        judge=judge, kind=ConflictKind.ORGANISATION, organisation_id=entry.organisation_id, reason="x"
    )
    one = _queries(client, reverse("judging:profile"))
    for country in ("DE", "IT"):
        conflict_declare_standing(judge=judge, kind=ConflictKind.COUNTRY, country=country, reason="Home")
    conflict_declare_standing(
        judge=judge,
        kind=ConflictKind.ORGANISATION,
        organisation_id=submit_entry(project, email="b@busan.example", name_en="Busan").organisation_id,
        reason="y",
    )

    assert _queries(client, reverse("judging:profile")) == one
    assert one <= 20


# --- Exclusion requests -----------------------------------------------------------------------


@pytest.fixture
def members(judge: Any) -> list[Any]:
    """Five committee members (the ``judge`` fixture first), one of them chair."""
    others = [
        make_judge("ana@lisbon.example", name="Ana Costa", country="PT", organisation="Lisbon Lab"),
        make_judge("omar@cairo.example", name="Omar Said", country="EG"),
        make_judge("mei@taipei.example", name="Mei Lin", organisation="Taipei Tech"),
        make_judge("chair@wego.example", name="Park Chair", role=Role.CHAIR),
    ]
    return [judge, *others]


def _exclusions_url(entry: Any) -> str:
    return reverse("judging:exclusions", args=[entry.pk])


def test_exclusions_page_lists_the_committee_without_their_addresses(entry: Any, members: list[Any]) -> None:
    response = _client_of(entry.owner).get(_exclusions_url(entry))

    html = response.content.decode()
    labels = [str(label) for value, label in response.context["form"].fields["judge"].choices if value]
    assert response.status_code == 200
    assert labels == [
        "Ana Costa · Lisbon Lab · Portugal",
        "Judge · Example University · Germany",
        "Mei Lin · Taipei Tech",
        "Omar Said · Egypt",
        "Park Chair",
    ]
    assert "You can name 3 more committee members." in _text(response)
    for member in members:
        assert member.email not in html
        assert member.email.split("@")[1] not in html


def test_exclusion_request_by_the_owner_is_recorded_for_staff(entry: Any, members: list[Any]) -> None:
    ana = members[1]

    response = _client_of(entry.owner).post(
        _exclusions_url(entry), {"judge": ana.pk, "reason": "She consults for our city."}, follow=True
    )

    conflict = Conflict.objects.get()
    assert response.redirect_chain == [(_exclusions_url(entry), 302)]
    assert _messages(response) == ["Your request has been sent to the secretariat, who will decide on it."]
    assert (conflict.judge, conflict.entry, conflict.kind, conflict.status, conflict.created_by) == (
        ana,
        entry,
        ConflictKind.REQUESTED,
        ConflictStatus.PENDING,
        entry.owner,
    )
    assert "Ana Costa · Lisbon Lab · Portugal" in _text(response)
    assert "Waiting for staff" in _text(response)
    assert "You can name 2 more committee members." in _text(response)
    assert ana.pk not in [value for value, _label in response.context["form"].fields["judge"].choices if value]


def test_exclusion_statuses_are_shown_and_rejected_requests_do_not_count(
    entry: Any, members: list[Any], staff: Any
) -> None:
    first = conflict_request(user=entry.owner, entry_id=entry.pk, judge_id=members[1].pk, reason="a")
    second = conflict_request(user=entry.owner, entry_id=entry.pk, judge_id=members[2].pk, reason="b")
    conflict_request(user=entry.owner, entry_id=entry.pk, judge_id=members[3].pk, reason="c")
    conflict_decide(actor=staff, conflict_id=first.pk, approve=True)
    conflict_decide(actor=staff, conflict_id=second.pk, approve=False)

    response = _client_of(entry.owner).get(_exclusions_url(entry))

    statuses = [item.get_status_display() for item in response.context["requests"]]
    assert statuses == ["In force", "Rejected by staff", "Waiting for staff"]
    assert response.context["remaining"] == 1
    assert "You can name 1 more committee member." in _text(response)


def test_fourth_exclusion_request_is_refused_with_a_message(entry: Any, members: list[Any]) -> None:
    for member in members[1:4]:
        conflict_request(user=entry.owner, entry_id=entry.pk, judge_id=member.pk, reason="Conflict")
    client = _client_of(entry.owner)

    page = client.get(_exclusions_url(entry))
    response = client.post(_exclusions_url(entry), {"judge": members[4].pk, "reason": "Also"})

    assert "You have named 3 committee members, the most allowed." in _text(page)
    assert "Send the request" not in _text(page)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["You can name at most 3 committee members."]
    assert "You can name at most 3 committee members." in _text(response)
    assert Conflict.objects.filter(kind=ConflictKind.REQUESTED).count() == 3


def test_exclusion_request_without_a_reason_is_refused(entry: Any, members: list[Any]) -> None:
    response = _client_of(entry.owner).post(_exclusions_url(entry), {"judge": members[1].pk, "reason": " "})

    assert response.context["form"].errors == {"reason": ["This field is required."]}
    assert 'href="#id_reason"' in response.content.decode()
    assert not Conflict.objects.exists()


def test_exclusions_page_is_not_found_for_another_applicant(entry: Any, members: list[Any], applicant: Any) -> None:
    client = _client_of(applicant)

    page = client.get(_exclusions_url(entry))
    response = client.post(_exclusions_url(entry), {"judge": members[1].pk, "reason": "Spite"})

    assert (page.status_code, response.status_code) == (404, 404)
    assert not Conflict.objects.exists()


def test_exclusions_page_is_not_found_for_a_draft(project: Any, members: list[Any]) -> None:
    draft = submit_entry(project, email="draft@busan.example", submit=False)

    response = _client_of(draft.owner).get(_exclusions_url(draft))

    assert response.status_code == 404


def test_entry_page_links_to_exclusions_once_submitted(entry: Any, project: Any) -> None:
    draft = submit_entry(project, email="draft@busan.example", submit=False)

    submitted = _client_of(entry.owner).get(reverse("submissions:entry_detail", args=[entry.pk]))
    unsubmitted = _client_of(draft.owner).get(reverse("submissions:entry_detail", args=[draft.pk]))

    assert f'href="{_exclusions_url(entry)}"' in submitted.content.decode()
    assert "/exclusions/" not in unsubmitted.content.decode()


def test_exclusions_page_query_count_does_not_grow_with_requests(entry: Any, members: list[Any], staff: Any) -> None:
    client = _client_of(entry.owner)
    conflict_request(user=entry.owner, entry_id=entry.pk, judge_id=members[1].pk, reason="Conflict")
    one = _queries(client, _exclusions_url(entry))
    for member in members[2:4]:
        conflict_request(user=entry.owner, entry_id=entry.pk, judge_id=member.pk, reason="Conflict")
    conflict_decide(actor=staff, conflict_id=Conflict.objects.latest("pk").pk, approve=False)

    assert _queries(client, _exclusions_url(entry)) == one
    assert one <= 20
