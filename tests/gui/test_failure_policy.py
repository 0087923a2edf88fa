"""The one failure policy, driven by real failures of real databases.

Each case shows what the policy says, once: a locked SQLite file and a dropped
PostgreSQL connection put up one banner, are retried and clear it; a read-only database
is said once with no retry; an unexpected exception (in an op or in a slot) is logged
with its traceback and shown briefly with the log's path.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop.main.window import MainWindow
from desktop.operations import lead_actions as lead_ops
from desktop.operations import logs, runner
from desktop.operations.policy import FailurePolicy
from desktop.operations.runner import Operations
from desktop.operations.worker import DbWorker
from models.core.changes import Changes
from models.core.entities import Lead
from models.db.database import Database, open_database
from models.db.failures import Failure, Kind, Reason
from models.teams.users import user_by_email
from tests.gui.conftest import REP_EMAIL


@pytest.fixture(autouse=True)
def fast_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "BACKOFF_MS", (100, 200))
    monkeypatch.setattr(runner, "PROBE_MS", 100)


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Baton's log configured as at start, in this test's own folder."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    root = logging.getLogger()
    before = list(root.handlers)
    path = logs.configure()
    yield path
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


@pytest.fixture
def make_ops(qtbot: QtBot) -> Iterator[Callable[..., Operations]]:
    """Operations on a database, with a window for the policy's messages."""
    workers: list[DbWorker] = []

    def make(db: Database, log_path: Path | None = None) -> Operations:
        window = QWidget()
        qtbot.addWidget(window)
        worker = DbWorker(db)
        workers.append(worker)
        return Operations(worker, FailurePolicy(window, log_path), window)

    yield make
    for worker in workers:
        worker.stop()


def _own_lead(db: Database) -> tuple[int, int]:
    with db.read() as session:
        rep = user_by_email(session, REP_EMAIL)
        lead_id = session.scalar(
            select(Lead.id)
            .where(Lead.owner_id == rep.id, Lead.do_not_call.is_(False))
            .order_by(Lead.id)
            .limit(1)
        )
        assert lead_id is not None
        return rep.id, lead_id


def _visible_boxes() -> list[str]:
    return [
        w.text()
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible()
    ]


def test_a_locked_database_shows_one_banner_retries_and_clears_it(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    rep_id, lead_id = _own_lead(sqlite_demo_db)
    path = sqlite_demo_db.url.database
    assert path is not None
    blocker = sqlite3.connect(path, timeout=0.1)
    blocker.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr("models.db.database.BUSY_TIMEOUT_MS", 50)
    sqlite_demo_db.engine.dispose()  # new connections pick up the short busy timeout
    done: list[Changes] = []
    op = lead_ops.mark_do_not_call(window.ops, rep_id, lead_id, datetime.now(UTC), None)
    op.success(done.append).run()
    qtbot.waitUntil(window.banner.isVisible, timeout=10_000)
    busy = window.banner.text()
    assert "busy" in busy
    qtbot.waitUntil(lambda: op.attempts >= 3, timeout=10_000)  # retried behind the banner
    assert window.policy.shown.count(busy) == 1  # said once, however often it failed
    # Reading still works (WAL): that does not mean the write will, so the banner stays.
    reads: list[object] = []
    window.ops.read(lambda session: session.scalar(select(Lead.id).limit(1))).success(
        reads.append
    ).run()
    qtbot.waitUntil(lambda: bool(reads), timeout=10_000)
    assert window.banner.isVisible()
    assert not _visible_boxes()  # never a dialog for a transient failure
    blocker.rollback()
    blocker.close()
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert not window.banner.isVisible()
    with sqlite_demo_db.read() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None and lead.do_not_call


@pytest.mark.postgres
def test_a_dropped_postgresql_connection_is_retried_and_the_banner_clears(
    qtbot: QtBot, pg_url: str, make_ops: Callable[..., Operations]
) -> None:
    db = open_database(pg_url)
    try:
        ops = make_ops(db)
        shown_banners: list[str] = []
        ops.policy.banner_changed.connect(shown_banners.append)
        attempts: list[int] = []

        def job(session: Session) -> int:
            attempts.append(1)
            if len(attempts) == 1:
                # The server drops this connection mid-transaction (as a restart does).
                session.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))
            return int(session.scalar(select(Lead.id).order_by(Lead.id).limit(1)) or 0)

        results: list[int] = []
        ops.read(job).success(results.append).run()
        qtbot.waitUntil(lambda: bool(results), timeout=15_000)
        assert len(attempts) == 2
        unreachable = ops.policy.transient_text(Reason.UNREACHABLE)
        assert shown_banners == [unreachable, ""]  # shown once, then cleared
        assert ops.policy.banner == ""
        assert not _visible_boxes()
    finally:
        db.close()


