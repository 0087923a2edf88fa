"""Opening databases: schema at head, SQLite settings, refusals that write nothing, passwords."""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.engine import make_url

from models.core.entities import Team
from models.core.errors import (
    DatabaseCorrupt,
    DatabaseUnreachable,
    DatabaseUrlInvalid,
    NotABatonDatabase,
    SchemaTooNew,
)
from models.db import migrations as migrate
from models.db.credentials import SERVICE, account_for, password_for, store_password
from models.db.database import BUSY_TIMEOUT_MS, Database, open_database
from tests.conftest import MemoryKeyring

BATON_TABLES = {"lead", "account", "touch", "call", "user_account", "definition", "handoff"}
SIDECARS = ("-wal", "-shm", "-journal")


def files_near(path: Path) -> dict[str, bytes]:
    """The file and any SQLite sidecar files next to it, with their bytes."""
    return {
        candidate.name: candidate.read_bytes()
        for candidate in [path, *(path.with_name(path.name + s) for s in SIDECARS)]
        if candidate.exists()
    }


def sqlite_file(url: str) -> Path:
    database = make_url(url).database
    assert database
    return Path(database)


def server_state(url: str) -> tuple[set[str], list[tuple[str, ...]]]:
    """The tables of a server database and what alembic_version holds, read without Baton."""
    engine = create_engine(make_url(url).set(drivername="postgresql+psycopg"))
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            versions = []
            if "alembic_version" in tables:
                versions = [tuple(r) for r in conn.execute(text("SELECT * FROM alembic_version"))]
    finally:
        engine.dispose()
    return tables, versions


# -- A new database -----------------------------------------------------------------------
def test_a_new_database_is_created_at_the_head_revision(db: Database) -> None:
    with db.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
        assert set(inspect(conn).get_table_names()) >= BATON_TABLES


def test_opening_again_changes_nothing(any_url: str) -> None:
    open_database(any_url).close()
    again = open_database(any_url)
    try:
        with again.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
        assert len(rows) == 1
    finally:
        again.close()


def test_a_plain_path_opens_a_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "データ フォルダ" / "my baton.db"
    path.parent.mkdir()
    db = open_database(str(path))
    try:
        assert db.dialect == "sqlite"
        assert Path(db.url.database or "") == path
        with db.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
    finally:
        db.close()
    assert path.read_bytes().startswith(b"SQLite format 3\x00")


def test_a_plain_path_may_start_with_the_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    db = open_database("~/baton-home.sqlite3")
    db.close()
    assert (tmp_path / "baton-home.sqlite3").is_file()


def test_an_empty_file_becomes_a_baton_database(tmp_path: Path) -> None:
    path = tmp_path / "touched.db"
    path.touch()
    db = open_database(str(path))
    try:
        with db.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
    finally:
        db.close()


def test_a_missing_folder_is_refused_unless_asked_to_create_it(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "baton.db"
    with pytest.raises(DatabaseUnreachable) as info:
        open_database(str(path))
    assert str(path.parent) in str(info.value)
    assert not path.parent.exists()
    open_database(str(path), create_dirs=True).close()
    assert path.is_file()


# -- SQLite settings ----------------------------------------------------------------------
def test_sqlite_uses_wal_and_a_busy_timeout(sqlite_url: str) -> None:
    db = open_database(sqlite_url)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS
            assert BUSY_TIMEOUT_MS >= 1000
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.close()
    # WAL is recorded in the file itself (header bytes 18 and 19 are 2 in WAL mode).
    header = sqlite_file(sqlite_url).read_bytes()[:20]
    assert header[18] == header[19] == 2


def _other_writer_blocked(path: Path) -> bool:
    """Whether another connection (no waiting) is refused the write lock right now."""
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        assert "locked" in str(exc)
        return True
    else:
        conn.execute("ROLLBACK")
        return False
    finally:
        conn.close()


def test_write_transactions_take_the_write_lock_at_begin(sqlite_url: str) -> None:
    db = open_database(sqlite_url)
    path = sqlite_file(sqlite_url)
    try:
        with db.read() as session:
            session.execute(select(Team.id)).all()  # a read: no write lock
            assert not _other_writer_blocked(path)
        with db.write() as session:
            session.execute(select(Team.id)).all()  # only read so far, yet BEGIN IMMEDIATE
            assert _other_writer_blocked(path)
        assert not _other_writer_blocked(path)
    finally:
        db.close()


def test_concurrent_writers_wait_instead_of_failing(sqlite_url: str) -> None:
    """Two threads read-modify-write the same row: both succeed, neither update is lost.

    With deferred transactions the second writer's upgrade from read to write fails at
    once with "database is locked" (the busy handler is skipped); BEGIN IMMEDIATE waits.
    """
    db = open_database(sqlite_url)
    try:
        with db.write() as session:
            team = Team(name="0", settings={})
            session.add(team)
            session.flush()
            team_id = team.id
        start = threading.Barrier(2)
        errors: list[BaseException] = []

        def increment() -> None:
            try:
                start.wait(timeout=10)
                with db.write() as session:
                    row = session.get(Team, team_id)
                    assert row is not None
                    value = int(row.name)
                    time.sleep(0.3)  # both threads are inside a transaction now
                    row.name = str(value + 1)
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=increment) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert errors == []
        with db.read() as session:
            row = session.get(Team, team_id)
            assert row is not None
            assert row.name == "2"
    finally:
        db.close()


