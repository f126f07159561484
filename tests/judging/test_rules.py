"""The judging permission predicates (judging/rules.py) over the states they
read, and the permissions composed of them for each role. (The plain conflict
rules they rest on: tests/judging/engine/test_conflicts.py.)"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
import rules
from django.utils import timezone

from judging import rules as judging_rules
from judging.enums import AssignmentState, ConflictKind, ConflictStatus, PeerVisibility, ReviewState
from judging.models import Assignment, Round, RoundEntry
from judging.selectors.facts import conflicts_of
from judging.services import (
    assignment_recuse,
    conflict_decide,
    conflict_declare_entry,
    conflict_declare_standing,
    conflict_request,
    judge_profile_update,
    review_save_draft,
    review_submit,
)
from prize_portal.accounts.models import User
from prize_portal.accounts.roles import Role
from prize_portal.accounts.services import user_grant_role
from submissions.enums import MembershipRole
from submissions.models import Entry, Membership
from submissions.services import invitation_accept, invitation_create
from tests.factories import assign, give_totp, make_judge, make_user, submit_entry

pytestmark = pytest.mark.django_db

REASON = "I advised this city in 2029."


@pytest.fixture
def assignment(scored_round: Round, entry: Entry, judge: User, staff: User) -> Assignment:
    """The judge (Example University, Germany, univ.example) assigned to Gangnam District (a Korean city)."""
    return assign(scored_round, entry, judge, actor=staff)


def _fresh(assignment: Assignment) -> Assignment:
    """The assignment as a request loads it: no conflict or review cached on the object."""
    return Assignment.objects.select_related("round").get(pk=assignment.pk)


def _user(user: User) -> User:
    """The user as a new request loads it: roles not cached."""
    return User.objects.get(pk=user.pk)


def _unchecked_assignment(round_: Round, entry: Entry, judge: User) -> Assignment:
    """An assignment the service would refuse (the pair is in conflict, or the
    person is not on the committee): the row stands for one made before the
    conflict arose, so that the predicate alone has to catch it."""
    RoundEntry.objects.get_or_create(round=round_, entry=entry, defaults={"via": "eligibility"})
    return Assignment.objects.create(round=round_, entry=entry, judge=judge)


def _submit(assignment: Assignment, criteria: list[Any]) -> None:
    value, implementation = criteria
    review_submit(
        judge=assignment.judge,
        assignment_id=assignment.pk,
        version=0,
        scores={value.pk: 4, implementation.pk: 9},
        overall_comment="Strong work.",
        recommendation="yes",
    )


def _set_round(round_: Round, **fields: Any) -> None:
    """Round settings staff change in admin (no service writes rounds yet)."""
    Round.objects.filter(pk=round_.pk).update(**fields)


# --- is_assignment_judge -----------------------------------------------------


def test_is_assignment_judge_true_for_the_assigned_judge(assignment: Assignment, judge: User) -> None:
    assert judging_rules.is_assignment_judge(judge, assignment) is True


def test_is_assignment_judge_false_for_another_judge(assignment: Assignment) -> None:
    other = make_judge("other@elsewhere.example")
    assert judging_rules.is_assignment_judge(other, assignment) is False


def test_is_assignment_judge_false_for_anonymous(assignment: Assignment) -> None:
    from django.contrib.auth.models import AnonymousUser

    assert judging_rules.is_assignment_judge(AnonymousUser(), assignment) is False


# --- is_assignment_active ----------------------------------------------------


def test_is_assignment_active_true_when_assigned(assignment: Assignment, judge: User) -> None:
    assert judging_rules.is_assignment_active(judge, _fresh(assignment)) is True


def test_is_assignment_active_false_once_recused(assignment: Assignment, judge: User) -> None:
    assignment_recuse(judge=judge, assignment_id=assignment.pk, reason="I am unwell.")
    fresh = _fresh(assignment)
    assert fresh.state == AssignmentState.RECUSED
    assert judging_rules.is_assignment_active(judge, fresh) is False


# --- is_conflicted -----------------------------------------------------------


def _declare_entry(w: dict[str, Any]) -> None:
    conflict_declare_entry(judge=w["judge"], assignment_id=w["assignment"].pk, reason=REASON)


def _standing(kind: str, **target: Any) -> Callable[[dict[str, Any]], None]:
    def declare(w: dict[str, Any]) -> None:
        resolved = {name: value(w) if callable(value) else value for name, value in target.items()}
        conflict_declare_standing(judge=w["judge"], kind=kind, reason=REASON, **resolved)

    return declare


def _request(decision: bool | None) -> Callable[[dict[str, Any]], None]:
    """The entry's owner asks that the judge does not judge it; staff decide (None: not yet)."""

    def request(w: dict[str, Any]) -> None:
        entry = w["entry"]
        conflict = conflict_request(user=entry.owner, entry_id=entry.pk, judge_id=w["judge"].pk, reason=REASON)
        if decision is not None:
            conflict_decide(actor=w["staff"], conflict_id=conflict.pk, approve=decision)

    return request


