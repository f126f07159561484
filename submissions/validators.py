import re
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from categories.enums import QuestionKind
from categories.models import Question

SUMMARY_WORD_LIMIT = 300
# A hard ceiling for any text answer, whatever its word limit (≈ 20 pages).
TEXT_CHARACTER_LIMIT = 60_000

# Han, kana and Hangul syllables; a run of other non-space characters is one word.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{_CJK}]|[^\s{_CJK}]+")


def count_words(text: str) -> int:
    """Words as applicants count them: space-separated runs; in Chinese and
    Japanese, which use no spaces, each character counts as one word."""
    return len(_WORD.findall(text or ""))


def check_word_limit(text: str, limit: int | None) -> None:
    if limit and count_words(text) > limit:
        raise ValidationError(
            ngettext(
                "Use at most %(limit)d word (you have %(count)d).",
                "Use at most %(limit)d words (you have %(count)d).",
                limit,
            )
            % {"limit": limit, "count": count_words(text)},
            code="word_limit",
        )


def clean_answer(question: Question, value: Any, choice_codes: set[str]) -> Any:
    """The stored form of an answer, or a ValidationError with a clear message.
    Empty answers are kept as None (drafts may be partial)."""
    if value in (None, "", []):
        return None
    kind = question.kind
    if kind in (QuestionKind.TEXT, QuestionKind.LONG_TEXT):
        if not isinstance(value, str):
            raise ValidationError(_("Enter text."), code="invalid")
        if len(value) > TEXT_CHARACTER_LIMIT:
            raise ValidationError(_("This answer is too long."), code="too_long")
        check_word_limit(value, question.word_limit)
        return value
    if kind == QuestionKind.NUMBER:
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ValidationError(_("Enter a number."), code="invalid") from None
        if number != number or abs(number) > 1e15:  # NaN or absurd
            raise ValidationError(_("Enter a number."), code="invalid")
        return int(number) if number.is_integer() else number
    if kind == QuestionKind.URL:
        text = str(value).strip()
        URLValidator(schemes=["http", "https"], message=_("Enter a web address starting with https:// or http://."))(
            text
        )
        return text
    if kind == QuestionKind.DATE:
        try:
            return date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise ValidationError(_("Enter a date as YYYY-MM-DD."), code="invalid") from None
    if kind in (QuestionKind.CHOICE, QuestionKind.MULTIPLE_CHOICE):
        values = value if isinstance(value, list) else [value]
        if not all(isinstance(item, str) for item in values) or not set(values) <= choice_codes:
            raise ValidationError(_("Select one of the options offered."), code="invalid_choice")
        if kind == QuestionKind.CHOICE:
            if len(values) != 1:
                raise ValidationError(_("Select one option."), code="invalid_choice")
            return values[0]
        return sorted(set(values), key=values.index)
    raise ValidationError(_("This question takes a file upload."), code="file_question")
