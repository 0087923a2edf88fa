"""The failure policy's classification, fed real errors from real SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from models.core.entities import User
from models.core.errors import InvalidInput, NotFound
from models.db.database import Database, open_database
from models.db.failures import Kind, Reason, classify
from models.teams.users import add_user


def _raised(action: Callable[[], object]) -> BaseException:
    try:
        action()
    except BaseException as exc:
        return exc
    pytest.fail("expected the database to refuse")


def test_domain_refusals_are_refusals() -> None:
    assert classify(InvalidInput("x", field="f")).kind is Kind.REFUSAL
    assert classify(NotFound("x", lead_id=1)).kind is Kind.REFUSAL


def test_a_locked_sqlite_file_is_transient(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'locked.sqlite3'}")
    blocker = sqlite3.connect(tmp_path / "locked.sqlite3")
    blocker.execute("BEGIN EXCLUSIVE")
    try:

        def write() -> None:
            with db.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA busy_timeout = 10")
                conn.execute(text("INSERT INTO team (name, settings) VALUES ('t', '{}')"))

        failure = classify(_raised(write))
        assert (failure.kind, failure.reason) == (Kind.TRANSIENT, Reason.LOCKED)
    finally:
        blocker.rollback()
        blocker.close()
        db.close()


def test_a_read_only_sqlite_database_is_permanent(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite3"
    open_database(f"sqlite:///{path}").close()
    read_only = open_database(f"sqlite:///file:{path}?mode=ro&uri=true", upgrade=False)
    try:

        def write() -> None:
            with read_only.write() as session:
                add_user(session, actor_id=None, email="a@b.example", display_name="A", role="rep")

        failure = classify(_raised(write))
        assert (failure.kind, failure.reason) == (Kind.PERMANENT, Reason.READ_ONLY)
    finally:
        read_only.close()


def test_data_the_database_refuses_is_permanent(db: Database) -> None:
    with db.write() as session:
        add_user(session, actor_id=None, email="same@b.example", display_name="A", role="rep")

    def duplicate() -> None:
        with db.write() as session:
            session.add(User(email="same@b.example", display_name="B", role="rep"))

    failure = classify(_raised(duplicate))
    assert (failure.kind, failure.reason) == (Kind.PERMANENT, Reason.REFUSED_DATA)


@pytest.mark.postgres
def test_postgresql_failures(pg_url: str) -> None:
    db = open_database(pg_url)
    try:
        with db.write() as session:
            user_id = add_user(
                session, actor_id=None, email="a@b.example", display_name="A", role="rep"
            ).user.id

        def terminated() -> None:
            with db.read() as session:
                session.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))

        failure = classify(_raised(terminated))
        assert (failure.kind, failure.reason) == (Kind.TRANSIENT, Reason.UNREACHABLE)

        def read_only_transaction() -> None:
            with db.write() as session:
                session.execute(text("SET TRANSACTION READ ONLY"))
                add_user(session, actor_id=None, email="b@b.example", display_name="B", role="rep")

        failure = classify(_raised(read_only_transaction))
        assert (failure.kind, failure.reason) == (Kind.PERMANENT, Reason.READ_ONLY)

        def division() -> None:
            with db.read() as session:
                session.execute(text("SELECT 1 / 0"))

        assert classify(_raised(division)).kind is Kind.PERMANENT

        # A row another transaction holds: NOWAIT gives up at once (lock_not_available).
        with db.write() as holder:
            holder.execute(select(User).where(User.id == user_id).with_for_update())

            def locked() -> None:
                with db.write() as other:
                    other.execute(
                        select(User).where(User.id == user_id).with_for_update(nowait=True)
                    )

            exc = _raised(locked)
            assert isinstance(exc, DBAPIError) and isinstance(exc.orig, psycopg.Error)
            failure = classify(exc)
            assert (failure.kind, failure.reason) == (Kind.TRANSIENT, Reason.LOCKED)
    finally:
        db.close()


def test_a_bug_is_unexpected() -> None:
    assert classify(RuntimeError("bug")).kind is Kind.UNEXPECTED
    assert classify(KeyError("bug")).kind is Kind.UNEXPECTED


@pytest.mark.postgres
def test_a_value_the_driver_refuses_is_permanent(pg_url: str) -> None:
    db = open_database(pg_url)
    try:

        def nul() -> None:
            with db.write() as session:
                session.add(User(email="n@b.example", display_name="a\x00b", role="rep"))

        failure = classify(_raised(nul))
        assert (failure.kind, failure.reason) == (Kind.PERMANENT, Reason.REFUSED_DATA)
    finally:
        db.close()
