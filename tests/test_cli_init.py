"""Creating and upgrading a database is asked for by name; reading never writes.

``baton init`` creates an empty database, ``baton migrate`` upgrades an older one; the
commands that only read refuse anything else untouched (a missing file, an empty or a
foreign server database, an older schema) and read a current one without its write lock.
Commands that write upgrade an older schema but never create a database from nothing.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from models.db import migrations as migrate
from models.db.database import BUSY_TIMEOUT_MS, default_url, open_database
from tests.conftest import NOW
from tests.test_cli import _database_at, baton, headless_env, sidecars

READING = (["queue"], ["lead", "1"], ["due"], ["users"], ["team"])
WRITING = (
    ["call", "1", "--outcome", "no_answer", "--user", "misaki.sato@baton.example"],
    ["recycle", "1", "--reason", "timing"],
    ["rescore"],
    ["team", "set", "--sla-minutes", "10", "--user", "naoki.tanaka@baton.example"],
)


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return headless_env(tmp_path_factory.mktemp("cli-init-home"), BATON_NOW=NOW.isoformat())


@pytest.fixture
def demo_file(sqlite_demo_template: Path, tmp_path: Path) -> Path:
    """A current Baton database with the demo data (a copy of the session's template)."""
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(sqlite_demo_template, path)
    return path


def _tables(url: str) -> set[str]:
    engine = create_engine(make_url(url))
    try:
        with engine.connect() as conn:
            return set(inspect(conn).get_table_names())
    finally:
        engine.dispose()


# -- baton init ---------------------------------------------------------------------------
def test_init_creates_an_empty_database_then_leaves_it_alone(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "new folder" / "team.sqlite3"
    created = baton(cli_env, "init", "--db", str(path))
    assert created.returncode == 0, created.stderr
    assert "Created" in created.stdout and str(path) in created.stdout
    listed = baton(cli_env, "queue", "--json", "--db", str(path))
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == []
    content = path.read_bytes()
    again = baton(cli_env, "init", "--db", str(path))
    assert again.returncode == 0, again.stderr
    assert "already holds a Baton database" in again.stdout
    assert path.read_bytes() == content


def test_init_without_db_creates_the_default_database(cli_env: dict[str, str]) -> None:
    created = baton(cli_env, "init")
    assert created.returncode == 0, created.stderr
    path = Path(cli_env["XDG_DATA_HOME"]) / "Baton" / "baton.sqlite3"
    assert path.is_file()
    assert str(path) in created.stdout


@pytest.mark.postgres
def test_init_creates_the_schema_on_an_empty_server_database(
    cli_env: dict[str, str], pg_url: str
) -> None:
    created = baton(cli_env, "init", "--db", pg_url)
    assert created.returncode == 0, created.stderr
    assert {"lead", "account", "alembic_version"} <= _tables(pg_url)
    listed = baton(cli_env, "queue", "--json", "--db", pg_url)
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == []


# -- Refused untouched ---------------------------------------------------------------------
def test_reading_a_missing_file_says_how_to_create_one(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "typo.db"
    for command in READING:
        result = baton(cli_env, *command, "--db", str(path), "--lang", "en")
        assert result.returncode == 2, (command, result.stderr)
        assert f"baton init --db {path}" in result.stderr
        assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_writing_commands_do_not_create_a_missing_database(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "typo.db"
    for command in WRITING:
        result = baton(cli_env, *command, "--db", str(path), "--lang", "en")
        assert result.returncode == 2, (command, result.stderr)
        assert f"baton init --db {path}" in result.stderr, command
        assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.postgres
def test_an_empty_server_database_is_refused_untouched(
    cli_env: dict[str, str], pg_url: str
) -> None:
    """``baton queue --db postgresql://host/postgres`` creates nothing there."""
    for command in [["queue"], ["lead", "1"], WRITING[0], ["rescore"], ["migrate"]]:
        result = baton(cli_env, *command, "--db", pg_url, "--lang", "en")
        assert result.returncode == 2, (command, result.stderr)
        assert "baton init" in result.stderr, command
    assert _tables(pg_url) == set()


@pytest.mark.postgres
def test_a_server_database_holding_other_tables_is_refused_untouched(
    cli_env: dict[str, str], pg_url: str
) -> None:
    url = make_url(pg_url)
    with psycopg.connect(
        host=url.host, port=url.port or 5432, dbname=url.database, user=url.username or ""
    ) as conn:
        conn.execute("CREATE TABLE invoice (id serial PRIMARY KEY, total numeric)")
    for command in [["queue"], ["users"], ["rescore"], ["init"], ["migrate"], ["demo"]]:
        result = baton(cli_env, *command, "--db", pg_url, "--lang", "en")
        assert result.returncode == 2, (command, result.stderr)
        assert "not Baton's" in result.stderr, command
        assert "invoice" in result.stderr
    assert _tables(pg_url) == {"invoice"}


# -- baton migrate --------------------------------------------------------------------------
def test_an_older_schema_is_upgraded_by_migrate_only_when_asked(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "old.sqlite3"
    _database_at(path, "0001")
    content = path.read_bytes()
    read = baton(cli_env, "queue", "--db", str(path), "--lang", "en")
    assert read.returncode == 2
    assert f"baton migrate --db {path}" in read.stderr
    init = baton(cli_env, "init", "--db", str(path), "--lang", "en")
    assert init.returncode == 2
    assert f"baton migrate --db {path}" in init.stderr
    assert path.read_bytes() == content
    assert sidecars(path) == []

    upgraded = baton(cli_env, "migrate", "--db", str(path))
    assert upgraded.returncode == 0, upgraded.stderr
    assert f"from schema 0001 to {migrate.HEAD}" in upgraded.stdout
    listed = baton(cli_env, "queue", "--json", "--db", str(path))
    assert listed.returncode == 0, listed.stderr
    again = baton(cli_env, "migrate", "--db", str(path))
    assert again.returncode == 0
    assert "up to date" in again.stdout


def test_migrate_refuses_a_missing_database_and_creates_nothing(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "typo.db"
    result = baton(cli_env, "migrate", "--db", str(path), "--lang", "en")
    assert result.returncode == 2
    assert f"baton init --db {path}" in result.stderr
    assert list(tmp_path.iterdir()) == []


# -- Reading takes no lock and writes nothing ---------------------------------------------
@pytest.fixture
def exclusive_writer(demo_file: Path) -> Iterator[sqlite3.Connection]:
    """Another program holds the write lock (``BEGIN EXCLUSIVE``) with a change pending."""
    writer = sqlite3.connect(demo_file, isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")
    writer.execute("UPDATE lead SET phone = 'held' WHERE id = (SELECT min(id) FROM lead)")
    yield writer
    writer.execute("ROLLBACK")
    writer.close()


@pytest.mark.usefixtures("exclusive_writer")
def test_reading_a_current_schema_answers_at_once_under_an_exclusive_lock(
    cli_env: dict[str, str], demo_file: Path
) -> None:
    for command in (["queue", "--json"], ["users", "--json"], ["due", "--json"]):
        started = time.perf_counter()
        result = baton(cli_env, *command, "--db", str(demo_file))
        elapsed = time.perf_counter() - started
        assert result.returncode == 0, (command, result.stderr)
        assert json.loads(result.stdout)
        # Well below the busy timeout a wait for the lock would take (a process start
        # is about 0.3 s).
        assert elapsed < BUSY_TIMEOUT_MS / 1000 / 2, (command, elapsed)


def test_reading_leaves_a_rollback_journal_file_as_it_is(
    cli_env: dict[str, str], demo_file: Path
) -> None:
    """A file in rollback-journal mode is not switched to WAL (a rewrite of its header)."""
    conn = sqlite3.connect(demo_file)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    content = demo_file.read_bytes()
    for command in READING:
        result = baton(cli_env, *command, "--db", str(demo_file), "--lang", "en")
        assert result.returncode == 0, (command, result.stderr)
    assert demo_file.read_bytes() == content
    assert sidecars(demo_file) == []


def test_a_read_only_open_refuses_to_write(any_url: str) -> None:
    """The engine a reading command gets cannot write, on either backend."""
    open_database(any_url).close()  # a current, empty Baton database
    reader = open_database(any_url, upgrade=False)
    try:
        with pytest.raises(Exception, match=r"(?i)read.?only|readonly"), reader.read() as s:
            s.execute(text("INSERT INTO team (name, settings) VALUES ('x', '{}')"))
    finally:
        reader.close()


# -- The app's own database ------------------------------------------------------------------
def test_the_apps_default_database_is_still_created_on_first_use() -> None:
    """The app opens its default database as below (desktop/main/app.py)."""
    path = Path(make_url(default_url()).database or "")
    assert not path.exists()
    database = open_database(default_url(), create_dirs=True)
    database.close()
    assert path.is_file()
    open_database(default_url(), upgrade=False).close()  # a current schema: readable
