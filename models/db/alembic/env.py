"""Alembic environment: runs on the connection Baton hands it (see models.db.migrations)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from models.core.base import Base

connection: Connection | None = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - Baton always passes its own connection
    raise RuntimeError(
        "Run migrations through models.db.migrations.upgrade(), not the alembic CLI."
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
