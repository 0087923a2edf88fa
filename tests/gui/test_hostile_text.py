"""Markup in user text is shown as text, never rendered: labels, tooltips, message boxes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from desktop.lead.timeline_model import COL_CONTENT
from desktop.main.window import MainWindow
from desktop.queue.model import COL_NAME
from desktop.widgets.rich_text import escape, rich
from models.core.entities import Account, Call, Lead, Touch
from models.db.database import Database
from tests.gui.conftest import answer_next_message_box, wait_idle

HOSTILE = "<img src=/dev/zero><b>太字</b>%2 &amp;"


def _rendered(rich_text: str) -> str:
    """What a user sees when Qt renders ``rich_text``."""
    document = QTextDocument()
    document.setHtml(rich_text)
    return document.toPlainText()


def test_escape_and_rich_show_exactly_the_characters() -> None:
    assert _rendered(escape(HOSTILE)) == HOSTILE
    assert _rendered(rich("<b>%1</b> / %2", HOSTILE, "x")) == f"{HOSTILE} / x"


def test_a_lead_named_in_markup_is_shown_as_text_everywhere(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database
) -> None:
    lead_id = window.lead_pane.current_lead_id()
    assert lead_id is not None
    with sqlite_demo_db.write() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None
        session.execute(
            update(Lead).where(Lead.id == lead_id).values(name=HOSTILE, name_kana=HOSTILE)
        )
        session.execute(update(Account).where(Account.id == lead.account_id).values(name=HOSTILE))
        session.execute(update(Touch).where(Touch.lead_id == lead_id).values(content_title=HOSTILE))
        # A call note with markup, as a colleague might type it.
        session.execute(update(Call).where(Call.lead_id == lead_id).values(notes=HOSTILE))
    window.model.reload()
    wait_idle(qtbot, window)
    window.lead_pane.show_lead(lead_id)
    qtbot.waitUntil(lambda: HOSTILE in _rendered(window.lead_pane.header.text()), timeout=10_000)

    # The queue's tooltip on the name shows the reading as text.
    row = window.model.row_of(lead_id)
    assert row is not None
    tip = window.model.index(row, COL_NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert _rendered(tip) == HOSTILE

    # The timeline's tooltips show content titles as text.
    timeline = window.lead_pane.timeline_model
    day = timeline.index(0, 0)
    tips = [
        timeline.index(n, COL_CONTENT, day).data(Qt.ItemDataRole.ToolTipRole)
        for n in range(timeline.rowCount(day))
    ]
    assert any(tip and _rendered(tip) == HOSTILE for tip in tips)
    # ...and the call notes, wherever the calls are in the history.
    notes = [
        timeline.index(n, COL_CONTENT, timeline.index(d, 0)).data(Qt.ItemDataRole.ToolTipRole)
        for d in range(timeline.rowCount())
        for n in range(timeline.rowCount(timeline.index(d, 0)))
    ]
    assert any(tip and HOSTILE in _rendered(tip) and "<img" in _rendered(tip) for tip in notes)

    # The do-not-call question names the lead in plain text.
    seen: list[str] = []
    answer_next_message_box(QMessageBox.StandardButton.No, seen)
    window.lead_actions.on_do_not_call_requested()
    assert seen and HOSTILE in seen[0]
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert all(box.textFormat() == Qt.TextFormat.PlainText for box in boxes)
