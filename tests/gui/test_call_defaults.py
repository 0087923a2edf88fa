"""The call dialog proposes the team's next business slot, with its weekday shown."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale
from pytestqt.qtbot import QtBot

from desktop.i18n import formats
from desktop.main.window import MainWindow
from tests.gui.conftest import open_call_dialog


def test_the_proposed_callback_is_the_next_business_slot(qtbot: QtBot, window: MainWindow) -> None:
    detail = window.lead_pane.detail
    assert detail is not None and detail.follow_up_default is not None
    dialog = open_call_dialog(qtbot, window)
    proposed = QDateTime(detail.follow_up_default.astimezone())
    assert dialog.when.dateTime() == proposed
    # Shown in the app's one date style, weekday included ("Tue 24 Nov 2026 10:00").
    assert dialog.when.text() == formats.datetime_text(detail.follow_up_default)
    weekday = QLocale().dayName(proposed.date().dayOfWeek(), QLocale.FormatType.ShortFormat)
    assert weekday in dialog.when.text()
    assert proposed.date().dayOfWeek() <= 5  # never a Saturday or a Sunday
    dialog.reject()  # nothing typed: closes without asking
    qtbot.waitUntil(lambda: not dialog.isVisible())