# -- Bad URLs -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("postgresql://user@:notaport/db", "postgresql://USER@HOST"),
        ("postgresql://user@host:port/db", "expected sqlite:///PATH"),
        ("mysql://x/y", "Baton runs on SQLite or PostgreSQL"),
        ("oracle://scott@tiger/db", "“oracle”"),
        ("", "empty"),
        ("   ", "empty"),
    ],
)
def test_a_malformed_url_is_refused(url: str, says: str) -> None:
    with pytest.raises(DatabaseUrlInvalid) as info:
        open_database(url)
    assert says in str(info.value)
    assert info.value.code == "db_url_invalid"
    assert "url" in info.value.params


@pytest.mark.parametrize(
    "url", ["postgresql://alice:hunter2@host:notaport/db", "mysql://alice:hunter2@host/db"]
)
def test_a_refused_url_does_not_show_its_password(url: str) -> None:
    with pytest.raises(DatabaseUrlInvalid) as info:
        open_database(url)
    assert "hunter2" not in str(info.value)
    assert "hunter2" not in str(info.value.params["url"])
    assert "host" in str(info.value)


def test_an_unreachable_server_is_reported_quickly() -> None:
    started = time.monotonic()
    with pytest.raises(DatabaseUnreachable) as info:
        open_database("postgresql://root@127.0.0.1:1/nothing")
    assert time.monotonic() - started < 5
    assert "127.0.0.1" in str(info.value)
    assert info.value.params["reason"]


def test_an_unreachable_server_message_hides_the_password() -> None:
    with pytest.raises(DatabaseUnreachable) as info:
        open_database("postgresql://root:hunter2@127.0.0.1:1/nothing")
    assert "hunter2" not in str(info.value)
    assert "hunter2" not in str(info.value.params)


@pytest.mark.postgres
def test_a_missing_server_database_is_unreachable(pg_url: str) -> None:
    url = make_url(pg_url).set(database="baton_no_such_database")
    with pytest.raises(DatabaseUnreachable) as info:
        open_database(url.render_as_string(hide_password=False))
    assert "baton_no_such_database" in str(info.value)


# -- Files that are not Baton's: refused, untouched ---------------------------------------
@pytest.mark.parametrize(
    "content",
    [
        pytest.param(random.Random(7).randbytes(8192), id="random-bytes"),
        pytest.param("売上メモ\nnot a database, just text\n".encode() * 50, id="text"),
        pytest.param(b"SQLite format 2\x00" + bytes(4080), id="wrong-header"),
    ],
)
def test_a_file_that_is_not_sqlite_is_refused_and_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(DatabaseCorrupt) as info:
        open_database(str(path))
    assert str(path) in str(info.value)
    assert info.value.params["path"] == str(path)
    assert files_near(path) == {"notes.db": content}


def test_a_damaged_sqlite_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "damaged.db"
    open_database(str(path)).close()
    data = bytearray(path.read_bytes())
    assert files_near(path).keys() == {"damaged.db"}
    # Keep the header (WAL mode) but overwrite the rest of page 1, the schema.
    data[100:4096] = random.Random(3).randbytes(3996)
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseCorrupt) as info:
        open_database(str(path))
    assert str(path) in str(info.value)
    assert files_near(path) == {"damaged.db": bytes(data)}


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseCorrupt):
        open_database(str(tmp_path))


