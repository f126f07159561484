"""Sent after a person's answer to a consent item changes (given ⇄ refused),
inside the transaction that records it, so an app that acts on a consent (the
committee page showing a judge) changes with it at once.

Arguments: ``user``, ``code`` (the text's code), ``given`` (the new answer)."""

from django.dispatch import Signal

consent_changed = Signal()

# Sent inside the transaction of an erasure, before the person's account is
# anonymised (their e-mail address and name are still on it): each app
# deletes or anonymises what it keeps about them.
# Arguments: ``user``, ``mode`` (an ErasureMode), ``redactor`` (a
# prize_portal.audit.redaction.Redactor for free text that names them).
person_erasing = Signal()
