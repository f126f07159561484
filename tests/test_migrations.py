"""The migrations describe the models exactly: moving model modules (the
judging package) changed no schema, and an empty database migrates."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


@pytest.mark.django_db
def test_models_and_migrations_agree() -> None:
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)  # exits non-zero when they differ
    assert "No changes detected" in out.getvalue()


@pytest.mark.django_db
def test_the_test_database_is_fully_migrated() -> None:
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
