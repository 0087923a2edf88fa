"""The migrations build exactly the schema the entities declare, on SQLite and PostgreSQL.

A new database is made the way the app makes one (``open_database`` runs the Alembic scripts),
then Alembic's autogenerate compares it with ``Base.metadata``: tables, columns, types,
nullability, server defaults, indexes, unique constraints and foreign keys. An entity changed
without a migration (or a migration that drifts from its entity) shows up here as a diff.
"""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, text

from models.core.base import Base
from models.db.database import open_database


def schema_diff(conn: Connection) -> list[Any]:
    """What autogenerate would write to bring the database to the entities (empty: the same)."""
    context = MigrationContext.configure(
        conn, opts={"compare_type": True, "compare_server_default": True}
    )
    return list(compare_metadata(context, Base.metadata))


def test_migrations_build_the_schema_the_entities_declare(any_url: str) -> None:
    database = open_database(any_url)
    try:
        with database.engine.connect() as conn:
            assert schema_diff(conn) == []
    finally:
        database.close()


def test_the_comparison_sees_a_missing_index(any_url: str) -> None:
    """The check above is not vacuous: drop one index and the comparison names it."""
    database = open_database(any_url)
    try:
        with database.engine.begin() as conn:
            conn.execute(text("DROP INDEX ix_lead_owner_priority"))
            diff = schema_diff(conn)
    finally:
        database.close()
    assert [(d[0], d[1].name) for d in diff] == [("add_index", "ix_lead_owner_priority")]
