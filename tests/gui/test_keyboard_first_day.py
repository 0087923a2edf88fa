"""A rep's first day at the keyboard (issue 8): focus starts in the queue, Esc goes back to
it, Ctrl+J is the top of the priority order whatever the sort, numbers and dates sort
highest first, and "save and stay" keeps the rep's lead where it is."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.main.window import MainWindow
from desktop.queue.model import COL_NAME, COL_SCORE
from models.core.entities import Lead
from models.db.database import Database
from models.leads.queue import SortKey
from tests.gui.conftest import open_call_dialog, wait_idle


def _activate(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _click_header(qtbot: QtBot, window: MainWindow, column: int) -> None:
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    with qtbot.waitSignal(window.model.loaded, timeout=10_000):
        qtbot.mouseClick(
            header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
        )


def test_focus_starts_in_the_queue_on_its_top_row(qtbot: QtBot, window: MainWindow) -> None:
    _activate(qtbot, window)
    assert QApplication.focusWidget() is window.table
    assert window.table.currentIndex().row() == 0
    stage = window.filters.stage.currentIndex()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert window.table.currentIndex().row() == 1  # the queue moved, not the filter
    assert window.filters.stage.currentIndex() == stage


def test_esc_in_the_lead_pane_goes_back_to_the_queue(qtbot: QtBot, window: MainWindow) -> None:
    _activate(qtbot, window)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)  # into the lead's history
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.lead_pane.timeline)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.table


def test_ctrl_j_is_the_top_of_the_priority_order_whatever_the_sort(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database
) -> None:
    _activate(qtbot, window)
    _click_header(qtbot, window, COL_NAME)
    assert window.model.query.sort == SortKey.NAME
    assert not window.model.query.descending  # names: あ first
    window.table.select_row(window.model.rowCount() - 1)
    qtbot.keyClick(window.table, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    shown = set(window.model._ids)
    with sqlite_demo_db.read() as session:
        by_priority = session.scalars(
            select(Lead.id).order_by(Lead.priority.desc(), Lead.id.desc())
        ).all()
    top = next(i for i in by_priority if i in shown)
    assert window.table.current_lead_id() == top
    assert window.model.query.sort == SortKey.NAME  # the rep's sort stays
    assert QApplication.focusWidget() is window.table


def test_numbers_sort_highest_first_on_the_first_click(qtbot: QtBot, window: MainWindow) -> None:
    _click_header(qtbot, window, COL_SCORE)
    assert (window.model.query.sort, window.model.query.descending) == (SortKey.SCORE, True)
    _click_header(qtbot, window, COL_NAME)
    assert (window.model.query.sort, window.model.query.descending) == (SortKey.NAME, False)


def test_save_and_stay_keeps_the_lead_where_the_rep_is_working(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database
) -> None:
    lead_id = window.table.current_lead_id()
    assert lead_id is not None and window.table.currentIndex().row() == 0
    dialog = open_call_dialog(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)  # no answer: its priority drops
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    wait_idle(qtbot, window)
    with sqlite_demo_db.read() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None and lead.call_attempts >= 1
    # The lead the rep works stays selected, on the row it was on.
    assert window.table.current_lead_id() == lead_id
    assert window.table.currentIndex().row() == 0
    assert window.lead_pane.current_lead_id() == lead_id
    # Moving on lets it go: the next reload puts it where its priority says.
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert window.model.pinned is None
    with qtbot.waitSignal(window.model.loaded, timeout=10_000):
        window.model.reload()
    assert window.model.row_of(lead_id) != 0