def _member(w: dict[str, Any]) -> None:
    # No service adds a member to an organisation yet.
    Membership.objects.create(organisation=w["entry"].organisation, user=w["judge"], role=MembershipRole.MEMBER)


def _profile(**fields: Any) -> Callable[[dict[str, Any]], None]:
    def update(w: dict[str, Any]) -> None:
        judge_profile_update(user=w["judge"], **fields)

    return update


def _collaborator(w: dict[str, Any]) -> None:
    entry = w["entry"]
    invitation = invitation_create(entry_id=entry.pk, user=entry.owner, email=w["judge"].email, language="en")
    invitation_accept(token=invitation.token, user=w["judge"])


def _other_round_entry_conflict(w: dict[str, Any]) -> None:
    """A declared conflict with a different entry says nothing about this one."""
    other = submit_entry(w["entry"].category, email="lima@lima.example", name_en="Lima", country="PE")
    other_assignment = assign(w["assignment"].round, other, w["judge"], actor=w["staff"])
    conflict_declare_entry(judge=w["judge"], assignment_id=other_assignment.pk, reason=REASON)


S = ConflictKind
CONFLICT_CASES: list[tuple[str, Callable[[dict[str, Any]], None] | None, set[str]]] = [
    ("nothing", None, set()),
    ("declared-for-the-entry", _declare_entry, {S.ENTRY}),
    ("declared-for-another-entry", _other_round_entry_conflict, set()),
    (
        "standing-organisation",
        _standing(S.ORGANISATION, organisation_id=lambda w: w["entry"].organisation_id),
        {S.ORGANISATION},
    ),
    ("standing-country", _standing(S.COUNTRY, country="KR"), {S.COUNTRY}),
    ("standing-other-country", _standing(S.COUNTRY, country="PE"), set()),
    ("standing-domain", _standing(S.DOMAIN, email_domain="@Gangnam.Example"), {S.DOMAIN}),
    ("standing-other-domain", _standing(S.DOMAIN, email_domain="busan.example"), set()),
    ("request-approved", _request(True), {S.REQUESTED}),
    ("request-pending", _request(None), set()),
    ("request-rejected", _request(False), set()),
    # A member's address is one of the organisation's domains, so the judge's own domain matches too.
    ("member-of-the-organisation", _member, {S.SAME_ORGANISATION, S.SAME_DOMAIN}),
    ("profile-organisation-english", _profile(organisation="  GANGNAM-district. "), {S.SAME_ORGANISATION}),
    ("profile-organisation-native", _profile(organisation="강남구"), {S.SAME_ORGANISATION}),
    ("profile-organisation-part-of-the-name", _profile(organisation="Gangnam"), set()),
    ("profile-email-domain", _profile(email_domain="gangnam.example"), {S.SAME_DOMAIN}),
    ("profile-public-email-domain", _profile(email_domain="gmail.com"), set()),
    ("profile-same-country-rule-off", _profile(country="KR"), set()),
    ("collaborator", _collaborator, {S.COLLABORATOR, S.SAME_DOMAIN}),
]


