"""Conflicts of interest decided on plain facts (no ORM here).

One function, :func:`conflicts_between`, says why a judge may not judge an
entry. The permission predicates call it for one pair, the assignment and the
staff conflicts list for every pair of a round: the same rules everywhere.
Facts are built by ``judging.selectors.facts``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class ConflictKind(StrEnum):
    """Why a judge may not judge an entry: the vocabulary of this engine.
    ``judging.enums.ConflictKind`` gives the same values their labels."""

    ENTRY = "entry"  # declared by the judge for one entry
    ORGANISATION = "organisation"  # standing: an organisation
    COUNTRY = "country"  # standing: a country
    DOMAIN = "domain"  # standing: an e-mail domain
    REQUESTED = "requested"  # requested by the applicant
    # Detected (never stored).
    SAME_ORGANISATION = "same_organisation"
    SAME_DOMAIN = "same_domain"
    SAME_COUNTRY = "same_country"
    COLLABORATOR = "collaborator"
    ABROAD_REFUSED = "abroad_refused"  # the entry's people refused readers outside Korea


# Where the prize is run: judges elsewhere read an entry only if its people agree.
HOME_COUNTRY = "KR"


# Addresses at these providers say nothing about where a person works, so a
# shared domain there is no conflict.
PUBLIC_MAIL_DOMAINS = frozenset(
    {
        "163.com",
        "126.com",
        "aol.com",
        "daum.net",
        "gmail.com",
        "googlemail.com",
        "gmx.de",
        "gmx.net",
        "hanmail.net",
        "hotmail.com",
        "icloud.com",
        "kakao.com",
        "live.com",
        "mail.ru",
        "me.com",
        "msn.com",
        "nate.com",
        "naver.com",
        "outlook.com",
        "proton.me",
        "protonmail.com",
        "qq.com",
        "yahoo.co.jp",
        "yahoo.com",
        "yandex.ru",
        "example.com",
    }
)


def normalise_name(name: str) -> str:
    """Organisation names compared without case, accents, punctuation or spacing."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name).casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    # Hangul decomposes into jamo under NFKD: compose it again.
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFC", text))


def domain_of(address: str) -> str:
    """The organisation domain of an e-mail address or web address ('' when public or none)."""
    text = address.strip().lower()
    if "@" in text:
        host = text.rsplit("@", 1)[1]
    else:
        host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text).split("/", 1)[0].split(":", 1)[0]
    host = host.removeprefix("www.").strip(".")
    if not host or "." not in host or host in PUBLIC_MAIL_DOMAINS:
        return ""
    return host


@dataclass(frozen=True)
class StoredConflict:
    kind: ConflictKind
    reason: str
    entry_id: int | None = None
    organisation_id: int | None = None
    country: str = ""
    email_domain: str = ""


@dataclass(frozen=True)
class JudgeTies:
    """What ties a judge to organisations, places and entries."""

    judge_id: int
    organisation: str = ""  # normalised name
    domains: frozenset[str] = frozenset()
    country: str = ""
    member_of: frozenset[int] = frozenset()  # organisation ids
    works_on: frozenset[int] = frozenset()  # entry ids the judge owns or collaborates on
    stored: tuple[StoredConflict, ...] = ()  # conflicts in force (approved)


@dataclass(frozen=True)
class EntryTies:
    """Who stands behind an entry: its organisation, country and e-mail domains."""

    entry_id: int
    organisation_id: int
    organisation_names: frozenset[str] = frozenset()  # normalised
    country: str = ""
    government: bool = False
    domains: frozenset[str] = field(default_factory=frozenset)
    # The owner or a collaborator refused disclosure to committee members outside Korea.
    abroad_refused: bool = False


@dataclass(frozen=True)
class Found:
    """One reason a judge may not judge an entry."""

    kind: ConflictKind
    reason: str = ""  # the judge's or applicant's words, for stored conflicts


def _applies(stored: StoredConflict, entry: EntryTies) -> bool:
    """Whether a stored conflict touches the entry."""
    if stored.kind in (ConflictKind.ENTRY, ConflictKind.REQUESTED):
        return stored.entry_id == entry.entry_id
    if stored.kind == ConflictKind.ORGANISATION:
        return stored.organisation_id == entry.organisation_id
    if stored.kind == ConflictKind.COUNTRY:
        return bool(stored.country) and stored.country == entry.country
    return stored.kind == ConflictKind.DOMAIN and stored.email_domain in entry.domains


