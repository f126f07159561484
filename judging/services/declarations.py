"""The judges' declaration: accepting the version in force for a cycle."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from judging.models import Declaration
from judging.selectors.declarations import current_declarations, sits_in_cycle
from prize_portal.accounts.models import User


def declaration_accept(*, judge: User, cycle_id: int, text_id: int, language: str) -> Declaration:
    """Record that ``judge`` accepted version ``text_id`` of the declaration for the cycle, read in
    ``language``. Idempotent (a double click records one acceptance). ValidationError when ``text_id`` is not
    the version in force (staff published a newer one while the judge was reading); PermissionDenied when the
    judge sits on no panel of the cycle."""
    if not sits_in_cycle(judge, cycle_id):
        raise PermissionDenied
    current = current_declarations().first()
    if current is None or current.pk != text_id:
        raise ValidationError(
            _("A new version of the declaration has just been published. Please read it and accept it again."),
            code="stale",
        )
    try:
        with transaction.atomic():
            declaration, _created = Declaration.objects.get_or_create(
                judge=judge, cycle_id=cycle_id, text=current, defaults={"language": language[:10]}
            )
    except IntegrityError:  # the same acceptance, saved at the same moment by a second request
        declaration = Declaration.objects.get(judge=judge, cycle_id=cycle_id, text=current)
    return declaration
