"""The shape of one question of the seed's application forms."""

from typing import Any

from prize_portal.site.seed_text import T


def q(
    code: str,
    kind: str,
    label: T,
    *,
    help_text: T,
    criterion: str | None = None,
    required: bool = True,
    word_limit: int | None = None,
    applicant_types: list[str] | None = None,
    choices: list[tuple[str, T]] | None = None,
    identifying: bool = False,
    shown_if: str | None = None,
    shown_if_values: list[str] | None = None,
) -> dict[str, Any]:
    """A question, its label and help text in every language; ``criterion``
    is the code of the evaluation domain the form groups it under;
    ``shown_if`` the code of an earlier choice question whose answer, one of
    ``shown_if_values``, asks this one."""
    return {
        "identifying": identifying,
        "code": code,
        "kind": kind,
        "label": label,
        "criterion": criterion,
        "help_text": help_text,
        "required": required,
        "word_limit": word_limit,
        "applicant_types": applicant_types or [],
        "choices": choices or [],
        "shown_if": shown_if,
        "shown_if_values": shown_if_values or [],
    }
