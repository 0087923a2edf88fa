"""Shared fixtures: real SQLite files, the real PostgreSQL server, an in-memory keychain.

PostgreSQL tests need the server at ``BATON_TEST_PG`` (default
``postgresql://127.0.0.1/postgres``). In CI (``CI`` set) they are required: an
unreachable server fails the run instead of skipping.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import keyring
import psycopg
import pytest
from keyring.backend import KeyringBackend
from psycopg import sql
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from models.database import Database, open_database

pytest_plugins = ["tests.gui_fixtures"]

PG_ADMIN_URL = os.environ.get("BATON_TEST_PG", "postgresql+psycopg://127.0.0.1/postgres")
NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)


class MemoryKeyring(KeyringBackend):
    """A keychain that lives in memory (this machine has no OS keychain)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Settings and data folders of the tests never touch the real user's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("BATON_DATABASE_URL", raising=False)


def _pg_reachable() -> str | None:
    try:
        engine = create_engine(make_url(PG_ADMIN_URL), connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as exc:
        return str(exc).splitlines()[0]
    return None


@pytest.fixture(scope="session")
def pg_server() -> str:
    reason = _pg_reachable()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI but unreachable at {PG_ADMIN_URL}: {reason}")
        pytest.skip(f"PostgreSQL not reachable at {PG_ADMIN_URL}: {reason}")
    return PG_ADMIN_URL


def _pg_admin(pg_server: str, statement: sql.Composable) -> None:
    url = make_url(pg_server)
    conninfo = psycopg.conninfo.make_conninfo(
        host=url.host or "",
        port=url.port or 5432,
        dbname=url.database or "postgres",
        user=url.username or "",
        password=url.password or "",
    )
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(statement)


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    name = f"baton_test_{uuid.uuid4().hex[:12]}"
    _pg_admin(pg_server, sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = make_url(pg_server).set(database=name)
    yield url.render_as_string(hide_password=False)
    _pg_admin(
        pg_server, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    )


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'baton.sqlite3'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same test on a SQLite file and on the PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'baton.sqlite3'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def db(any_url: str) -> Iterator[Database]:
    database = open_database(any_url)
    yield database
    database.close()


@pytest.fixture
def demo_db(any_url: str) -> Iterator[Database]:
    """A small deterministic demo data set on both databases."""
    from models import demo

    database = open_database(any_url)
    demo.generate(database, leads=300, seed=7, now=NOW)
    yield database
    database.close()


@pytest.fixture
def sqlite_demo_db(sqlite_url: str) -> Iterator[Database]:
    from models import demo

    database = open_database(sqlite_url)
    demo.generate(database, leads=300, seed=7, now=NOW)
    yield database
    database.close()
