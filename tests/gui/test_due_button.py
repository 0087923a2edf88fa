"""Callbacks due stay in sight (issue 8): a count in the menu bar's corner, red while any
is due, that opens the list of them with a click or Ctrl+D (a 10-second status line was
missed by a rep on the phone)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.main.window import MainWindow
from tests.gui.conftest import wait_idle


def test_the_toolbar_counts_the_callbacks_due_and_opens_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    toolbar = window.due_button
    qtbot.waitUntil(lambda: toolbar.count > 0, timeout=10_000)
    count = toolbar.count
    assert str(count) in toolbar.text()
    assert toolbar.isVisible()
    assert "#b00020" in toolbar.styleSheet()
    wait_idle(qtbot, window)
    with qtbot.waitSignal(window.model.loaded, timeout=10_000):
        qtbot.mouseClick(toolbar, Qt.MouseButton.LeftButton)
    assert window.filters.due_only.isChecked()
    assert window.model.query.callbacks_due_by is not None
    rows = [
        window.model.index(r, 0).data(Qt.ItemDataRole.UserRole + 2)
        for r in range(window.model.rowCount())
    ]
    assert window.model.rowCount() == count
    assert all(r is None or r.next_callback_at is not None for r in rows)


def test_ctrl_d_opens_the_callbacks_due(qtbot: QtBot, window: MainWindow) -> None:
    wait_idle(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.model.loaded, timeout=10_000):
        qtbot.keyClick(window.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.filters.due_only.isChecked()