@pytest.mark.parametrize(
    ("make", "kinds"), [pytest.param(make, kinds, id=name) for name, make, kinds in CONFLICT_CASES]
)
def test_is_conflicted_for_each_kind_of_conflict(
    assignment: Assignment, entry: Entry, judge: User, staff: User, make: Any, kinds: set[str]
) -> None:
    if make is not None:
        make({"assignment": assignment, "entry": entry, "judge": judge, "staff": staff})
    fresh = _fresh(assignment)

    assert judging_rules.is_conflicted(judge, fresh) is bool(kinds)
    found = conflicts_of(judge.pk, entry.pk, country_rule=fresh.round.country_conflicts)
    assert {item.kind for item in found} == kinds


def test_is_conflicted_computes_once_per_object(
    assignment: Assignment, judge: User, django_assert_num_queries: Any
) -> None:
    fresh = _fresh(assignment)
    assert judging_rules.is_conflicted(judge, fresh) is False
    with django_assert_num_queries(0):
        assert judging_rules.is_conflicted(judge, fresh) is False


def test_is_conflicted_same_email_domain(scored_round: Round, entry: Entry) -> None:
    colleague = make_judge("deputy@gangnam.example")
    assignment = _unchecked_assignment(scored_round, entry, colleague)

    assert judging_rules.is_conflicted(colleague, _fresh(assignment)) is True
    assert [item.kind for item in conflicts_of(colleague.pk, entry.pk, country_rule=False)] == [S.SAME_DOMAIN]


def test_is_conflicted_not_for_a_shared_public_mail_domain(project: Any, scored_round: Round, staff: User) -> None:
    entry = submit_entry(project, email="mayor.kim@gmail.com", name_en="Gwacheon City", name_native="과천시")
    judge = make_judge("professor.lee@gmail.com", organisation="Example University")
    judge_profile_update(user=judge, email_domain="gmail.com")
    assignment = assign(scored_round, entry, judge, actor=staff)

    assert judging_rules.is_conflicted(judge, _fresh(assignment)) is False


@pytest.mark.parametrize(
    ("organisation_type", "country_rule", "conflicted"),
    [
        ("city", False, False),
        ("city", True, True),
        ("corporation", True, False),
        ("corporation", False, False),
    ],
)
def test_is_conflicted_same_country_only_for_government_entries_when_the_round_says_so(
    project: Any, scored_round: Round, staff: User, organisation_type: str, country_rule: bool, conflicted: bool
) -> None:
    entry = submit_entry(
        project, email="office@suwon.example", name_en="Suwon Works", name_native="수원", type=organisation_type
    )
    judge = make_judge("judge@univ.example", country="KR", organisation="Example University")
    assignment = assign(scored_round, entry, judge, actor=staff)  # the rule is off while assigning
    _set_round(scored_round, country_conflicts=country_rule)
    fresh = _fresh(assignment)

    assert judging_rules.is_conflicted(judge, fresh) is conflicted
    found = conflicts_of(judge.pk, entry.pk, country_rule=fresh.round.country_conflicts)
    assert [item.kind for item in found] == ([S.SAME_COUNTRY] if conflicted else [])


def test_is_conflicted_same_country_needs_the_judges_country(scored_round: Round, entry: Entry, staff: User) -> None:
    judge = make_judge("nowhere@univ.example", country="")
    _set_round(scored_round, country_conflicts=True)
    assignment = assign(scored_round, entry, judge, actor=staff)

    assert judging_rules.is_conflicted(judge, _fresh(assignment)) is False


def test_is_conflicted_when_the_judge_owns_the_entry(scored_round: Round, entry: Entry) -> None:
    owner = entry.owner
    user_grant_role(user=owner, role=Role.JUDGE)
    judge_profile_update(user=owner, organisation="Another Body")
    give_totp(owner)
    assignment = _unchecked_assignment(scored_round, entry, owner)

    assert judging_rules.is_conflicted(_user(owner), _fresh(assignment)) is True
    # The owner is also the organisation's member and the address is the entry's.
    kinds = {item.kind for item in conflicts_of(owner.pk, entry.pk, country_rule=False)}
    assert kinds == {S.COLLABORATOR, S.SAME_ORGANISATION, S.SAME_DOMAIN}


