"""Reads of the judges' declaration: the current version and whether a judge has accepted it for a cycle."""

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from judging.models import JUDGE_DECLARATION, Declaration, Round
from prize_portal.accounts.models import User
from prize_portal.privacy.enums import TextKind
from prize_portal.privacy.models import Text


def current_declarations() -> QuerySet[Text]:
    """The judges' declaration in force: its latest published version first (none published: none asked)."""
    return Text.objects.filter(code=JUDGE_DECLARATION, kind=TextKind.DECLARATION, published_at__isnull=False).order_by(
        "-version"
    )


def with_declaration(assignments: QuerySet[Any], user: User) -> QuerySet[Any]:
    """Assignments annotated, in the same query, with ``declaration_text_id`` (the version in force, or None),
    ``declared`` (the user accepted that version for the assignment's cycle) and ``declared_before`` (the user
    accepted some version for the cycle)."""
    of_cycle = Declaration.objects.filter(judge_id=user.pk, cycle_id=OuterRef("round__cycle_id"))
    return assignments.annotate(declaration_text_id=Subquery(current_declarations().values("pk")[:1])).annotate(
        declared=Exists(of_cycle.filter(text_id=OuterRef("declaration_text_id"))),
        declared_before=Exists(of_cycle),
    )


def declaration_due(assignment: Any, *, opening: bool = True) -> bool:
    """Whether the judge must accept the declaration first (an assignment annotated by with_declaration).
    Opening an entry needs the version in force; saving a review of an entry already open needs only an
    accepted version for the cycle (a version published while the judge was typing must not lose the text:
    it is asked before the next entry opens)."""
    if assignment.declaration_text_id is None:
        return False
    return not (assignment.declared if opening else assignment.declared_before)


def sits_in_cycle(user: User, cycle_id: int) -> bool:
    """Whether the user judges in the cycle: on the panel of one of its rounds, or assigned an entry of one
    (only they are asked the declaration)."""
    return Round.objects.filter(Q(panel=user) | Q(assignments__judge=user), cycle_id=cycle_id).exists()


def accepted_version(user: User, cycle_id: int) -> int | None:
    """The latest version of the declaration the user accepted for the cycle, if any."""
    accepted = Declaration.objects.filter(judge=user, cycle_id=cycle_id).order_by("-text__version")
    return accepted.values_list("text__version", flat=True).first()
