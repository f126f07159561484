"""The plain conflict rules of judging/engine/conflicts.py: names and mail
domains as compared, the conflicts between one judge and one entry, and the
forbidden pairs of a whole round agreeing with them."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judging.engine.conflicts import (
    EntryTies,
    Found,
    JudgeTies,
    StoredConflict,
    conflicts_between,
    domain_of,
    forbidden_pairs,
    normalise_name,
)
from judging.enums import ConflictKind

REASON = "I advised this city in 2029."


S = ConflictKind


def _fullwidth(text: str) -> str:
    return "".join("\u3000" if char == " " else chr(ord(char) + 0xFEE0) for char in text)


@pytest.mark.parametrize(
    ("name", "normalised"),
    [
        ("Gangnam District", "gangnamdistrict"),
        ("  GANGNAM-district. ", "gangnamdistrict"),
        ("Gangnam_District (Office)", "gangnamdistrictoffice"),
        (_fullwidth("Gangnam District"), "gangnamdistrict"),  # full-width letters and space
        ("강남구 청", "강남구청"),
        ("STRASSE", "strasse"),
        ("Straße", "strasse"),  # casefold, not lower
        ("", ""),
        ("--- / ---", ""),
    ],
)
def test_normalise_name(name: str, normalised: str) -> None:
    assert normalise_name(name) == normalised


def test_normalise_name_ignores_accents() -> None:
    assert normalise_name("São Paulo City Hall") == normalise_name("Sao Paulo City Hall")


@pytest.mark.parametrize(
    ("address", "domain"),
    [
        ("Jane.Kim@Gangnam.Example", "gangnam.example"),
        ("  jane@sub.seoul.go.kr. ", "sub.seoul.go.kr"),
        ("jane@gmail.com", ""),
        ("jane@GMAIL.COM", ""),
        ("jane@naver.com", ""),
        ("https://www.seoul.go.kr/en/index.do", "seoul.go.kr"),
        ("http://seoul.go.kr:8080/", "seoul.go.kr"),
        ("www.busan.go.kr", "busan.go.kr"),
        ("https://www.gmail.com", ""),
        ("jane@localhost", ""),
        ("localhost", ""),
        ("", ""),
        ("a@b@Example.org", "example.org"),
    ],
)
def test_domain_of(address: str, domain: str) -> None:
    assert domain_of(address) == domain


def _judge(**facts: Any) -> JudgeTies:
    return JudgeTies(judge_id=facts.pop("judge_id", 7), **facts)


def _entry(**facts: Any) -> EntryTies:
    base: dict[str, Any] = {"entry_id": 70, "organisation_id": 700, "country": "KR", "government": True}
    base.update(facts)
    return EntryTies(**base)


def _stored(kind: str, **fields: Any) -> StoredConflict:
    return StoredConflict(kind=ConflictKind(kind), reason=fields.pop("reason", REASON), **fields)


@pytest.mark.parametrize(
    ("judge", "entry", "country_rule", "found"),
    [
        pytest.param(_judge(), _entry(), True, [], id="no-facts"),
        pytest.param(
            _judge(stored=(_stored(S.ENTRY, entry_id=70),)), _entry(), False, [Found(S.ENTRY, REASON)], id="entry"
        ),
        pytest.param(_judge(stored=(_stored(S.ENTRY, entry_id=71),)), _entry(), False, [], id="another-entry"),
        pytest.param(
            _judge(stored=(_stored(S.REQUESTED, entry_id=70),)),
            _entry(),
            False,
            [Found(S.REQUESTED, REASON)],
            id="requested",
        ),
        pytest.param(
            _judge(stored=(_stored(S.ORGANISATION, organisation_id=700),)),
            _entry(),
            False,
            [Found(S.ORGANISATION, REASON)],
            id="organisation",
        ),
        pytest.param(
            _judge(stored=(_stored(S.ORGANISATION, organisation_id=701),)), _entry(), False, [], id="other-org"
        ),
        pytest.param(
            _judge(stored=(_stored(S.COUNTRY, country="KR"),)),
            _entry(government=False),
            False,
            [Found(S.COUNTRY, REASON)],
            id="standing-country-any-entry-type",
        ),
        pytest.param(_judge(stored=(_stored(S.COUNTRY, country=""),)), _entry(country=""), False, [], id="no-country"),
        pytest.param(
            _judge(stored=(_stored(S.DOMAIN, email_domain="seoul.go.kr"),)),
            _entry(domains=frozenset({"seoul.go.kr"})),
            False,
            [Found(S.DOMAIN, REASON)],
            id="standing-domain",
        ),
        pytest.param(
            _judge(stored=(_stored(S.DOMAIN, email_domain="seoul.go.kr"),)),
            _entry(domains=frozenset({"busan.go.kr"})),
            False,
            [],
            id="other-domain",
        ),
        pytest.param(_judge(member_of=frozenset({700})), _entry(), False, [Found(S.SAME_ORGANISATION)], id="member"),
        pytest.param(
            _judge(organisation="gangnamdistrict"),
            _entry(organisation_names=frozenset({"gangnamdistrict", "강남구"})),
            False,
            [Found(S.SAME_ORGANISATION)],
            id="same-name",
        ),
        pytest.param(
            _judge(organisation=""), _entry(organisation_names=frozenset({""})), False, [], id="empty-name-no-match"
        ),
        pytest.param(
            _judge(domains=frozenset({"seoul.go.kr"})),
            _entry(domains=frozenset({"seoul.go.kr", "x.example"})),
            False,
            [Found(S.SAME_DOMAIN)],
            id="same-domain",
        ),
        pytest.param(_judge(country="KR"), _entry(), True, [Found(S.SAME_COUNTRY)], id="same-country-government"),
        pytest.param(_judge(country="KR"), _entry(), False, [], id="same-country-rule-off"),
        pytest.param(_judge(country="KR"), _entry(government=False), True, [], id="same-country-corporation"),
        pytest.param(_judge(country=""), _entry(country=""), True, [], id="no-countries"),
        pytest.param(_judge(works_on=frozenset({70})), _entry(), False, [Found(S.COLLABORATOR)], id="works-on"),
        pytest.param(
            _judge(
                stored=(_stored(S.ENTRY, entry_id=70, reason="advised"), _stored(S.COUNTRY, country="KR")),
                member_of=frozenset({700}),
                domains=frozenset({"seoul.go.kr"}),
                country="KR",
                works_on=frozenset({70}),
            ),
            _entry(domains=frozenset({"seoul.go.kr"})),
            True,
            [
                Found(S.ENTRY, "advised"),
                Found(S.COUNTRY, REASON),
                Found(S.SAME_ORGANISATION),
                Found(S.SAME_DOMAIN),
                Found(S.SAME_COUNTRY),
                Found(S.COLLABORATOR),
            ],
            id="every-reason-in-order",
        ),
    ],
)
def test_conflicts_between(judge: JudgeTies, entry: EntryTies, country_rule: bool, found: list[Found]) -> None:
    assert conflicts_between(judge, entry, country_rule=country_rule) == found


# Small pools so that random worlds hit every rule often.
COUNTRIES = st.sampled_from(["", "KR", "DE", "PE"])


DOMAINS = st.sampled_from(["seoul.go.kr", "busan.go.kr", "univ.example"])


NAMES = st.sampled_from(["", "seoul", "busan", "univ"])


ORGANISATIONS = st.integers(min_value=1, max_value=4)


ENTRY_IDS = st.integers(min_value=1, max_value=6)


stored_conflicts = st.builds(
    StoredConflict,
    kind=st.sampled_from([S.ENTRY, S.REQUESTED, S.ORGANISATION, S.COUNTRY, S.DOMAIN]),
    reason=st.just("r"),
    entry_id=st.none() | ENTRY_IDS,
    organisation_id=st.none() | ORGANISATIONS,
    country=COUNTRIES,
    email_domain=st.just("") | DOMAINS,
)


@st.composite
def worlds(draw: Any) -> tuple[list[JudgeTies], list[EntryTies]]:
    entry_ids = draw(st.lists(ENTRY_IDS, min_size=0, max_size=6, unique=True))
    entries = [
        EntryTies(
            entry_id=entry_id,
            organisation_id=draw(ORGANISATIONS),
            organisation_names=draw(st.frozensets(NAMES.filter(bool), max_size=2)),
            country=draw(COUNTRIES),
            government=draw(st.booleans()),
            domains=draw(st.frozensets(DOMAINS, max_size=2)),
        )
        for entry_id in entry_ids
    ]
    judge_ids = draw(st.lists(st.integers(min_value=100, max_value=110), min_size=0, max_size=5, unique=True))
    judges = [
        JudgeTies(
            judge_id=judge_id,
            organisation=draw(NAMES),
            domains=draw(st.frozensets(DOMAINS, max_size=2)),
            country=draw(COUNTRIES),
            member_of=draw(st.frozensets(ORGANISATIONS, max_size=2)),
            works_on=draw(st.frozensets(ENTRY_IDS, max_size=2)),
            stored=tuple(draw(st.lists(stored_conflicts, max_size=3))),
        )
        for judge_id in judge_ids
    ]
    return judges, entries


@settings(max_examples=300, deadline=None, derandomize=True)
@given(world=worlds(), country_rule=st.booleans())
def test_forbidden_pairs_agrees_with_conflicts_between(
    world: tuple[list[JudgeTies], list[EntryTies]], country_rule: bool
) -> None:
    judges, entries = world
    expected = {
        (entry.entry_id, judge.judge_id)
        for judge in judges
        for entry in entries
        if conflicts_between(judge, entry, country_rule=country_rule)
    }
    assert forbidden_pairs(iter(judges), iter(entries), country_rule=country_rule) == expected
