"""Schema migrations through Alembic (batch mode on SQLite), run at start.

Opening a database whose schema is already current must stay cheap (the headless CLI
opens one per command): :data:`HEAD` names the newest revision without importing Alembic,
which is loaded only when a schema has to be upgraded or a revision is not the head.
A test keeps :data:`HEAD` equal to the head of the scripts in ``alembic/versions``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from sqlalchemy import Connection, Engine, inspect, text

from models.core.errors import NotABatonDatabase, SchemaOutdated, SchemaTooNew

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).with_name("alembic")

#: The newest revision in ``alembic/versions`` (checked by a test against Alembic's head).
HEAD = "0011"


def config(connection: Connection | None = None) -> Config:
    from alembic.config import Config  # noqa: PLC0415 - Alembic loads only to migrate

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


@cache
def _scripts() -> ScriptDirectory:
    from alembic.script import ScriptDirectory  # noqa: PLC0415 - loads only to migrate

    return ScriptDirectory.from_config(config())


def head_revision() -> str:
    """The head of the migration scripts, as Alembic reads it (see :data:`HEAD`)."""
    head = _scripts().get_current_head()
    assert head is not None
    return head


def is_known(revision: str) -> bool:
    if revision == HEAD:
        return True
    from alembic.util.exc import CommandError  # noqa: PLC0415 - loads only off the fast path

    try:
        return _scripts().get_revision(revision) is not None
    except CommandError:
        return False


def stored_revision(connection: Connection) -> str | None:
    """The revision recorded in the database, read with plain SQL (no Alembic)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def current_revision(connection: Connection) -> str | None:
    return stored_revision(connection)


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
            head=HEAD,
        )


def refuse_outdated(revision: str | None, *, where: str) -> None:
    """For a read-only open: refuse unless the schema is current (nothing is written)."""
    if revision == HEAD:
        return
    if revision is None:
        refuse_missing(where=where, reading=True)
    raise SchemaOutdated("db.schema_outdated", where=where, revision=revision, head=HEAD)


def refuse_missing(*, where: str, reading: bool = False) -> NoReturn:
    """Refuse a database that holds no Baton schema yet, saying how to create one."""
    if reading:
        raise SchemaOutdated("db.schema_missing", where=where, revision=None, head=HEAD)
    raise SchemaOutdated("db.not_created", where=where, revision=None, head=HEAD)


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision in one transaction; a team-mode database
    gets its privileges and row-level security again in it, new tables included."""
    with engine.begin() as connection:
        if stored_revision(connection) == HEAD:
            return
        from alembic import command  # noqa: PLC0415 - Alembic loads only to migrate

        command.upgrade(config(connection), "head")
        from models.db.server_security import reapply  # noqa: PLC0415 - loads to migrate

        reapply(connection)
