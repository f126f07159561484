"""Helpers for migrations: SQL that only PostgreSQL (production and CI) runs."""

from typing import Any

from django.db import migrations


def postgresql_only(forward: str, backward: str) -> migrations.RunPython:
    """Run ``forward`` (and ``backward`` when unapplied) on PostgreSQL only:
    the quick start's SQLite database has no triggers (Django's test flush
    empties tables with DELETE there, which an append-only trigger would refuse)."""

    def run(sql: str) -> Any:
        def operation(apps: Any, schema_editor: Any) -> None:
            if schema_editor.connection.vendor == "postgresql":
                schema_editor.execute(sql, params=None)

        return operation

    return migrations.RunPython(run(forward), run(backward))
