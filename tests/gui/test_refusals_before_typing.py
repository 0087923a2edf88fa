"""Refusals come before typing (issue 8): an action the domain would refuse for this rep or
this lead is disabled in the pane with the reason as its tooltip, and F2 on such a lead
says why at once instead of opening a dialog that fails at save."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.main.window import MainWindow
from models.core.entities import Lead
from models.db.database import Database
from tests.gui.conftest import answer_next_message_box


def _lead(db: Database, *where: object) -> int:
    with db.read() as session:
        lead_id = session.scalars(select(Lead.id).where(*where).order_by(Lead.id).limit(1)).first()
    assert lead_id is not None
    return lead_id


def _show(qtbot: QtBot, window: MainWindow, lead_id: int) -> None:
    window.lead_pane.show_lead(lead_id)
    qtbot.waitUntil(
        lambda: window.lead_pane.detail is not None and window.lead_pane.detail.id == lead_id,
        timeout=10_000,
    )


def test_another_reps_lead_cannot_be_called_and_f2_says_why(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database
) -> None:
    theirs = _lead(
        sqlite_demo_db,
        Lead.owner_id.is_not(None),
        Lead.owner_id != window.user.id,
        Lead.stage == "working",
        Lead.do_not_call.is_(False),
    )
    _show(qtbot, window, theirs)
    work = window.lead_pane.work
    for button in (work.call_button, work.recycle_button, work.disqualify_button):
        assert not button.isEnabled()
        assert "belongs to another rep" in button.toolTip()
    assert not window.menu_actions.recycle.isEnabled()
    assert "belongs to another rep" in window.menu_actions.recycle.toolTip()
    seen: list[str] = []
    answer_next_message_box(QMessageBox.StandardButton.Ok, seen)
    window.activateWindow()
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert "belongs to another rep" in seen[0]
    assert window.call_dialog is None  # nothing to type into and lose


def test_a_promoted_lead_cannot_be_disqualified_or_returned_to_nurture(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database
) -> None:
    promoted = _lead(sqlite_demo_db, Lead.owner_id == window.user.id, Lead.stage == "promoted")
    _show(qtbot, window, promoted)
    work = window.lead_pane.work
    assert not work.disqualify_button.isEnabled()
    assert (
        "only new, working or returned leads can be disqualified"
        in work.disqualify_button.toolTip()
    )
    assert not work.recycle_button.isEnabled()
    assert "only new and working leads go back to nurture" in work.recycle_button.toolTip()
    assert not window.menu_actions.disqualify.isEnabled()
    assert not window.menu_actions.recycle.isEnabled()
    # The rep's own working lead: everything a rep may do is on.
    own = _lead(
        sqlite_demo_db,
        Lead.owner_id == window.user.id,
        Lead.stage == "working",
        Lead.do_not_call.is_(False),
    )
    _show(qtbot, window, own)
    assert all(
        b.isEnabled()
        for b in (work.call_button, work.recycle_button, work.disqualify_button, work.dnc_button)
    )
    assert window.menu_actions.disqualify.isEnabled()
    assert QApplication.activeModalWidget() is None
