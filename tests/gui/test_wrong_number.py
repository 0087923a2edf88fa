"""Wrong number, as a rep works it: 6 and Enter in the call dialog, the lead drops to the
bottom of the queue, and "New number…" in the pane brings it back (issue 7, item 6)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.main.window import MainWindow
from models.core.entities import Lead
from models.db.database import Database
from tests.gui.conftest import open_call_dialog, type_with_ime, wait_idle
from tests.write_checks import lead_row

HOSTILE = "<b>不明</b><img src='/dev/zero'>"


def _lowest_reachable(db: Database) -> float:
    with db.read() as session:
        return float(
            session.scalar(
                select(func.min(Lead.priority)).where(
                    Lead.stage.in_(("new", "working")), Lead.phone_invalid.is_(False)
                )
            )
            or 0.0
        )


def test_wrong_number_then_a_new_number_from_the_pane(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database
) -> None:
    lead_id = window.lead_pane.current_lead_id()
    assert lead_id is not None and window.model.row_of(lead_id) == 0  # the top of the queue
    open_call_dialog(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_6)  # wrong number
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.lead_pane.current_lead_id() not in (None, lead_id), timeout=10_000
    )
    wait_idle(qtbot, window)
    row = lead_row(sqlite_demo_db, lead_id)
    assert row["phone_invalid"] is True
    assert row["priority"] < _lowest_reachable(sqlite_demo_db)
    assert window.model.row_of(lead_id) != 0

    # Back on the lead: the number is struck out and "New number…" is the default button.
    pane = window.lead_pane
    pane.show_lead(lead_id)
    qtbot.waitUntil(lambda: pane.detail is not None and pane.detail.id == lead_id, timeout=10_000)
    assert pane.detail is not None and pane.detail.phone_invalid
    assert f"<s>{pane.detail.phone}</s>" in pane.header.text()
    assert f"tel:{pane.detail.phone_e164}" not in pane.header.text()  # the main line still is
    button = pane.work.phone_button
    assert button.isEnabled() and button.isDefault()
    assert pane.work.status.isVisible()

    button.click()
    dialog = window.lead_actions.phone_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    # Not a number (with markup): refused, said literally, the typed text kept.
    type_with_ime(dialog.phone, HOSTILE)
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    assert dialog.error.textFormat() == Qt.TextFormat.PlainText
    assert HOSTILE in dialog.error.text()
    assert dialog.phone.text() == HOSTILE and dialog.isVisible()
    assert lead_row(sqlite_demo_db, lead_id)["phone_invalid"] is True

    dialog.phone.clear()
    type_with_ime(dialog.phone, "０９０－８７６５－４３２１")
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    wait_idle(qtbot, window)
    row = lead_row(sqlite_demo_db, lead_id)
    assert (row["phone_e164"], row["phone_invalid"]) == ("+819087654321", False)
    qtbot.waitUntil(lambda: "tel:+819087654321" in pane.header.text(), timeout=10_000)
    assert pane.current_lead_id() == lead_id  # the rep stays on it, to call it
    assert not pane.work.phone_button.isDefault()
