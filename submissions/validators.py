import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from categories.enums import QuestionKind
from categories.models import Question

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
EXAMPLE_DATE = date(2026, 3, 15)

SUMMARY_WORD_LIMIT = 300
ATTACHMENTS_PER_ENTRY = 12
# A hard ceiling for any text answer, whatever its word limit (≈ 20 pages).
TEXT_CHARACTER_LIMIT = 60_000

# Han and kana count one word each (Chinese and Japanese use no spaces); Korean,
# which does, counts like English: a run of other non-space characters is one word.
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


_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^[0-9]{6,12}$")


def clean_video_url(text: str) -> str:
    """A YouTube or Vimeo video link in its canonical https form; anything
    else (another site, a channel, a playlist) is refused."""
    refused = ValidationError(
        _("Enter the link of one YouTube or Vimeo video, e.g. https://www.youtube.com/watch?v=…"), code="video"
    )
    try:
        parts = urlsplit(text.strip())
    except ValueError:
        raise refused from None
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    path = [segment for segment in parts.path.split("/") if segment]
    if parts.scheme not in ("http", "https") or parts.username or parts.port:
        raise refused
    if host == "youtu.be" and len(path) == 1:
        video = path[0]
    elif host == "youtube.com" and path == ["watch"]:
        video = (parse_qs(parts.query).get("v") or [""])[0]
    elif host == "youtube.com" and len(path) == 2 and path[0] in ("embed", "shorts", "live"):
        video = path[1]
    elif host in ("vimeo.com", "player.vimeo.com"):
        number = path[-1] if path and path[0] in ("video", path[-1]) and len(path) <= 2 else ""
        if not _VIMEO_ID.match(number):
            raise refused
        return f"https://vimeo.com/{number}"
    else:
        raise refused
    if not _YOUTUBE_ID.match(video):
        raise refused
    return f"https://www.youtube.com/watch?v={video}"


def _clean_text(question: Question, value: Any, choice_codes: set[str]) -> str:
    if not isinstance(value, str):
        raise ValidationError(_("Enter text."), code="invalid")
    if len(value) > TEXT_CHARACTER_LIMIT:
        raise ValidationError(_("This answer is too long."), code="too_long")
    check_word_limit(value, question.word_limit)
    return value


def _clean_number(question: Question, value: Any, choice_codes: set[str]) -> int | float:
    """Whole numbers are stored as int, others as float."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValidationError(_("Enter a number."), code="invalid") from None
    if number != number or abs(number) > 1e15:  # NaN or absurd
        raise ValidationError(_("Enter a number."), code="invalid")
    return int(number) if number.is_integer() else number


def _clean_url(question: Question, value: Any, choice_codes: set[str]) -> str:
    text = str(value).strip()
    URLValidator(schemes=["http", "https"], message=_("Enter a web address starting with https:// or http://."))(text)
    return text


def _clean_video(question: Question, value: Any, choice_codes: set[str]) -> str:
    return clean_video_url(str(value))


def typed_date_format() -> str:
    """How a date is typed in the page's language: Django's first input format
    for it (15/03/2026 in French and Spanish, 2026/03/15 in Chinese, ISO else)."""
    return str(formats.get_format("DATE_INPUT_FORMATS")[0])


def date_example() -> str:
    """An example date, written as ``typed_date_format`` asks."""
    return EXAMPLE_DATE.strftime(typed_date_format())


def date_as_typed(value: Any) -> str:
    """A stored ISO date written the page language's way; anything else as it is."""
    try:
        return date.fromisoformat(str(value)).strftime(typed_date_format())
    except ValueError:
        return "" if value is None else str(value)


def _clean_date(question: Question, value: Any, choice_codes: set[str]) -> str:
    """ISO (2026-03-15) or the page language's own way; never a guess: 15032024
    is refused, not read as some other day."""
    text = str(value).strip()
    try:
        return date.fromisoformat(text).isoformat() if ISO_DATE.fullmatch(text) else _typed(text)
    except ValueError:
        raise ValidationError(
            _("Enter a date like %(example)s.") % {"example": date_example()}, code="invalid"
        ) from None


def _typed(text: str) -> str:
    return datetime.strptime(text, typed_date_format()).date().isoformat()


def _offered_choices(value: Any, choice_codes: set[str]) -> list[Any]:
    """The chosen codes as a list (one or many), refused unless all are offered."""
    values = value if isinstance(value, list) else [value]
    if not all(isinstance(item, str) for item in values) or not set(values) <= choice_codes:
        raise ValidationError(_("Select one of the options offered."), code="invalid_choice")
    return values


def _clean_choice(question: Question, value: Any, choice_codes: set[str]) -> str:
    values = _offered_choices(value, choice_codes)
    if len(values) != 1:
        raise ValidationError(_("Select one option."), code="invalid_choice")
    return values[0]


def _clean_multiple_choice(question: Question, value: Any, choice_codes: set[str]) -> list[str]:
    """Duplicates dropped, the applicant's order kept."""
    values = _offered_choices(value, choice_codes)
    return sorted(set(values), key=values.index)


# The cleaner of each question kind; a kind not here (a file) takes no answer value.
_CLEANERS: dict[str, Callable[[Question, Any, set[str]], Any]] = {
    QuestionKind.TEXT: _clean_text,
    QuestionKind.LONG_TEXT: _clean_text,
    QuestionKind.NUMBER: _clean_number,
    QuestionKind.URL: _clean_url,
    QuestionKind.VIDEO: _clean_video,
    QuestionKind.DATE: _clean_date,
    QuestionKind.CHOICE: _clean_choice,
    QuestionKind.MULTIPLE_CHOICE: _clean_multiple_choice,
}


def clean_answer(question: Question, value: Any, choice_codes: set[str]) -> Any:
    """The stored form of an answer, or a ValidationError with a clear message.
    Empty answers are kept as None (drafts may be partial)."""
    if value in (None, "", []):
        return None
    clean = _CLEANERS.get(question.kind)
    if clean is None:
        raise ValidationError(_("This question takes a file upload."), code="file_question")
    return clean(question, value, choice_codes)
