"""Do-not-call is for good: "0, Enter" and the pane's button always ask, and the answer a
rep gets by pressing Enter is No."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.main.window import MainWindow
from models.core.entities import Lead
from models.db.database import Database
from tests.gui.conftest import answer_next_message_box, open_call_dialog


def _press_enter_on_next_question(seen: list[QMessageBox.StandardButton]) -> None:
    """Answer the next question with Enter, as a rep in a hurry would."""

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            default = box.defaultButton()
            seen.append(box.standardButton(default))
            default.click()
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def _do_not_call(db: Database, lead_id: int) -> bool:
    with db.read() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None
        return lead.do_not_call


def test_zero_enter_asks_and_enter_answers_no(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database
) -> None:
    lead_id = window.lead_pane.current_lead_id()
    assert lead_id is not None
    dialog = open_call_dialog(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_0)
    assert dialog.selected_outcome() == "do_not_call"
    answers: list[QMessageBox.StandardButton] = []
    _press_enter_on_next_question(answers)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(answers), timeout=5_000)
    assert answers == [QMessageBox.StandardButton.No]
    assert dialog.isVisible() and not dialog.saving  # nothing was sent
    assert not _do_not_call(sqlite_demo_db, lead_id)
    seen: list[str] = []
    answer_next_message_box(QMessageBox.StandardButton.Discard, seen)
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_the_do_not_call_button_defaults_to_no(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database
) -> None:
    lead_id = window.lead_pane.current_lead_id()
    assert lead_id is not None
    answers: list[QMessageBox.StandardButton] = []
    _press_enter_on_next_question(answers)
    qtbot.mouseClick(window.lead_pane.work.dnc_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(answers), timeout=5_000)
    assert answers == [QMessageBox.StandardButton.No]
    assert not _do_not_call(sqlite_demo_db, lead_id)
