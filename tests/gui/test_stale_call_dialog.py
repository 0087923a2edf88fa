"""The call dialog opened before someone else changed the lead: refused, reloaded, nothing
the rep typed is lost, and the newer answer is never reset."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.main.window import MainWindow
from models.core.entities import Call
from models.db.database import Database
from models.leads.bant import current_answers
from models.leads.calls import BantAnswer, CallDraft, log_call
from models.leads.claims import LEASE
from models.teams.users import user_by_email
from tests.gui.conftest import open_call_dialog, type_with_ime, wait_idle


def test_a_stale_call_dialog_reloads_and_keeps_what_was_typed(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database
) -> None:
    lead_id = window.lead_pane.current_lead_id()
    assert lead_id is not None
    dialog = open_call_dialog(qtbot, window)
    type_with_ime(dialog.notes, "受付で止められた。来週もう一度。")
    budget_shown = dialog.bant_values["budget"].currentData()

    # Meanwhile the team lead talks to the prospect and records budget "allocated" (once
    # the rep's claim on the lead ran out: while it holds, their call would be refused).
    now = datetime.now(UTC) + LEASE + timedelta(minutes=1)
    with sqlite_demo_db.write() as session:
        lead_user = user_by_email(session, "naoki.tanaka@baton.example")
        log_call(
            session,
            lead_user.id,
            CallDraft(
                lead_id,
                "connected",
                now,
                bant={"budget": BantAnswer("allocated", "「予算は確保済み」")},
            ),
            now,
        )
    assert budget_shown != "allocated"

    dialog.outcomes.button(1).click()  # no answer
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    assert "田中 直樹" in dialog.error.text()
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.bant_values["budget"].currentData() == "allocated")
    assert dialog.notes.toPlainText() == "受付で止められた。来週もう一度。"  # kept

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    wait_idle(qtbot, window)
    with sqlite_demo_db.read() as session:
        assert current_answers(session, lead_id)["budget"].value == "allocated"
        notes = session.scalars(
            select(Call.notes).where(Call.lead_id == lead_id).order_by(Call.id.desc())
        ).first()
    assert notes == "受付で止められた。来週もう一度。"
    assert QApplication.activeModalWidget() is None
