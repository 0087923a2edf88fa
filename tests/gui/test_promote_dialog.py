"""Promote to field sales, as a rep and a team lead drive it: the gate, the suggestion,
the booked meeting carried over, the note shown as text, the override reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.dialogs.promote_dialog import PromoteDialog
from desktop.handoff.inbox_model import COL_LEAD
from desktop.handoff.inbox_view import HandoffsView
from desktop.main.settings import Settings
from desktop.main.window import MainWindow
from desktop.operations.worker import DbWorker
from desktop.widgets.qt_dates import qdatetime_utc
from models.core.entities import Handoff, Lead
from models.db.database import Database
from models.teams.users import UserInfo, user_by_email
from tests.gui.conftest import type_with_ime
from tests.gui.handoff_helpers import HOSTILE, make_qualified, near_lead, show_lead

LEAD_EMAIL = "naoki.tanaka@baton.example"


def _open_dialog(qtbot: QtBot, window: MainWindow) -> PromoteDialog:
    button = window.lead_pane.handoff.promote_button
    assert button.isEnabled(), button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.promotion.dialog is not None, timeout=5_000)
    dialog = window.promotion.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(dialog.field_rep.isEnabled, timeout=10_000)  # the suggestion came
    return dialog


def _handoff(db: Database, lead_id: int) -> Handoff | None:
    with db.read() as session:
        return session.scalars(select(Handoff).where(Handoff.lead_id == lead_id)).first()


@pytest.fixture
def lead_window(
    qtbot: QtBot, worker: DbWorker, sqlite_demo_db: Database, settings: Settings
) -> Callable[[], MainWindow]:
    def make() -> MainWindow:
        with sqlite_demo_db.read() as session:
            user = user_by_email(session, LEAD_EMAIL)
        w = MainWindow(worker, user, settings)
        qtbot.addWidget(w)
        with qtbot.waitSignal(w.model.loaded, timeout=10_000):
            w.show()
        return w

    return make


def test_a_rep_promotes_a_qualified_lead(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database, rep: UserInfo
) -> None:
    lead_id = make_qualified(sqlite_demo_db, rep.id)
    show_lead(qtbot, window, lead_id, stage="qualified")  # "Meets the handoff definition"
    assert window.menu_actions.promote.isEnabled()
    dialog = _open_dialog(qtbot, window)

    assert dialog.override.isHidden()  # qualified: no override asked
    assert dialog.field_rep.currentData() is not None
    assert dialog.routing.text().startswith("Suggested")
    booked = window.lead_pane.view.detail.next_meeting_at  # type: ignore[union-attr]
    assert booked is not None
    shown = qdatetime_utc(dialog.meeting.dateTime())
    assert abs(shown - booked) < timedelta(minutes=1)  # the booked meeting carries over
    field_rep = dialog.field_rep.currentData()
    dialog.note.setFocus()
    qtbot.keyClicks(dialog.note, HOSTILE)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)

    handoff = _handoff(sqlite_demo_db, lead_id)
    assert handoff is not None
    assert handoff.note == HOSTILE and handoff.field_rep_id == field_rep
    assert handoff.meeting_at is not None and abs(handoff.meeting_at - booked) < timedelta(
        minutes=1
    )
    with sqlite_demo_db.read() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None and lead.stage == "promoted"
    # The lead left the queue.
    qtbot.waitUntil(lambda: window.model.row_of(lead_id) is None, timeout=10_000)

    # The note reaches the handoffs as text, never as markup.
    window.menu_actions.handoffs.trigger()
    qtbot.waitUntil(lambda: bool(window.findChildren(HandoffsView)), timeout=5_000)
    view = window.findChildren(HandoffsView)[0]
    qtbot.waitUntil(lambda: view.model.row_of(handoff.id) is not None, timeout=10_000)
    assert view.select_handoff(handoff.id)
    assert view.detail.textFormat() == Qt.TextFormat.PlainText
    assert HOSTILE in view.detail.text()
    row = view.model.row_of(handoff.id)
    assert row is not None
    tip = view.model.index(row, COL_LEAD).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;img" in tip and "<img" not in tip


def test_a_rep_cannot_promote_a_lead_that_misses_criteria(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database, rep: UserInfo
) -> None:
    lead_id = near_lead(sqlite_demo_db, rep.id)
    show_lead(qtbot, window, lead_id)
    button = window.lead_pane.handoff.promote_button
    assert not button.isEnabled()
    assert "Not every criterion of the handoff definition is met" in button.toolTip()
    assert "needs: " in button.toolTip()
    assert not window.menu_actions.promote.isEnabled()
    assert window.menu_actions.promote.toolTip() == button.toolTip()


def test_a_team_lead_overrides_with_a_reason(
    qtbot: QtBot,
    lead_window: Callable[[], MainWindow],
    sqlite_demo_db: Database,
    rep: UserInfo,
) -> None:
    lead_id = near_lead(sqlite_demo_db, rep.id)
    window = lead_window()
    show_lead(qtbot, window, lead_id)
    button = window.lead_pane.handoff.promote_button
    assert button.isEnabled()
    assert "As a team lead you may hand it off anyway" in button.toolTip()
    dialog = _open_dialog(qtbot, window)
    assert not dialog.override.isHidden() and not dialog.missing.isHidden()
    assert "needs: " in dialog.missing.text()

    type_with_ime(dialog.note, "社長の紹介案件")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # no reason yet
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=10_000)
    assert "an override needs a reason" in dialog.error.text()
    assert dialog.isVisible() and dialog.note.toPlainText() == "社長の紹介案件"  # kept
    assert _handoff(sqlite_demo_db, lead_id) is None

    qtbot.waitUntil(dialog.ok_button.isEnabled)
    dialog.override.setFocus()
    qtbot.keyClicks(dialog.override, "Referred by the CEO; meeting set by phone")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    handoff = _handoff(sqlite_demo_db, lead_id)
    assert handoff is not None
    assert handoff.override_reason == "Referred by the CEO; meeting set by phone"
    assert handoff.note == "社長の紹介案件"
