"""Shared fixtures: real SQLite files, the real PostgreSQL server, an in-memory keychain.

PostgreSQL tests need the server at ``BATON_TEST_PG`` (default
``postgresql://127.0.0.1/postgres``). In CI (``CI`` set) they are required: an
unreachable server fails the run instead of skipping.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # The windows are tested on a full-HD screen (the offscreen platform's default is
    # 800×800); tests of a laptop screen start their own process with another one.
    _SCREEN = os.path.join(os.path.dirname(__file__), "screens", "1920x1080.json")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"

import shutil
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import keyring
import psycopg
import pytest
from keyring.backend import KeyringBackend
from psycopg import sql
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from models import demo
from models.db.database import Database, open_database
from tests import pg_cluster
from tests.pg_cluster import ScramCluster

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


def _drop_database(server: str, name: str) -> None:
    _pg_admin(
        server, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    )


@pytest.fixture(scope="session")
def sqlite_demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo data set (300 leads, seed 7, at NOW) in a SQLite file, generated once."""
    path = tmp_path_factory.mktemp("template") / "demo.sqlite3"
    database = open_database(f"sqlite:///{path}")
    demo.generate(database, leads=300, seed=7, now=NOW)
    database.close()
    assert not path.with_name(path.name + "-wal").exists()  # everything is in the file
    return path


@pytest.fixture(
    scope="session", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def demo_template(request: pytest.FixtureRequest) -> Iterator[tuple[str, str]]:
    """The demo data set once per backend: ("sqlite", path) or (server, template db name)."""
    if request.param == "sqlite":
        yield "sqlite", str(request.getfixturevalue("sqlite_demo_template"))
        return
    server: str = request.getfixturevalue("pg_server")
    name = f"baton_test_{uuid.uuid4().hex[:12]}"
    _pg_admin(server, sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    database = open_database(make_url(server).set(database=name).render_as_string(False))
    demo.generate(database, leads=300, seed=7, now=NOW)
    database.close()
    yield server, name
    _drop_database(server, name)


def clone_demo(template: tuple[str, str], directory: Path) -> tuple[str, Callable[[], None]]:
    """A private copy of the demo data set: a file copy, or CREATE DATABASE ... TEMPLATE."""
    kind, source = template
    if kind == "sqlite":
        target = directory / "baton.sqlite3"
        shutil.copyfile(source, target)
        return f"sqlite:///{target}", lambda: None
    name = f"baton_test_{uuid.uuid4().hex[:12]}"
    _pg_admin(
        kind,
        sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
            sql.Identifier(name), sql.Identifier(source)
        ),
    )
    return (
        make_url(kind).set(database=name).render_as_string(False),
        lambda: _drop_database(kind, name),
    )


@pytest.fixture
def demo_db(demo_template: tuple[str, str], tmp_path: Path) -> Iterator[Database]:
    """A fresh copy of the small demo data set, on SQLite and on PostgreSQL."""
    url, drop = clone_demo(demo_template, tmp_path)
    database = open_database(url)
    yield database
    database.close()
    drop()


@pytest.fixture(scope="module")
def shared_db(
    demo_template: tuple[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    """One copy shared by a module's tests that write nothing (or only refused actions)."""
    url, drop = clone_demo(demo_template, tmp_path_factory.mktemp("shared"))
    database = open_database(url)
    yield database
    database.close()
    drop()


@pytest.fixture(scope="session")
def scram_server() -> Iterator[ScramCluster]:
    """A throwaway PostgreSQL cluster that asks for passwords (tests/pg_cluster.py)."""
    reason = pg_cluster.unavailable()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"A throwaway PostgreSQL cluster is required in CI: {reason}")
        pytest.skip(f"No throwaway PostgreSQL cluster: {reason}")
    with pg_cluster.scram_cluster() as cluster:
        yield cluster