def conflicts_between(judge: JudgeTies, entry: EntryTies, *, country_rule: bool) -> list[Found]:
    """Every reason the judge may not judge the entry (empty: no conflict).

    ``country_rule``: the round treats a government entry from the judge's own
    country as a conflict.
    """
    found = [Found(stored.kind, stored.reason) for stored in judge.stored if _applies(stored, entry)]
    if entry.organisation_id in judge.member_of or (
        judge.organisation and judge.organisation in entry.organisation_names
    ):
        found.append(Found(ConflictKind.SAME_ORGANISATION))
    if judge.domains & entry.domains:
        found.append(Found(ConflictKind.SAME_DOMAIN))
    if country_rule and entry.government and judge.country and judge.country == entry.country:
        found.append(Found(ConflictKind.SAME_COUNTRY))
    if entry.entry_id in judge.works_on:
        found.append(Found(ConflictKind.COLLABORATOR))
    if entry.abroad_refused and judge.country != HOME_COUNTRY:  # no country given counts as abroad
        found.append(Found(ConflictKind.ABROAD_REFUSED))
    return found


@dataclass
class _EntryIndex:
    """Entry ids by each fact a conflict can hinge on, so that candidates are
    looked up rather than found by a pairwise loop."""

    by_id: dict[int, EntryTies] = field(default_factory=dict)
    by_organisation: dict[int, list[int]] = field(default_factory=dict)
    by_name: dict[str, list[int]] = field(default_factory=dict)
    by_country: dict[str, list[int]] = field(default_factory=dict)
    by_government_country: dict[str, list[int]] = field(default_factory=dict)
    by_domain: dict[str, list[int]] = field(default_factory=dict)
    abroad_refused: list[int] = field(default_factory=list)

    def add(self, entry: EntryTies) -> None:
        self.by_id[entry.entry_id] = entry
        self.by_organisation.setdefault(entry.organisation_id, []).append(entry.entry_id)
        for name in entry.organisation_names:
            self.by_name.setdefault(name, []).append(entry.entry_id)
        if entry.country:
            self.by_country.setdefault(entry.country, []).append(entry.entry_id)
            if entry.government:
                self.by_government_country.setdefault(entry.country, []).append(entry.entry_id)
        for domain in entry.domains:
            self.by_domain.setdefault(domain, []).append(entry.entry_id)
        if entry.abroad_refused:
            self.abroad_refused.append(entry.entry_id)


def _index_entries(entries: Iterable[EntryTies]) -> _EntryIndex:
    index = _EntryIndex()
    for entry in entries:
        index.add(entry)
    return index


def _stored_candidates(stored: StoredConflict, index: _EntryIndex) -> list[int]:
    """The entries a stored conflict may touch (a superset: :func:`_applies` decides)."""
    found: list[int] = []
    if stored.entry_id is not None:
        found.append(stored.entry_id)
    if stored.organisation_id is not None:
        found.extend(index.by_organisation.get(stored.organisation_id, ()))
    if stored.kind == ConflictKind.COUNTRY:
        found.extend(index.by_country.get(stored.country, ()))
    if stored.kind == ConflictKind.DOMAIN:
        found.extend(index.by_domain.get(stored.email_domain, ()))
    return found


def _candidates(judge: JudgeTies, index: _EntryIndex, *, country_rule: bool) -> set[int]:
    """The entries the judge may be in conflict with (a superset: :func:`conflicts_between` decides)."""
    candidates: set[int] = set()
    for stored in judge.stored:
        candidates.update(_stored_candidates(stored, index))
    for organisation_id in judge.member_of:
        candidates.update(index.by_organisation.get(organisation_id, ()))
    if judge.organisation:
        candidates.update(index.by_name.get(judge.organisation, ()))
    for domain in judge.domains:
        candidates.update(index.by_domain.get(domain, ()))
    if country_rule and judge.country:
        candidates.update(index.by_government_country.get(judge.country, ()))
    candidates.update(judge.works_on)
    if judge.country != HOME_COUNTRY:
        candidates.update(index.abroad_refused)
    return candidates


def forbidden_pairs(
    judges: Iterable[JudgeTies], entries: Iterable[EntryTies], *, country_rule: bool
) -> set[tuple[int, int]]:
    """Every (entry id, judge id) pair in conflict, for the assignment engine.

    Indexed by organisation, country and domain so that a round of 10,000
    entries and 300 judges needs no pairwise loop over the easy cases.
    """
    index = _index_entries(entries)
    pairs: set[tuple[int, int]] = set()
    for judge in judges:
        # Confirm each candidate with the one rule set, so both paths agree.
        for entry_id in _candidates(judge, index, country_rule=country_rule):
            candidate = index.by_id.get(entry_id)
            if candidate is not None and conflicts_between(judge, candidate, country_rule=country_rule):
                pairs.add((entry_id, judge.judge_id))
    return pairs
