"""Sent after a person's answer to a consent item changes (given ⇄ refused),
inside the transaction that records it, so an app that acts on a consent (the
committee page showing a judge) changes with it at once.

Arguments: ``user``, ``code`` (the text's code), ``given`` (the new answer)."""

from django.dispatch import Signal

consent_changed = Signal()
