"""What a draft holds, field by field, as the entry form names its fields
(``title_en``…, ``answer-<code>``), and a short digest of each value.

The form carries the digest of every value it was opened with (its "base").
Saving a field compares three things: the base, what is stored now and what
arrives. Stored equal to base: nobody else changed it, the new value is kept.
Otherwise someone saved that field meanwhile: arriving equal to the base means
this person did not touch it (theirs stays); arriving equal to stored means
both typed the same; anything else is a conflict, and both texts are shown."""

import hashlib
import json
from typing import Any

from .models import Entry

# The entry's own fields on the form, in the form's order (the rest are answers).
BUILT_IN_FIELDS = ("language", "title_en", "summary_en", "title_original", "summary_original")


def value_digest(value: Any) -> str:
    """A short digest of a stored value; every kind of empty is the same."""
    if value in (None, "", []):
        value = ""
    encoded = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()[:16]


def draft_values(entry: Entry, question_codes: dict[int, str]) -> dict[str, Any]:
    """The value each field holds now: what was kept as typed when it did not
    pass its checks, or else the stored value. ``question_codes`` maps the
    form's question ids to their codes (from the entry's prefetched answers)."""
    values: dict[str, Any] = {name: getattr(entry, name) for name in BUILT_IN_FIELDS}
    values.update({f"answer-{code}": None for code in question_codes.values()})
    for answer in entry.answers.all():
        code = question_codes.get(answer.question_id)
        if code is not None:
            values[f"answer-{code}"] = answer.value
    values.update({name: value for name, value in entry.draft_invalid.items() if name in values})
    return values


def draft_digests(values: dict[str, Any]) -> dict[str, str]:
    return {name: value_digest(value) for name, value in values.items()}


def parse_bases(raw: str | None) -> dict[str, str] | None:
    """The form's ``bases`` field: a JSON object of field name → digest, or
    None when absent or unreadable (the whole-entry version check applies)."""
    if not raw:
        return None
    try:
        bases = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(bases, dict):
        return None
    return {str(name): str(digest) for name, digest in bases.items()}
