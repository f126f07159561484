"""Reading the current texts and a person's answers."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Max
from django.http import Http404

from prize_portal.accounts.models import User
from prize_portal.accounts.roles import Role
from prize_portal.accounts.rules import user_roles

from .enums import ConsentRole, TextKind
from .models import Consent, DataExport, Text

GENERATION_KEY = "privacy:generation"
NO_TEXTS = "none"  # the generation while nothing is published

# The consent role each portal role is asked as (no item asks staff, who
# work under contract, not consent: they confirm the notice only).
_ROLE_ASKED: dict[Role, ConsentRole] = {
    Role.APPLICANT: ConsentRole.APPLICANT,
    Role.JUDGE: ConsentRole.JUDGE,
    Role.CHAIR: ConsentRole.JUDGE,
    Role.STAFF: ConsentRole.STAFF,
}


def texts_generation() -> str:
    """Changes whenever a text is published: a person found up to date at an
    older generation is asked again. Cached; publishing clears it."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        latest = Text.objects.filter(published_at__isnull=False).aggregate(latest=Max("published_at"))["latest"]
        generation = latest.isoformat() if latest else NO_TEXTS
        cache.set(GENERATION_KEY, generation, timeout=None)
    return str(generation)


def current_texts() -> dict[str, Text]:
    """The latest published version of every code, the notice first."""
    latest: dict[str, Text] = {}
    for text in Text.objects.filter(published_at__isnull=False).order_by("code", "-version"):
        latest.setdefault(text.code, text)
    return dict(sorted(latest.items(), key=lambda item: (item[1].kind != TextKind.NOTICE, item[1].pk)))


def current_notice(texts: dict[str, Text] | None = None) -> Text | None:
    texts = current_texts() if texts is None else texts
    return next((text for text in texts.values() if text.kind == TextKind.NOTICE), None)


def texts_for(roles: Iterable[str], texts: dict[str, Text] | None = None) -> list[Text]:
    """The notice and the items asked of any of the roles (required ones first)."""
    wanted = set(roles)
    texts = current_texts() if texts is None else texts
    chosen = [text for text in texts.values() if text.kind == TextKind.NOTICE or wanted.intersection(text.roles or ())]
    return sorted(chosen, key=lambda text: (text.kind != TextKind.NOTICE, not text.required, text.pk))


def consent_roles(user: User) -> set[str]:
    """The roles a person has been asked as, and those their account holds."""
    asked = set(Consent.objects.filter(user=user).values_list("role", flat=True).distinct())
    return asked | {_ROLE_ASKED[role] for role in user_roles(user) if role in _ROLE_ASKED}


def latest_answers(user: User) -> dict[str, Consent]:
    """The person's current answer per code (their latest row)."""
    answers: dict[str, Consent] = {}
    for consent in Consent.objects.filter(user=user).order_by("created_at", "pk"):
        answers[consent.code] = consent
    return answers


@dataclass(frozen=True)
class Asked:
    """One text as a person is asked it: their current answer, if any, and
    whether it must be answered (again) before they go on."""

    text: Text
    answer: Consent | None
    due: bool

    @property
    def given(self) -> bool | None:
        return None if self.answer is None else self.answer.given


def consents_asked(user: User | None, roles: Iterable[str] | None = None) -> list[Asked]:
    """Every text the person is asked for their roles (or for ``roles``), with
    their answers; ``user=None`` is a newcomer (sign-up), who has none.

    Due: never answered in this version; a required item not given; or
    everything, when the current notice is newer than the one they last
    confirmed (a new notice asks again)."""
    texts = current_texts()
    if not texts:
        return []
    answers = latest_answers(user) if user is not None else {}
    notice = current_notice(texts)
    asked_again = (
        bool(answers) and notice is not None and getattr(answers.get(notice.code), "text_id", None) != notice.pk
    )
    result = []
    if roles is None:
        roles = consent_roles(user) if user is not None else ()
    for text in texts_for(roles, texts):
        answer = answers.get(text.code)
        due = asked_again or answer is None or answer.text_id != text.pk or (text.required and not answer.given)
        result.append(Asked(text=text, answer=answer, due=due))
    return result


def consents_due(user: User) -> list[Asked]:
    asked = consents_asked(user)
    return asked if any(item.due for item in asked) else []


def consent_given(user: User, code: str) -> bool:
    """Whether the person's current answer to ``code`` is yes."""
    answer = Consent.objects.filter(user=user, code=code).order_by("-created_at", "-pk").first()
    return bool(answer and answer.given)


def data_exports_of(user: User) -> list[DataExport]:
    """The person's data downloads, the latest first."""
    return list(DataExport.objects.filter(user=user).order_by("-requested_at", "-pk")[:10])


def data_export_get(user: User, export_id: int) -> DataExport:
    """One of the person's data downloads, or 404 (anyone else's looks unknown)."""
    export = DataExport.objects.filter(pk=export_id).first()
    if export is None or not user.has_perm("privacy.download_export", export):
        raise Http404
    return export
