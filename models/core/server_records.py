"""What ``baton admin init`` records of a team-mode server: the PostgreSQL group role of
each Baton role (models.teams.identity reads it to tell team mode from a local file)."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from models.core.base import Base


class ServerRole(Base):
    """The PostgreSQL group role of each Baton role (written by ``baton admin init``)."""

    __tablename__ = "server_role"

    role: Mapped[str] = mapped_column(String(20), primary_key=True)
    db_role: Mapped[str] = mapped_column(String(63))