# --- is_round_open -----------------------------------------------------------


@pytest.mark.parametrize(
    ("opens", "closes", "is_open"),
    [
        (timedelta(hours=1), timedelta(days=5), False),  # before opening
        (timedelta(hours=-1), timedelta(days=5), True),  # open
        (timedelta(days=-10), timedelta(seconds=-1), False),  # after closing
    ],
    ids=["before-opening", "open", "after-closing"],
)
def test_is_round_open_by_time(
    assignment: Assignment, judge: User, opens: timedelta, closes: timedelta, is_open: bool
) -> None:
    now = timezone.now()
    _set_round(assignment.round, opens_at=now + opens, closes_at=now + closes)
    assert judging_rules.is_round_open(judge, _fresh(assignment)) is is_open


# --- is_review_submitted -----------------------------------------------------


def test_is_review_submitted_false_without_review(assignment: Assignment, judge: User) -> None:
    assert judging_rules.is_review_submitted(judge, _fresh(assignment)) is False


def test_is_review_submitted_false_for_a_draft(assignment: Assignment, judge: User, criteria: list[Any]) -> None:
    review_save_draft(judge=judge, assignment_id=assignment.pk, version=0, scores={criteria[0].pk: 3})
    fresh = _fresh(assignment)
    assert fresh.review.state == ReviewState.DRAFT
    assert judging_rules.is_review_submitted(judge, fresh) is False


def test_is_review_submitted_true_once_submitted(assignment: Assignment, judge: User, criteria: list[Any]) -> None:
    _submit(assignment, criteria)
    assert judging_rules.is_review_submitted(judge, _fresh(assignment)) is True


# --- round_shows_peers -------------------------------------------------------


@pytest.mark.parametrize(
    ("visibility", "submitted", "shows"),
    [
        (PeerVisibility.NEVER, False, False),
        (PeerVisibility.NEVER, True, False),
        (PeerVisibility.AFTER_OWN, False, False),
        (PeerVisibility.AFTER_OWN, True, True),
        (PeerVisibility.ALWAYS, False, True),
        (PeerVisibility.ALWAYS, True, True),
    ],
)
def test_round_shows_peers_by_visibility_and_own_review(
    assignment: Assignment, judge: User, criteria: list[Any], visibility: str, submitted: bool, shows: bool
) -> None:
    _set_round(assignment.round, peer_visibility=visibility)
    if submitted:
        _submit(assignment, criteria)
    assert judging_rules.round_shows_peers(judge, _fresh(assignment)) is shows


# --- composed permissions ----------------------------------------------------

OBJECT_PERMS = ("open_assignment", "score_assignment", "recuse_assignment", "see_peer_reviews")


def _person(role: str) -> User:
    if role == "judge":
        return make_judge("member@univ.example")
    if role == "chair":
        return make_judge("chair@univ.example", role=Role.CHAIR)
    user = make_user(Role.STAFF if role == "staff" else Role.APPLICANT, email=f"{role}-person@wego.example")
    if role == "staff":
        give_totp(user)
    return user


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("applicant", set()),
        ("judge", {"open_assignment", "score_assignment", "recuse_assignment", "see_peer_reviews"}),
        ("chair", {"open_assignment", "score_assignment", "recuse_assignment", "see_peer_reviews"}),
        ("staff", set()),
    ],
)
def test_assignment_perms_need_a_committee_member_as_its_judge(
    scored_round: Round, entry: Entry, role: str, allowed: set[str]
) -> None:
    """Each role holding the assignment itself: only committee members get anything."""
    person = _person(role)
    _set_round(scored_round, peer_visibility=PeerVisibility.ALWAYS)
    assignment = _unchecked_assignment(scored_round, entry, person)
    fresh, user = _fresh(assignment), _user(person)

    assert {name for name in OBJECT_PERMS if user.has_perm(f"judging.{name}", fresh)} == allowed


