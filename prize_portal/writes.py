"""How services save a row they may have created or loaded: a new row is
inserted whole; an existing one updates only the fields the service set (and
its ``auto_now`` times), so two requests writing different fields of one row
never undo each other's work."""

from collections.abc import Iterable

from django.db import models


def save_fields(instance: models.Model, fields: Iterable[str]) -> None:
    if instance._state.adding:
        instance.save()
        return
    auto_now = [field.name for field in instance._meta.concrete_fields if getattr(field, "auto_now", False)]
    instance.save(update_fields=[*fields, *auto_now])
