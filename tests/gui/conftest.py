"""Fixtures and helpers for driving the real windows; every test in tests/gui/ is marked ``gui``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.dialogs.call_dialog import CallDialog
from desktop.main.settings import Settings
from desktop.main.window import MainWindow
from desktop.operations.worker import DbWorker
from models.core.entities import Lead
from models.db.database import Database, open_database
from models.leads import queue
from models.teams.users import UserInfo, user_by_email
from tests.conftest import clone_demo

REP_EMAIL = "misaki.sato@baton.example"

_HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test collected under tests/gui/ as ``gui`` (deselect with ``-m "not gui"``)."""
    for item in items:
        if item.path.is_relative_to(_HERE):
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def sqlite_demo_db(sqlite_demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh SQLite copy of the demo data set (for the GUI tests)."""
    url, _drop = clone_demo(("sqlite", str(sqlite_demo_template)), tmp_path)
    database = open_database(url)
    yield database
    database.close()


@pytest.fixture
def worker(sqlite_demo_db: Database) -> Iterator[DbWorker]:
    w = DbWorker(sqlite_demo_db)
    yield w
    w.stop()


@pytest.fixture
def rep(sqlite_demo_db: Database) -> UserInfo:
    with sqlite_demo_db.read() as session:
        return user_by_email(session, REP_EMAIL)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot: QtBot, worker: DbWorker, rep: UserInfo, settings: Settings) -> MainWindow:
    w = MainWindow(worker, rep, settings)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.model.loaded, timeout=10_000):
        w.show()
    qtbot.waitUntil(lambda: w.lead_pane.detail is not None, timeout=10_000)
    return w


def count_leads(db: Database, *where: Any) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count(Lead.id)).where(*where)) or 0)


def type_with_ime(widget: QWidget, text: str) -> None:
    """Japanese text arrives the way an input method delivers it: a committed string."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def record_row_reads(monkeypatch: pytest.MonkeyPatch) -> list[list[int]]:
    """From now on, the lead ids of every queue row read (one list per read)."""
    read: list[list[int]] = []
    real_rows = queue.queue_rows

    def rows(session: Any, ids: Any) -> Any:
        read.append(list(ids))
        return real_rows(session, ids)

    monkeypatch.setattr(queue, "queue_rows", rows)
    return read


def wait_idle(qtbot: QtBot, w: MainWindow) -> None:
    qtbot.waitUntil(lambda: not w.model.loading and w.worker.idle(), timeout=10_000)


def answer_next_message_box(
    button: QMessageBox.StandardButton, seen: list[str]
) -> Callable[[], None]:
    """Answer the next modal message box as a user would; record its text in ``seen``."""

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.button(button).click()
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return poll


def open_call_dialog(qtbot: QtBot, window: MainWindow) -> CallDialog:
    """F2 on the queue, as a rep opens the call dialog; waits until it has the keyboard."""
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.call_dialog is not None and window.call_dialog.isVisible())
    dialog = window.call_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)  # keys go where the rep's focus is
    return dialog
