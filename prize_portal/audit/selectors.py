"""Reading the trail: the pseudonymous ids it names people by, resolved for
display while the person's account exists."""

import re
from collections.abc import Iterable, Mapping

from prize_portal.accounts.models import User

PSEUDONYM = re.compile(r"\bP-[A-Z0-9]{10}\b")


def pseudonyms_resolved(texts: Iterable[str]) -> dict[str, str]:
    """{pseudonym: "name <e-mail>"} for the people the texts name (one query).
    An erased person's account holds neither any more: they stay a pseudonym."""
    found = {match for text in texts for match in PSEUDONYM.findall(text or "")}
    if not found:
        return {}
    people = User.objects.filter(pseudonym__in=found).only("pseudonym", "name", "email")
    return {person.pseudonym: f"{person.name} <{person.email}>" if person.name else person.email for person in people}


def shown_with_people(text: str, people: Mapping[str, str]) -> str:
    return PSEUDONYM.sub(
        lambda match: f"{people[match.group(0)]} ({match.group(0)})" if match.group(0) in people else match.group(0),
        text,
    )
