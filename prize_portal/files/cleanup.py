"""Removing stored files only once the database no longer needs them: a
deletion waits for the transaction to commit, so a rollback keeps the file
its rows still name."""

from collections.abc import Iterable

from django.core.files.storage import Storage, default_storage
from django.db import transaction


def delete_files_on_commit(names: Iterable[str], storage: Storage | None = None) -> None:
    """Delete stored files once the current transaction has committed."""
    storage = storage or default_storage
    pending = [name for name in names if name]

    def delete() -> None:
        for name in pending:
            storage.delete(name)

    transaction.on_commit(delete)
