"""Builds the plain facts that conflicts.py and assignment.py decide on, in a
fixed number of queries whatever the number of judges and entries."""

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import BooleanField, Value

from categories.enums import ApplicantType
from judging.engine import assignment, conflicts
from judging.enums import ConflictStatus
from judging.models import Assignment, Conflict, JudgeProfile
from prize_portal.accounts.models import User
from submissions.models import Entry, Membership


def judge_conflict_facts(judge_ids: Iterable[int]) -> dict[int, conflicts.JudgeTies]:
    """Conflict facts of each judge: profile, memberships, entries they work on,
    stored conflicts in force (pending or rejected requests are not in force)."""
    ids = sorted(set(judge_ids))
    users: dict[int, str] = {}
    profiles: dict[int, JudgeProfile] = {}
    for user in User.objects.filter(pk__in=ids).select_related("judge_profile").only("pk", "email", "judge_profile"):
        users[user.pk] = user.email
        profile = getattr(user, "judge_profile", None)
        if profile is not None:
            profiles[user.pk] = profile
    member_of: dict[int, set[int]] = defaultdict(set)
    for user_id, organisation_id in Membership.objects.filter(user_id__in=ids).values_list(
        "user_id", "organisation_id"
    ):
        member_of[user_id].add(organisation_id)
    # Entries the judges own or collaborate on, in one query.
    owned = Entry.objects.filter(owner_id__in=ids).order_by().values_list("owner_id", "pk")
    shared = Entry.collaborators.through.objects.filter(user_id__in=ids).order_by().values_list("user_id", "entry_id")
    works_on: dict[int, set[int]] = defaultdict(set)
    for user_id, entry_id in owned.union(shared, all=True):
        works_on[user_id].add(entry_id)
    stored: dict[int, list[conflicts.StoredConflict]] = defaultdict(list)
    for conflict in Conflict.objects.filter(judge_id__in=ids, status=ConflictStatus.APPROVED).order_by("pk"):
        stored[conflict.judge_id].append(
            conflicts.StoredConflict(
                kind=conflicts.ConflictKind(conflict.kind),
                reason=conflict.reason,
                entry_id=conflict.entry_id,
                organisation_id=conflict.organisation_id,
                country=str(conflict.country or ""),
                email_domain=conflict.email_domain.lower(),
            )
        )
    facts = {}
    for judge_id in ids:
        profile = profiles.get(judge_id)
        domains = {conflicts.domain_of(users.get(judge_id, ""))}
        if profile and profile.email_domain:
            domains.add(conflicts.domain_of("x@" + profile.email_domain))
        domains.discard("")
        facts[judge_id] = conflicts.JudgeTies(
            judge_id=judge_id,
            organisation=conflicts.normalise_name(profile.organisation) if profile else "",
            domains=frozenset(domains),
            country=str(profile.country or "") if profile else "",
            member_of=frozenset(member_of[judge_id]),
            works_on=frozenset(works_on[judge_id]),
            stored=tuple(stored[judge_id]),
        )
    return facts


def entry_conflict_facts(entry_ids: Iterable[int]) -> dict[int, conflicts.EntryTies]:
    """Conflict facts of each entry: its organisation's names, country, type,
    and the domains of its people and website."""
    ids = sorted(set(entry_ids))
    rows = Entry.objects.filter(pk__in=ids).select_related("organisation", "owner")
    # Addresses of the entries' collaborators and of their organisations' members, in one query.
    # Collaborators' answers to the transfer-abroad consent come along (members are not on the entry).
    collaborators = (
        Entry.collaborators.through.objects.filter(entry_id__in=ids)
        .order_by()
        .values_list("entry_id", "user__email", "user__transfer_abroad")
    )
    members = (
        Membership.objects.filter(organisation__entries__in=ids)
        .order_by()
        .values_list("organisation__entries", "user__email", Value(True, output_field=BooleanField()))
    )
    domains: dict[int, set[str]] = defaultdict(set)
    abroad_refused: set[int] = set()
    for entry_id, email, abroad in collaborators.union(members, all=True):
        domains[entry_id].add(conflicts.domain_of(email))
        if not abroad:
            abroad_refused.add(entry_id)
    facts = {}
    for entry in rows:
        organisation = entry.organisation
        found = set(domains[entry.pk])
        found |= {conflicts.domain_of(entry.owner.email), conflicts.domain_of(organisation.website)}
        found.discard("")
        facts[entry.pk] = conflicts.EntryTies(
            entry_id=entry.pk,
            organisation_id=organisation.pk,
            organisation_names=frozenset(
                name
                for name in (
                    conflicts.normalise_name(organisation.name_en),
                    conflicts.normalise_name(organisation.name_native),
                )
                if name
            ),
            country=str(organisation.country or ""),
            government=organisation.type == ApplicantType.CITY,
            domains=frozenset(found),
            abroad_refused=entry.pk in abroad_refused or not entry.owner.transfer_abroad,
        )
    return facts


def conflicted_entries(judge_id: int, entry_ids: Iterable[int], *, country_rule: bool) -> set[int]:
    """Which of the entries the person is in conflict with (fixed query count)."""
    judge = judge_conflict_facts([judge_id])[judge_id]
    return {
        entry_id
        for entry_id, entry in entry_conflict_facts(entry_ids).items()
        if conflicts.conflicts_between(judge, entry, country_rule=country_rule)
    }


def conflicts_of(judge_id: int, entry_id: int, *, country_rule: bool) -> list[conflicts.Found]:
    """Why one judge may not judge one entry (empty list: no conflict)."""
    judge = judge_conflict_facts([judge_id])[judge_id]
    entry = entry_conflict_facts([entry_id]).get(entry_id)
    if entry is None:
        return []
    return conflicts.conflicts_between(judge, entry, country_rule=country_rule)


def judge_assignment_facts(judge_ids: Iterable[int]) -> list[assignment.JudgeSkills]:
    """Languages read and tracks of expertise of each judge, for the engine
    (one query: a row per judge and track)."""
    ids = sorted(set(judge_ids))
    languages: dict[int, frozenset[str]] = {judge_id: frozenset() for judge_id in ids}
    tracks: dict[int, set[int]] = defaultdict(set)
    rows = User.objects.filter(pk__in=ids).values_list(
        "pk", "judge_profile__languages", "judge_profile__expertise_tracks"
    )
    for judge_id, read, track_id in rows:
        languages[judge_id] = frozenset(read or ())
        if track_id is not None:
            tracks[judge_id].add(track_id)
    return [
        assignment.JudgeSkills(
            id=judge_id, languages=languages[judge_id] | {"en"}, track_ids=frozenset(tracks[judge_id])
        )
        for judge_id in ids
    ]


def recused_pairs(round_id: int) -> set[tuple[int, int]]:
    """(entry, judge) pairs of the round where the judge recused: never assigned again."""
    from judging.enums import AssignmentState

    return set(
        Assignment.objects.filter(round_id=round_id, state=AssignmentState.RECUSED).values_list("entry_id", "judge_id")
    )
