"""Schema migrations through Alembic (batch mode on SQLite), run at start."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine

from models.core.errors import NotABatonDatabase, SchemaTooNew

MIGRATIONS = Path(__file__).with_name("alembic")


def config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


@cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(config())


def head_revision() -> str:
    head = _scripts().get_current_head()
    assert head is not None
    return head


def is_known(revision: str) -> bool:
    try:
        return _scripts().get_revision(revision) is not None
    except CommandError:
        return False


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def check_existing(tables: set[str], revision: str | None, *, where: str) -> None:
    """Refuse a database that holds something else, or a schema newer than this code."""
    if revision is None:
        if tables - {"alembic_version"}:
            raise NotABatonDatabase("db.foreign", where=where, tables=", ".join(sorted(tables)[:5]))
        return
    if not is_known(revision):
        raise SchemaTooNew(
            "db.schema_too_new",
            where=where,
            revision=revision,
            head=head_revision(),
        )


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision in one transaction."""
    with engine.begin() as connection:
        if current_revision(connection) == head_revision():
            return
        command.upgrade(config(connection), "head")