@pytest.mark.postgres
def test_a_background_tick_on_a_dropped_connection_never_opens_a_dialog(
    qtbot: QtBot, pg_url: str, make_ops: Callable[..., Operations]
) -> None:
    db = open_database(pg_url)
    try:
        ops = make_ops(db)
        failures: list[Failure] = []

        def tick(session: Session) -> Changes:
            session.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))
            return Changes()

        ops.write(tick, background=True).failed(failures.append).run()
        qtbot.waitUntil(lambda: bool(failures), timeout=10_000)
        assert failures[0].kind is Kind.TRANSIENT
        assert ops.policy.banner  # the banner says it...
        assert not _visible_boxes()  # ...no dialog
        # A probe finds the database answering again and clears the banner.
        qtbot.waitUntil(lambda: ops.policy.banner == "", timeout=10_000)
    finally:
        db.close()


def test_a_read_only_database_is_said_once_and_not_retried(
    qtbot: QtBot, sqlite_demo_db: Database, make_ops: Callable[..., Operations]
) -> None:
    rep_id, lead_id = _own_lead(sqlite_demo_db)
    path = sqlite_demo_db.url.database
    read_only = open_database(f"sqlite:///file:{path}?mode=ro&uri=true", upgrade=False)
    try:
        ops = make_ops(read_only)
        failures: list[Failure] = []
        for attempt in (1, 2):  # the rep tries twice: still one message on screen
            op = lead_ops.mark_do_not_call(ops, rep_id, lead_id, datetime.now(UTC), None)
            op.failed(failures.append).run()
            qtbot.waitUntil(lambda n=attempt: len(failures) == n, timeout=10_000)
            assert op.attempts == 1  # no retry loop
        assert [f.kind for f in failures] == [Kind.PERMANENT, Kind.PERMANENT]
        said = ops.policy.permanent_text(failures[0].reason)
        assert "read-only" in said
        assert ops.policy.open_messages() == [said]
        assert _visible_boxes().count(said) == 1
        assert ops.policy.banner == ""
    finally:
        read_only.close()
    with sqlite_demo_db.read() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None and not lead.do_not_call


def test_an_unexpected_error_in_an_op_is_logged_and_shown_with_the_log_path(
    qtbot: QtBot, sqlite_demo_db: Database, log_file: Path, make_ops: Callable[..., Operations]
) -> None:
    ops = make_ops(sqlite_demo_db, log_file)

    def broken(_session: Session) -> None:
        raise RuntimeError("a bug deep in a use case")

    failures: list[Failure] = []
    ops.read(broken).failed(failures.append).run()
    ops.read(broken).failed(failures.append).run()
    qtbot.waitUntil(lambda: len(failures) == 2, timeout=10_000)
    assert [f.kind for f in failures] == [Kind.UNEXPECTED, Kind.UNEXPECTED]
    said = ops.policy.unexpected_text()
    assert str(log_file) in said
    assert "RuntimeError" not in said and "a bug" not in said  # no repr for the user
    assert ops.policy.open_messages() == [said]  # the second failure did not stack a box
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "a bug deep in a use case" in logged


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_goes_through_the_excepthook(
    qtbot: QtBot,
    sqlite_demo_db: Database,
    log_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_ops: Callable[..., Operations],
) -> None:
    ops = make_ops(sqlite_demo_db, log_file)
    # Restored after the test.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    logs.install_excepthook(ops.policy.report_uncaught)

    def slot() -> None:
        raise ValueError("a slot that breaks")

    QTimer.singleShot(0, slot)
    said = ops.policy.unexpected_text()
    qtbot.waitUntil(lambda: said in ops.policy.open_messages(), timeout=10_000)
    assert ops.policy.shown.count(said) == 1
    logged = log_file.read_text(encoding="utf-8")
    assert "uncaught exception" in logged and "a slot that breaks" in logged
