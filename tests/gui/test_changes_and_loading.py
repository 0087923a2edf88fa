"""Views subscribe to the changes they care about; a failed load never leaves the queue
stuck "loading"."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from desktop.main.window import MainWindow
from desktop.queue import model as queue_model
from desktop.queue.model import COL_NAME
from models.core.changes import Changes
from models.db.database import Database
from models.leads import queue
from models.leads.queue import ANY_OWNER
from models.teams.users import add_user, user_by_email
from tests.gui.conftest import answer_next_message_box, wait_idle


def test_a_write_reaches_every_subscribed_view_with_its_initiator(
    qtbot: QtBot, window: MainWindow
) -> None:
    seen: list[Changes] = []
    window.ops.changed.connect(seen.append)
    lead_id = window.lead_pane.current_lead_id()
    assert lead_id is not None
    window.ops.write(
        lambda _session: Changes(lead_ids=frozenset({lead_id})), initiator="a-view"
    ).run()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen == [Changes(lead_ids=frozenset({lead_id}), initiator="a-view")]


def test_the_lead_pane_skips_reloading_a_lead_its_own_action_took_out(
    qtbot: QtBot, window: MainWindow
) -> None:
    lead_id = window.lead_pane.current_lead_id()
    shown: list[int] = []
    window.lead_pane.shown.connect(shown.append)
    seen: list[str] = []
    answer_next_message_box(QMessageBox.StandardButton.Yes, seen)
    qtbot.mouseClick(window.lead_pane.work.dnc_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.row_of(lead_id) is None, timeout=10_000)  # type: ignore[arg-type]
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert lead_id not in shown  # the pane went straight to the next lead
    assert window.lead_pane.current_lead_id() != lead_id


def test_new_users_reach_the_owner_filter(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database
) -> None:
    def job(session: Session) -> Any:
        admin = user_by_email(session, "makoto.kobayashi@baton.example").id
        return add_user(
            session,
            actor_id=admin,
            email="new.rep@baton.example",
            display_name="新人 太郎",
            role="rep",
        )

    before = window.filters.owner.count()
    window.ops.write(job).run()
    qtbot.waitUntil(lambda: window.filters.owner.count() == before + 1, timeout=10_000)
    assert window.filters.owner.findText("新人 太郎") >= 0


@pytest.fixture
def broken_queue(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    return _break_queue(monkeypatch)


def _break_queue(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Queue reads fail (as a bug would) until the test empties the returned list."""
    failing = [1]
    real_ids, real_rows = queue.queue_ids, queue.queue_rows

    def ids(session: Session, query: queue.QueueQuery) -> list[int]:
        if failing:
            raise RuntimeError("queue ids broken")
        return real_ids(session, query)

    def rows(session: Session, wanted: list[int]) -> list[queue.QueueRow]:
        if failing:
            raise RuntimeError("queue rows broken")
        return real_rows(session, wanted)

    monkeypatch.setattr(queue_model, "RETRY_MS", 200)
    monkeypatch.setattr(queue, "queue_ids", ids)
    monkeypatch.setattr(queue, "queue_rows", rows)
    return failing


def test_a_failed_reload_shows_an_error_state_and_retries(
    qtbot: QtBot, window: MainWindow, broken_queue: list[int]
) -> None:
    rows_before = window.model.rowCount()
    window.model.reload()
    qtbot.waitUntil(lambda: window.model.error is not None, timeout=10_000)
    assert not window.model.loading  # never stuck "loading"
    assert window.model.rowCount() == rows_before  # what was on screen stays
    assert window.count_label.text() == window.model.error
    broken_queue.clear()
    qtbot.waitUntil(lambda: window.model.error is None, timeout=10_000)
    assert not window.model.loading
    assert "lead" in window.count_label.text()


def test_a_row_block_that_fails_shows_so_and_is_fetched_again(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.filters.owner.setCurrentIndex(window.filters.owner.findData(ANY_OWNER))
    wait_idle(qtbot, window)
    broken_queue = _break_queue(monkeypatch)
    model = window.model
    far = model.rowCount() - 1
    assert model.loaded_row(model.lead_id(far)) is None  # beyond the first block  # type: ignore[arg-type]
    index = model.index(far, COL_NAME)
    assert model.data(index) is None  # asks for the block
    qtbot.waitUntil(lambda: bool(model.data(index)), timeout=10_000)
    assert "Not loaded" in model.data(index)
    broken_queue.clear()
    lead_id = model.lead_id(far)
    qtbot.waitUntil(lambda: model.loaded_row(lead_id) is not None, timeout=10_000)  # type: ignore[arg-type]
    assert model.data(index) == model.loaded_row(lead_id).name  # type: ignore[arg-type, union-attr]
