"""Reads of the staff conflicts page and its export: every conflict touching
a round's entries, stored, detected and recusals, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from judging.engine import conflicts
from judging.enums import STANDING_KINDS, AssignmentState, ConflictKind, ConflictStatus
from judging.models import Assignment, Conflict, Round
from judging.selectors import facts
from judging.selectors.rounds import round_judges
from prize_portal.accounts.models import User
from submissions.models import Entry


class Source:
    JUDGE = gettext_lazy("Declared by the judge")
    APPLICANT = gettext_lazy("Requested by the applicant")
    DETECTED = gettext_lazy("Detected from profiles and entries")
    ASSIGNMENT = gettext_lazy("Recorded on the assignment")


@dataclass(frozen=True)
class ConflictRow:
    judge: User
    entry: Entry
    kind: ConflictKind
    reason: str
    status: str  # a ConflictStatus value
    declared_at: datetime | None
    source: str
    conflict_id: int | None = None  # set for stored conflicts
    target: str = ""  # a standing conflict's organisation, country or e-mail domain

    @property
    def kind_label(self) -> str:
        label = str(ConflictKind(self.kind).label)
        if not self.target:
            return label
        # Translators: a standing conflict and what it stands for: "Standing: a country (Japan)".
        return _("%(kind)s (%(target)s)") % {"kind": label, "target": self.target}

    @property
    def status_label(self) -> str:
        return str(ConflictStatus(self.status).label)

    @property
    def is_pending_request(self) -> bool:
        return self.kind == ConflictKind.REQUESTED and self.status == ConflictStatus.PENDING


KIND_ORDER = {kind: position for position, kind in enumerate(ConflictKind)}


def _detected_reason(
    kind: ConflictKind, judge: conflicts.JudgeTies, entry_facts: conflicts.EntryTies, entry: Entry
) -> str:
    if kind == ConflictKind.SAME_ORGANISATION:
        return _("The judge belongs to %(organisation)s, or names it as their organisation.") % {
            "organisation": entry.organisation.name_en
        }
    if kind == ConflictKind.SAME_DOMAIN:
        return _("Shared e-mail domain: %(domains)s.") % {
            "domains": ", ".join(sorted(judge.domains & entry_facts.domains))
        }
    if kind == ConflictKind.SAME_COUNTRY:
        return _("A government entry from the judge's country (%(country)s).") % {
            "country": countries.name(entry_facts.country)
        }
    if kind == ConflictKind.ABROAD_REFUSED:
        return _(
            "The applicants did not agree to committee members outside Korea reading the entry, "
            "and the judge's profile gives another country or none."
        )
    return _("The judge owns the entry or works on it.")


def round_conflicts(round_: Round) -> list[ConflictRow]:
    """Every conflict touching the round's entries, by entry and judge: stored
    for one entry (declared or requested, whatever their status), standing
    (an organisation, a country, an e-mail domain), detected, and recusals."""
    entries = {
        entry.pk: entry for entry in Entry.objects.filter(round_entries__round=round_).select_related("organisation")
    }
    judges = {judge.pk: judge for judge in round_judges(round_)}
    rows: list[ConflictRow] = []

    # Stored for one entry: any judge, any status (a pending request needs a decision).
    for conflict in Conflict.objects.filter(
        entry_id__in=list(entries), kind__in=[ConflictKind.ENTRY, ConflictKind.REQUESTED]
    ).select_related("judge"):
        assert conflict.entry_id is not None  # a check constraint holds it for these kinds
        requested = conflict.kind == ConflictKind.REQUESTED
        rows.append(
            ConflictRow(
                judge=conflict.judge,
                entry=entries[conflict.entry_id],
                kind=ConflictKind(conflict.kind),
                reason=conflict.reason,
                status=conflict.status,
                declared_at=conflict.created_at,
                source=str(Source.APPLICANT if requested else Source.JUDGE),
                conflict_id=conflict.pk,
            )
        )

    # Standing and detected, for the round's judges: the one rule set of conflicts.py.
    judge_facts = facts.judge_conflict_facts(judges)
    entry_facts = facts.entry_conflict_facts(entries)
    standing: dict[int, list[Conflict]] = {}
    for conflict in Conflict.objects.filter(
        judge_id__in=list(judges), kind__in=STANDING_KINDS, status=ConflictStatus.APPROVED
    ).order_by("pk"):
        standing.setdefault(conflict.judge_id, []).append(conflict)
    country_rule = round_.country_conflicts
    pairs = conflicts.forbidden_pairs(judge_facts.values(), entry_facts.values(), country_rule=country_rule)
    for entry_id, judge_id in sorted(pairs):
        judge, entry = judges[judge_id], entries[entry_id]
        judge_fact, entry_fact = judge_facts[judge_id], entry_facts[entry_id]
        found = conflicts.conflicts_between(judge_fact, entry_fact, country_rule=country_rule)
        kinds = {ConflictKind(conflict.kind) for conflict in found}
        for kind in sorted(kinds, key=KIND_ORDER.__getitem__):
            if kind in STANDING_KINDS:
                rows.extend(_standing_rows(standing.get(judge_id, []), judge, entry, entry_fact, kind))
            elif kind not in (ConflictKind.ENTRY, ConflictKind.REQUESTED):
                rows.append(
                    ConflictRow(
                        judge=judge,
                        entry=entry,
                        kind=kind,
                        reason=_detected_reason(kind, judge_fact, entry_fact, entry),
                        status=ConflictStatus.APPROVED,
                        declared_at=None,
                        source=str(Source.DETECTED),
                    )
                )

    for recused in Assignment.objects.filter(
        round=round_, state=AssignmentState.RECUSED, entry_id__in=list(entries)
    ).select_related("judge"):
        rows.append(
            ConflictRow(
                judge=recused.judge,
                entry=entries[recused.entry_id],
                kind=ConflictKind.RECUSED,
                reason=recused.recusal_reason,
                status=ConflictStatus.APPROVED,
                declared_at=recused.recused_at,
                source=str(Source.ASSIGNMENT),
            )
        )
    rows.sort(
        key=lambda row: (
            row.entry.reference or "",
            row.entry.pk,
            (row.judge.name or row.judge.email).casefold(),
            row.judge.pk,
            KIND_ORDER[row.kind],
        )
    )
    return rows


def _standing_rows(
    stored: list[Conflict], judge: User, entry: Entry, entry_fact: conflicts.EntryTies, kind: ConflictKind
) -> list[ConflictRow]:
    """The judge's standing conflicts of ``kind`` that touch the entry, each
    confirmed by ``conflicts_between`` on that conflict alone."""
    rows = []
    for conflict in stored:
        if conflict.kind != kind:
            continue
        alone = conflicts.JudgeTies(
            judge_id=judge.pk,
            stored=(
                conflicts.StoredConflict(
                    kind=conflicts.ConflictKind(kind),
                    reason=conflict.reason,
                    organisation_id=conflict.organisation_id,
                    country=str(conflict.country or ""),
                    email_domain=conflict.email_domain.lower(),
                ),
            ),
        )
        if conflicts.conflicts_between(alone, entry_fact, country_rule=False):
            rows.append(
                ConflictRow(
                    judge=judge,
                    entry=entry,
                    kind=kind,
                    reason=conflict.reason,
                    status=conflict.status,
                    declared_at=conflict.created_at,
                    source=str(Source.JUDGE),
                    conflict_id=conflict.pk,
                    target=_standing_target(conflict, entry),
                )
            )
    return rows


def _standing_target(conflict: Conflict, entry: Entry) -> str:
    """What a standing conflict names, in the reader's language."""
    if conflict.kind == ConflictKind.ORGANISATION:
        return entry.organisation.name_en
    if conflict.kind == ConflictKind.COUNTRY:
        return str(countries.name(str(conflict.country)))
    return conflict.email_domain


def round_conflict_request(round_: Round, conflict_id: int) -> Conflict:
    """An applicant's request about an entry of the round, or 404."""
    conflict = Conflict.objects.filter(
        pk=conflict_id, kind=ConflictKind.REQUESTED, entry__round_entries__round=round_
    ).first()
    if conflict is None:
        raise Http404
    return conflict
