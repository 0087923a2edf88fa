"""Opening a Baton database: URL parsing, checks that write nothing, engines, sessions.

The default is an embedded SQLite file in the user data directory (WAL, busy timeout,
``BEGIN IMMEDIATE`` for write transactions). A PostgreSQL URL selects team mode with the
same schema. :func:`open_database` refuses, before anything is written, a URL it cannot
parse, a server it cannot reach, a file that is not a SQLite database, a database that
belongs to something else, and a schema newer than this code knows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from models.core.errors import (
    DatabaseCorrupt,
    DatabaseUnreachable,
    DatabaseUrlInvalid,
    SchemaOutdated,
)
from models.db import migrations as migrate
from models.db.credentials import password_for

APP_NAME = "Baton"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
#: The refusal that means "who are you?": a wrong or missing password, an unknown login
#: (sign-in asks again on it).
AUTH_REFUSED = "db.unreachable.auth"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_url(*, demo: bool = False) -> str:
    name = "baton-demo.sqlite3" if demo else "baton.sqlite3"
    return f"sqlite:///{data_dir() / name}"


def parse_url(text: str) -> URL:
    """Parse what a user typed: a SQLAlchemy URL, or a plain path to a SQLite file."""
    text = text.strip()
    if not text:
        raise DatabaseUrlInvalid("db.url.empty", url=text)
    if "://" not in text:
        return URL.create("sqlite", database=str(Path(text).expanduser()))
    try:
        url = make_url(text)
    except (ArgumentError, ValueError) as exc:  # ValueError: a port that is not a number
        raise DatabaseUrlInvalid("db.url.unreadable", url=redact_text(text)) from exc
    backend = url.get_backend_name()
    if backend == "postgresql":
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        return url
    raise DatabaseUrlInvalid("db.url.unsupported", url=redact(url), backend=backend)


def redact(url: URL) -> str:
    """The URL as it may be shown to a user or logged: never with its password."""
    return url.render_as_string(hide_password=True)


def redact_text(text: str) -> str:
    try:
        return redact(make_url(text))
    except (ArgumentError, ValueError):
        # Unparseable: drop anything between "://" and "@" that could be credentials.
        head, sep, tail = text.partition("://")
        if sep and "@" in tail:
            return f"{head}://***@{tail.split('@', 1)[1]}"
        return text


class Database:
    """An open Baton database: an engine and the unit-of-work helpers.

    Thread-safe: each :meth:`read`/:meth:`write` block uses its own connection, so the
    GUI's worker threads may call them concurrently.
    """

    def __init__(self, url: URL, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self._write_engine = engine.execution_options(baton_write=True)
        self._read_sessions = sessionmaker(bind=engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(bind=self._write_engine, expire_on_commit=False)

    @property
    def display_url(self) -> str:
        return redact(self.url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read transaction (a consistent snapshot)."""
        with self._read_sessions() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error.

        On SQLite the transaction starts with ``BEGIN IMMEDIATE`` so concurrent writers
        wait on the busy timeout instead of failing with "database is locked".
        """
        with self._write_sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_path(url: URL) -> Path | None:
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(database)


def _preflight_sqlite(path: Path, display: str) -> str | None:
    """Check a SQLite file without writing to it (read-only open); its schema revision."""
    if not path.exists():
        if not path.parent.is_dir():
            raise DatabaseUnreachable(
                "db.folder_missing", url=display, path=str(path), folder=str(path.parent)
            )
        return None
    if path.is_dir():
        raise DatabaseCorrupt("db.corrupt.folder", path=str(path))
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header and header != SQLITE_HEADER:
        raise DatabaseCorrupt("db.corrupt.not_sqlite", path=str(path))
    if not header:
        return None
    # A read-only open of a WAL-mode file still creates -wal and -shm files beside it;
    # "immutable" reads without creating anything, which is safe while there is no -wal
    # or -journal file (no other writer, nothing left to recover).
    busy = any(path.with_name(path.name + s).exists() for s in ("-wal", "-journal"))
    mode = "mode=ro" if busy else "immutable=1"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorrupt("db.corrupt.damaged", path=str(path), reason=str(exc)) from exc
    migrate.check_existing(tables, revision, where=str(path))
    return revision


def _configure_sqlite(engine: Engine, *, read_only: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN itself (pysqlite's own
        # implicit transactions cannot do BEGIN IMMEDIATE).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
        if read_only:
            # Reading never writes: no switch of the journal mode (that rewrites the
            # file's header), and SQLite itself refuses any write on this connection.
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
            # 64 MiB of page cache (the default is 2 MiB): an import's index writes
            # stay in memory between batches (measured: a third faster at 1M touches).
            cursor.execute("PRAGMA cache_size = -65536")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get("baton_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def _driver_refusal(exc: DBAPIError, display: str, *, preparing: bool) -> DatabaseUnreachable:
    """The refusal for a driver error met while reaching (or preparing) the database.

    The driver's words are sorted into a reason a user can act on; the driver's own text
    (its first line, never the SQL or its parameters) stays in ``reason`` for the log.
    """
    detail = (str(exc.orig) if exc.orig is not None else "").strip()
    params = {"url": display, "reason": detail.splitlines()[0] if detail else type(exc).__name__}
    said = detail.lower()

    def says(*markers: str) -> bool:
        return any(marker in said for marker in markers)

    if says("connection refused"):
        return DatabaseUnreachable("db.unreachable.refused", **params)
    if says("timeout expired", "timed out"):
        return DatabaseUnreachable("db.unreachable.timeout", **params)
    if says(
        "could not translate host name",
        "failed to resolve host",
        "name or service not known",
        "nodename nor servname",
        "temporary failure in name resolution",
        "no address associated",
    ):
        return DatabaseUnreachable("db.unreachable.unknown_host", **params)
    if says("authentication failed", "no password supplied") or (
        says("role ") and says("does not exist")
    ):
        return DatabaseUnreachable("db.unreachable.auth", **params)
    if says("database ") and says("does not exist"):
        return DatabaseUnreachable("db.unreachable.no_database", **params)
    if says("permission denied", "must be owner"):
        return DatabaseUnreachable("db.unreachable.no_permission", **params)
    if says("database is locked", "database is busy"):
        return DatabaseUnreachable("db.locked", **params)
    if says("readonly database", "read-only"):
        return DatabaseUnreachable("db.read_only", **params)
    if says("database or disk is full", "no space left"):
        return DatabaseUnreachable("db.disk_full", **params)
    if preparing:
        return DatabaseUnreachable("db.prepare_failed", **params)
    return DatabaseUnreachable("db.unreachable.other", **params)


def _check_through_engine(engine: Engine, display: str) -> str | None:
    """Check a server (or an unnamed SQLite) database by reading it; its schema revision."""
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            revision = migrate.stored_revision(conn) if "alembic_version" in tables else None
    except DBAPIError as exc:
        raise _driver_refusal(exc, display, preparing=False) from exc
    migrate.check_existing(tables, revision, where=display)
    return revision


def _connect(
    url_text: str, *, read_only: bool, create_dirs: bool, password: str | None = None
) -> tuple[URL, Engine, str | None]:
    """The URL, an engine (no connection kept) and the stored schema revision.

    Everything is checked without writing; a read-only engine never writes either
    (SQLite: ``query_only``; PostgreSQL: read-only transactions).
    """
    url = parse_url(url_text)
    display = redact(url)
    connect_url = url
    checked = False
    revision: str | None = None
    if url.get_backend_name() == "sqlite":
        path = _sqlite_path(url)
        if path is not None:
            if create_dirs:
                path.parent.mkdir(parents=True, exist_ok=True)
            revision = _preflight_sqlite(path, display)
            checked = True
        try:
            engine = create_engine(url, connect_args={"check_same_thread": False})
        except NoSuchModuleError as exc:  # pragma: no cover - sqlite3 is in the stdlib
            raise DatabaseUrlInvalid("db.url.unusable", url=display, reason=str(exc)) from exc
        _configure_sqlite(engine, read_only=read_only)
    else:
        if url.password is None and url.username:
            secret = password if password is not None else password_for(url)
            if secret is not None:
                connect_url = url.set(password=secret)
        connect_args: dict[str, Any] = {"connect_timeout": 5}
        if read_only:
            connect_args["options"] = "-c default_transaction_read_only=on"
        try:
            engine = create_engine(connect_url, pool_pre_ping=True, connect_args=connect_args)
        except (ArgumentError, NoSuchModuleError) as exc:
            raise DatabaseUrlInvalid("db.url.unusable", url=display, reason=str(exc)) from exc
    if not checked:
        try:
            revision = _check_through_engine(engine, display)
        except BaseException:
            engine.dispose()
            raise
    return url, engine, revision


def _where(url: URL) -> str:
    """How refusals name the database: a SQLite file by its path, a server by its URL."""
    path = _sqlite_path(url) if url.get_backend_name() == "sqlite" else None
    return str(path) if path is not None else redact(url)


def schema_revision(url_text: str) -> str | None:
    """The schema revision the database holds (None: no Baton database yet), read without
    writing or creating anything. Refuses what :func:`open_database` refuses."""
    _url, engine, revision = _connect(url_text, read_only=True, create_dirs=False)
    engine.dispose()
    return revision


@dataclass(frozen=True)
class SchemaReport:
    """What :func:`init_database` or :func:`migrate_database` found and left."""

    where: str
    #: The revision found (None: there was no Baton database).
    before: str | None
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


def init_database(url_text: str) -> SchemaReport:
    """``baton init``: create an empty Baton database (and a SQLite file's folder).

    A database that is already current is left as it is; an older one is refused (it is
    upgraded by :func:`migrate_database`), as is anything :func:`open_database` refuses.
    """
    url, engine, before = _connect(url_text, read_only=True, create_dirs=True)
    engine.dispose()
    where = _where(url)
    if before is None:
        open_database(url_text).close()
    elif before != migrate.HEAD:
        raise SchemaOutdated("db.init_outdated", where=where, revision=before, head=migrate.HEAD)
    return SchemaReport(where, before, migrate.HEAD)


def migrate_database(url_text: str) -> SchemaReport:
    """``baton migrate``: upgrade an older Baton schema to this version's.

    A current schema is left untouched; a database that holds no Baton schema is refused
    (it is created by :func:`init_database`), untouched.
    """
    before = schema_revision(url_text)
    if before != migrate.HEAD:
        open_database(url_text, create=False).close()
    return SchemaReport(_where(parse_url(url_text)), before, migrate.HEAD)


def open_database(
    url_text: str,
    *,
    upgrade: bool = True,
    create: bool = True,
    create_dirs: bool = False,
    password: str | None = None,
) -> Database:
    """Open the database at ``url_text``, by default migrating it to the newest schema.

    With ``upgrade=False`` (commands that only read) nothing is ever created, migrated or
    written, and no write lock is taken: a missing database or an older schema is refused
    with :class:`models.core.errors.SchemaOutdated`. With ``create=False`` an older schema
    is upgraded but a database that holds no Baton schema yet (a missing file, an empty
    server database) is refused the same way, untouched; ``create_dirs`` also makes the
    folder of a new SQLite file. A current schema is recognised without loading Alembic.
    ``password`` is a server password just typed at sign-in (held by the engine in memory
    only); without it a server login's password comes from the OS keychain, if saved.
    Raises a :class:`models.core.errors.BatonError` subclass, having written nothing, when
    the URL or the database cannot be used.
    """
    url, engine, revision = _connect(
        url_text,
        read_only=not upgrade,
        create_dirs=upgrade and create and create_dirs,
        password=password,
    )
    display = redact(url)
    try:
        if not upgrade:
            migrate.refuse_outdated(revision, where=_where(url))
        elif revision is None and not create:
            migrate.refuse_missing(where=_where(url))
    except BaseException:
        engine.dispose()
        raise
    database = Database(url, engine)
    if upgrade and revision != migrate.HEAD:
        try:
            migrate.upgrade(database._write_engine)
        except DBAPIError as exc:
            database.close()
            raise _driver_refusal(exc, display, preparing=True) from exc
        except BaseException:
            database.close()  # no engine (and no server connection) outlives a refusal
            raise
    return database
