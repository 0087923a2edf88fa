"""What imports leave behind besides leads and touches: the marketing tool's ids of each
lead, the column mapping remembered per source, and the record of each import run."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import JSON, ForeignKey, Integer, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.core.base import Base
from models.core.clock import utcnow


class LeadSourceKey(Base):
    """A lead's id in one marketing tool: the first key an import matches a row by."""

    __tablename__ = "lead_source_key"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_system: Mapped[str] = mapped_column(String(60))
    external_id: Mapped[str] = mapped_column(String(120))
    lead_id: Mapped[int] = mapped_column(ForeignKey("lead.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        UniqueConstraint("source_system", "external_id", name="uq_lead_source_key_source"),
    )


class ImportMapping(Base):
    """The columns a user mapped for files from one source (remembered for the next file)."""

    __tablename__ = "import_mapping"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(10))
    #: Field -> the header of the column that gives it.
    columns: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (UniqueConstraint("source", "kind", name="uq_import_mapping_source"),)


class ImportRun(Base):
    """One import of one file: who, when, what it was, and what became of its rows."""

    __tablename__ = "import_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    file_name: Mapped[str] = mapped_column(String(300))
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    encoding: Mapped[str | None] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(60))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column()
    #: running, done, cancelled (batches committed so far stay), failed.
    status: Mapped[str] = mapped_column(String(20), default="running")
    rows_read: Mapped[int] = mapped_column(Integer, default=0)
    landed: Mapped[int] = mapped_column(Integer, default=0)
    merged: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    #: Counts by outcome and reason (the report's totals; rejected rows are in the file
    #: the user exports, not here).
    counts: Mapped[dict[str, Any] | None] = mapped_column(JSON)


LEAD_SOURCE_KEY = cast(Table, LeadSourceKey.__table__)
IMPORT_RUN = cast(Table, ImportRun.__table__)
