"""The call dialog a rep works in all day (issue 8): the lead's name, company and numbers
at the top as links that dial and start the timer, and Tab in the order of the work."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.main.window import MainWindow
from tests.gui.conftest import answer_next_message_box, open_call_dialog


def test_the_dialog_shows_who_is_called_and_their_numbers(qtbot: QtBot, window: MainWindow) -> None:
    detail = window.lead_pane.detail
    assert detail is not None and detail.phone_e164 is not None
    dialog = open_call_dialog(qtbot, window)
    header = dialog.header.text()
    assert detail.name in header and detail.company in header
    links = re.findall(r"href='(tel:[^']*)'", header)
    assert f"tel:{detail.phone_e164}" in links
    assert dialog.header.isVisible()
    # The header sits above the outcomes: the number is not covered.
    assert dialog.header.geometry().bottom() < dialog.outcome.geometry().top()


def test_clicking_a_number_dials_and_starts_the_timer(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_call_dialog(qtbot, window)
    assert not dialog.timer.running()
    url = re.findall(r"href='(tel:[^']*)'", dialog.header.text())[0]
    dialog.header.linkActivated.emit(url)  # what a click on the link sends
    assert dialog.timer.running()
    assert dialog.timer.duration() is not None


def test_a_number_clicked_in_the_pane_opens_the_dialog_timing(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.lead_pane
    url = re.findall(r"href='(tel:[^']*)'", pane.header.text())[0]
    pane.header.linkActivated.emit(url)
    qtbot.waitUntil(lambda: window.call_dialog is not None and window.call_dialog.isVisible())
    assert window.call_dialog is not None and window.call_dialog.timer.running()


def test_tab_follows_the_work(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_call_dialog(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3)  # voicemail: focus stays put
    expected: list[QWidget] = [
        dialog.notes,
        dialog.temperature,
        *dialog.bant.focus_chain(),
        dialog.next_step,
        dialog.save_next_button,  # the date is off until a next step is chosen
    ]
    seen = []
    for _ in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert [w.objectName() for w in seen] == [w.objectName() for w in expected]
    answer_next_message_box(QMessageBox.StandardButton.Discard, [])
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible())
