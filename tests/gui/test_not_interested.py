"""Not interested takes the rep straight to returning the lead to nurture (item 6)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.main.window import MainWindow
from models.core.entities import Lead
from models.db.database import Database
from tests.gui.conftest import open_call_dialog, wait_idle


def test_nine_enter_enter_returns_the_lead_to_nurture(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database
) -> None:
    lead_id = window.lead_pane.current_lead_id()
    assert lead_id is not None
    open_call_dialog(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_9)  # not interested
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            window.lead_actions.reason_dialog is not None
            and window.lead_actions.reason_dialog.isVisible()
        ),
        timeout=10_000,
    )
    reasons = window.lead_actions.reason_dialog
    assert reasons is not None and reasons.lead_id == lead_id
    assert reasons.reason.currentData() == "no_need"  # proposed
    qtbot.waitUntil(reasons.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # one key confirms
    qtbot.waitUntil(lambda: not reasons.isVisible(), timeout=10_000)
    wait_idle(qtbot, window)
    with sqlite_demo_db.read() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None
        assert (lead.stage, lead.recycle_reason) == ("recycled", "no_need")
        assert lead.recycle_until is not None and lead.recycle_until > date.today() + timedelta(
            days=60
        )
    qtbot.waitUntil(lambda: window.model.row_of(lead_id) is None, timeout=10_000)
