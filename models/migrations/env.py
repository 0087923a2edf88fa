"""Alembic environment: runs on the connection Baton hands it (see models.migrate)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from models.entities import Base

connection: Connection | None = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - Baton always passes its own connection
    raise RuntimeError("Run migrations through models.migrate.upgrade(), not the alembic CLI.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
