"""Field sales' handoffs, as a field rep and a team lead use them: accept, reject with a
reason (Other needs words), the lead sent back; the overdue ones marked and counted."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from desktop.dialogs.reject_dialog import RejectDialog
from desktop.handoff.inbox_model import COL_STATUS, HandoffModel, OverdueRole
from desktop.handoff.inbox_view import HandoffsView
from desktop.main.settings import Settings
from desktop.main.window import MainWindow
from desktop.operations.worker import DbWorker
from models.core.entities import Handoff, Lead
from models.db.database import Database
from models.handoff.inbox import incoming
from models.handoff.promote import PromotionDraft, promote
from models.teams.users import UserInfo, user_by_email
from tests.gui.conftest import type_with_ime
from tests.gui.handoff_helpers import HOSTILE, make_qualified

FIELD_REP = "daisuke.watanabe@baton.example"
TEAM_LEAD = "naoki.tanaka@baton.example"


def _user(db: Database, email: str) -> UserInfo:
    with db.read() as session:
        return user_by_email(session, email)


def _handed_off(db: Database, rep: UserInfo, field_rep: UserInfo, count: int) -> list[int]:
    """``count`` leads of ``rep`` qualified and handed to ``field_rep``: the handoff ids."""
    ids = []
    for _ in range(count):
        lead_id = make_qualified(db, rep.id)
        with db.write() as session:
            draft = PromotionDraft(lead_id, field_rep.id, note=HOSTILE)
            ids.append(promote(session, rep.id, draft, datetime.now(UTC)).handoff_id)
    return ids


def _open(qtbot: QtBot, worker: DbWorker, user: UserInfo, settings: Settings) -> HandoffsView:
    window = MainWindow(worker, user, settings)
    qtbot.addWidget(window)
    window.show()
    if user.role != "field_rep":  # a field rep sees the handoffs first, by themselves
        window.menu_actions.handoffs.trigger()
    qtbot.waitUntil(lambda: bool(window.findChildren(HandoffsView)), timeout=10_000)
    view = window.findChildren(HandoffsView)[0]
    qtbot.waitUntil(view.isVisible)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0 and view.worker_idle(), timeout=10_000)
    return view


def _status(db: Database, handoff_id: int) -> Handoff:
    with db.read() as session:
        handoff = session.get(Handoff, handoff_id)
        assert handoff is not None
        return handoff


def _reject(qtbot: QtBot, view: HandoffsView, handoff_id: int) -> RejectDialog:
    assert view.select_handoff(handoff_id)
    assert view.reject_button.isEnabled(), view.reject_button.toolTip()
    qtbot.mouseClick(view.reject_button, Qt.MouseButton.LeftButton)
    dialog = view.reject_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_the_handoff_model_passes_the_model_tester(
    qtmodeltester,  # type: ignore[no-untyped-def]
    sqlite_demo_db: Database,
) -> None:
    model = HandoffModel()
    with sqlite_demo_db.read() as session:
        rows = incoming(session, None)
    assert rows
    model.set_rows(rows, datetime.now(UTC))
    qtmodeltester.check(model)


def test_a_field_rep_accepts_and_rejects(
    qtbot: QtBot,
    worker: DbWorker,
    sqlite_demo_db: Database,
    rep: UserInfo,
    settings: Settings,
) -> None:
    field_rep = _user(sqlite_demo_db, FIELD_REP)
    accepted, no_budget, other = _handed_off(sqlite_demo_db, rep, field_rep, 3)
    view = _open(qtbot, worker, field_rep, settings)
    assert view.heading.text() == "Handoffs to you"
    assert view.table.isColumnHidden(3)  # their own: no field rep column

    # Accept
    assert view.select_handoff(accepted)
    assert HOSTILE in view.detail.text()  # the rep's note, as text
    qtbot.mouseClick(view.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _status(sqlite_demo_db, accepted).status == "accepted")
    qtbot.waitUntil(lambda: not view.accept_button.isEnabled() or view.current().id != accepted)
    view.select_handoff(accepted)
    row = view.model.row_of(accepted)
    assert row is not None
    assert view.model.index(row, COL_STATUS).data() == "Accepted"
    assert not view.accept_button.isEnabled()
    assert view.accept_button.toolTip() == "This handoff was answered already."

    # Reject: no budget, back to nurture
    dialog = _reject(qtbot, view, no_budget)
    dialog.reason.setCurrentIndex(dialog.reason.findData("no_budget"))
    qtbot.mouseClick(dialog.to_nurture, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    handoff = _status(sqlite_demo_db, no_budget)
    assert (handoff.status, handoff.response_code, handoff.returned_to) == (
        "rejected",
        "no_budget",
        "nurture",
    )
    with sqlite_demo_db.read() as session:
        lead = session.get(Lead, handoff.lead_id)
        assert lead is not None and lead.stage == "recycled"

    # Other needs a few words; what was chosen stays
    dialog = _reject(qtbot, view, other)
    dialog.reason.setCurrentIndex(dialog.reason.findData("other"))
    assert "Required" in dialog.text.placeholderText()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=10_000)
    assert "“Other” needs a few words" in dialog.error.text()
    assert dialog.isVisible() and dialog.reason.currentData() == "other"
    assert _status(sqlite_demo_db, other).status == "pending"
    qtbot.waitUntil(dialog.ok_button.isEnabled)
    type_with_ime(dialog.text, "先方が別部署の案件と判明")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    handoff = _status(sqlite_demo_db, other)
    assert (handoff.status, handoff.response_code, handoff.response_reason) == (
        "rejected",
        "other",
        "先方が別部署の案件と判明",
    )
    with sqlite_demo_db.read() as session:
        lead = session.get(Lead, handoff.lead_id)
        assert lead is not None and lead.stage == "working"  # back to the rep's queue


def test_a_team_lead_sees_every_handoff_with_the_overdue_ones_marked(
    qtbot: QtBot,
    worker: DbWorker,
    sqlite_demo_db: Database,
    rep: UserInfo,
    settings: Settings,
) -> None:
    field_rep = _user(sqlite_demo_db, FIELD_REP)
    (late,) = _handed_off(sqlite_demo_db, rep, field_rep, 1)
    with sqlite_demo_db.write() as session:
        session.execute(
            update(Handoff)
            .where(Handoff.id == late)
            .values(response_due_at=datetime.now(UTC) - timedelta(hours=2))
        )
        session.execute(
            update(Handoff)
            .where(Handoff.id != late, Handoff.status == "pending")
            .values(response_due_at=datetime.now(UTC) + timedelta(days=2))
        )
    view = _open(qtbot, worker, _user(sqlite_demo_db, TEAM_LEAD), settings)
    assert view.heading.text() == "Every handoff to field sales"
    assert not view.table.isColumnHidden(3)
    assert view.overdue_label.text() == "1 overdue"
    row = view.model.row_of(late)
    assert row is not None
    assert view.model.index(row, 0).data(OverdueRole) is True
    assert "overdue" in view.model.index(row, COL_STATUS).data().lower()
    view.overdue_only.setChecked(True)
    assert view.model.rowCount() == 1 and view.model.row_at(0).id == late  # type: ignore[union-attr]
    # A team lead may answer for the field rep.
    assert view.select_handoff(late)
    assert view.accept_button.isEnabled()