@pytest.mark.parametrize("role", ["applicant", "judge", "chair", "staff"])
def test_assignment_perms_refused_to_anyone_but_the_assigned_judge(
    assignment: Assignment, entry: Entry, role: str
) -> None:
    user = entry.owner if role == "applicant" else _person(role)
    _set_round(assignment.round, peer_visibility=PeerVisibility.ALWAYS)
    fresh = _fresh(assignment)

    assert {name for name in OBJECT_PERMS if _user(user).has_perm(f"judging.{name}", fresh)} == set()


@pytest.mark.parametrize(
    ("role", "perms"),
    [
        ("applicant", set()),
        ("judge", {"use_reviewer_pages"}),
        ("chair", {"use_reviewer_pages"}),
        ("staff", {"manage_rounds"}),
    ],
)
def test_page_perms_by_role(db: Any, role: str, perms: set[str]) -> None:
    user = _user(_person(role))
    assert {name for name in ("use_reviewer_pages", "manage_rounds") if user.has_perm(f"judging.{name}")} == perms


def test_page_perms_refused_to_anonymous() -> None:
    from django.contrib.auth.models import AnonymousUser

    anonymous = AnonymousUser()
    assert [rules.has_perm(f"judging.{name}", anonymous) for name in ("use_reviewer_pages", "manage_rounds")] == [
        False,
        False,
    ]


def _perms(judge: User, assignment: Assignment) -> set[str]:
    fresh, user = _fresh(assignment), _user(judge)
    return {name for name in OBJECT_PERMS if user.has_perm(f"judging.{name}", fresh)}


def test_assigned_judge_in_an_open_round_before_submitting(assignment: Assignment, judge: User) -> None:
    # Peers are shown after one's own review (the default).
    assert _perms(judge, assignment) == {"open_assignment", "score_assignment", "recuse_assignment"}


def test_assigned_judge_after_submitting_reads_and_sees_peers(
    assignment: Assignment, judge: User, criteria: list[Any]
) -> None:
    _submit(assignment, criteria)
    assert _perms(judge, assignment) == {"open_assignment", "see_peer_reviews"}


@pytest.mark.parametrize("when", ["before-opening", "after-closing"])
def test_assigned_judge_outside_the_round_reads_only(assignment: Assignment, judge: User, when: str) -> None:
    now = timezone.now()
    if when == "before-opening":
        _set_round(assignment.round, opens_at=now + timedelta(days=1), closes_at=now + timedelta(days=9))
    else:
        _set_round(assignment.round, opens_at=now - timedelta(days=9), closes_at=now - timedelta(minutes=1))
    assert _perms(judge, assignment) == {"open_assignment"}


def test_recused_judge_has_no_assignment_perm(assignment: Assignment, judge: User) -> None:
    _set_round(assignment.round, peer_visibility=PeerVisibility.ALWAYS)
    assignment_recuse(judge=judge, assignment_id=assignment.pk, reason="I am unwell.")
    assert _perms(judge, assignment) == set()


@pytest.mark.parametrize(
    "conflict",
    [
        {"kind": ConflictKind.COUNTRY, "country": "KR"},
        {"kind": ConflictKind.REQUESTED, "status": ConflictStatus.APPROVED},
        {"kind": ConflictKind.ENTRY},
    ],
    ids=["standing-country", "approved-request", "declared-entry"],
)
def test_conflicted_judge_with_an_active_assignment_has_no_assignment_perm(
    assignment: Assignment, judge: User, entry: Entry, conflict: dict[str, Any]
) -> None:
    """The conflict row alone, with the assignment still active (the services
    would recuse it): the predicate has to block."""
    from judging.models import Conflict

    target = {} if conflict["kind"] == ConflictKind.COUNTRY else {"entry": entry}
    Conflict.objects.create(judge=judge, reason=REASON, **target, **conflict)
    _set_round(assignment.round, peer_visibility=PeerVisibility.ALWAYS)

    assert _fresh(assignment).state == AssignmentState.ACTIVE
    assert _perms(judge, assignment) == set()
