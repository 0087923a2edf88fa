"""A call's note in the history (issue 8): its first line in the row, the whole note under
the history when the rep selects the call (and in its tooltip)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from desktop.lead.timeline_model import COL_CONTENT, EntryRole
from desktop.main.window import MainWindow
from models.db.database import Database
from models.leads.calls import CallDraft, log_call

NOTE = "部長と話せた。<b>比較検討中</b>\n来年4月の更新までに決めたい。\n資料を再送する。"


def test_the_first_line_in_the_row_the_whole_note_when_selected(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database
) -> None:
    pane = window.lead_pane
    assert pane.detail is not None
    lead_id, version = pane.detail.id, pane.detail.version
    with sqlite_demo_db.write() as session:
        draft = CallDraft(
            lead_id=lead_id,
            outcome="connected",
            started_at=datetime.now(UTC) - timedelta(minutes=5),
            notes=NOTE,
            seen_version=version,
        )
        log_call(session, window.user.id, draft, datetime.now(UTC))
    pane.reload()
    qtbot.waitUntil(lambda: pane.detail is not None and pane.detail.version != version)
    model = pane.timeline_model
    found = None
    for day in range(model.rowCount()):
        parent = model.index(day, 0)
        for row in range(model.rowCount(parent)):
            entry = model.index(row, 0, parent).data(EntryRole)
            if entry.source == "call" and entry.note == NOTE.strip():
                found = model.index(row, COL_CONTENT, parent)
    assert found is not None
    assert found.data() == "部長と話せた。<b>比較検討中</b> …"  # the first line, as text
    assert not pane.note_view.isVisible()
    pane.timeline.selectionModel().setCurrentIndex(
        found, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    assert pane.note_view.isVisible()
    assert pane.note_view.text() == NOTE.strip()
    assert pane.note_view.textFormat() == Qt.TextFormat.PlainText
    assert "来年4月" in found.data(Qt.ItemDataRole.ToolTipRole)