def test_another_apps_sqlite_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO recipes (title) VALUES ('肉じゃが')")
    conn.commit()
    conn.close()
    before = files_near(path)
    with pytest.raises(NotABatonDatabase) as info:
        open_database(f"sqlite:///{path}")
    assert "recipes" in str(info.value)
    assert files_near(path) == before


@pytest.mark.postgres
def test_another_apps_server_database_is_refused_and_untouched(pg_url: str) -> None:
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id serial PRIMARY KEY, total numeric)"))
    engine.dispose()
    with pytest.raises(NotABatonDatabase) as info:
        open_database(pg_url)
    assert "invoices" in str(info.value)
    assert server_state(pg_url) == ({"invoices"}, [])


def _set_revision(url: str, revision: str) -> None:
    if url.startswith("sqlite"):
        conn = sqlite3.connect(sqlite_file(url))
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        conn.commit()
        conn.close()
        return
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    engine.dispose()


def test_a_newer_schema_is_refused_and_untouched(any_url: str) -> None:
    open_database(any_url).close()
    _set_revision(any_url, "9999_from_the_future")
    if any_url.startswith("sqlite"):
        before: object = files_near(sqlite_file(any_url))
    else:
        before = server_state(any_url)
    with pytest.raises(SchemaTooNew) as info:
        open_database(any_url)
    assert info.value.params["revision"] == "9999_from_the_future"
    assert info.value.params["head"] == migrate.head_revision()
    assert "9999_from_the_future" in str(info.value)
    if any_url.startswith("sqlite"):
        assert files_near(sqlite_file(any_url)) == before
    else:
        assert server_state(any_url) == before


# -- Passwords ----------------------------------------------------------------------------
def test_keychain_account_names_the_login() -> None:
    url = make_url("postgresql+psycopg://alice@db.example:6543/sales")
    assert account_for(url) == "alice@db.example:6543/sales"
    assert account_for(make_url("postgresql://bob@/crm")) == "bob@localhost:5432/crm"


def test_passwords_are_stored_in_and_read_from_the_keychain(memory_keyring: MemoryKeyring) -> None:
    url = make_url("postgresql://alice@db.example/sales")
    assert password_for(url) is None
    store_password(url, "s3cret")
    assert memory_keyring.store == {(SERVICE, "alice@db.example:5432/sales"): "s3cret"}
    assert password_for(url) == "s3cret"
    # Another database, user or port is another keychain entry.
    assert password_for(make_url("postgresql://alice@db.example/other")) is None
    assert password_for(make_url("postgresql://carol@db.example/sales")) is None
    assert password_for(make_url("postgresql://alice@db.example:6000/sales")) is None


def _current_user(pg_url: str) -> str:
    engine = create_engine(pg_url)
    with engine.connect() as conn:
        user = conn.execute(text("SELECT current_user")).scalar_one()
    engine.dispose()
    return str(user)


@pytest.mark.postgres
def test_a_url_without_password_takes_it_from_the_keychain(pg_url: str) -> None:
    url = make_url(pg_url).set(drivername="postgresql", username=_current_user(pg_url))
    store_password(url, "from-the-keychain")
    db = open_database(url.render_as_string(hide_password=False))
    try:
        # Used to connect (a test secret, not a real one).
        assert db.engine.url.password == "from-the-keychain"
        assert db.url.password is None  # never kept in the URL Baton shows or saves
        assert "from-the-keychain" not in db.display_url
        assert db.display_url.startswith(f"postgresql+psycopg://{url.username}@")
        with db.read() as session:
            assert session.execute(text("SELECT 1")).scalar() == 1
    finally:
        db.close()


@pytest.mark.postgres
def test_display_url_never_shows_a_password(pg_url: str) -> None:
    user = _current_user(pg_url)
    url = make_url(pg_url).set(username=user, password="hunter2")
    db = open_database(url.render_as_string(hide_password=False))
    try:
        assert "hunter2" not in db.display_url
        assert "***" in db.display_url
        assert "hunter2" not in str(db.url)
        with db.read() as session:  # the trust-auth server lets it in regardless
            assert session.execute(text("SELECT 1")).scalar() == 1
    finally:
        db.close()


def test_sqlite_display_url_is_the_file(sqlite_url: str) -> None:
    db = open_database(sqlite_url)
    try:
        assert db.display_url == sqlite_url
    finally:
        db.close()
