"""The lead pane's handoff checklist: each criterion met or not, with its evidence and
what is missing, the definition's version; it follows the calls the rep logs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.i18n import labels
from desktop.lead.checklist_view import MET, UNMET
from desktop.main.window import MainWindow
from desktop.operations import calls as call_ops
from models.core.entities import Call
from models.db.database import Database
from models.definitions import versions
from models.teams.users import UserInfo
from tests.gui.conftest import open_call_dialog, type_with_ime
from tests.gui.handoff_helpers import near_lead, show_lead
from tests.test_calls import draft
from tests.test_promotion import GOOD_BANT


def test_the_checklist_shows_each_criterion_with_evidence_and_what_is_missing(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database, rep: UserInfo
) -> None:
    lead_id = near_lead(sqlite_demo_db, rep.id)
    show_lead(qtbot, window, lead_id)
    pane = window.lead_pane
    tab = pane.tabs.indexOf(pane.checklist)
    assert pane.tabs.tabText(tab) == "Handoff checklist"
    pane.tabs.setCurrentIndex(tab)

    with sqlite_demo_db.read() as session:
        version = versions.active(session).version
    assert f"version {version}" in pane.checklist.heading.text()
    assert "missing" in pane.checklist.heading.text()
    lines = pane.checklist.lines()
    marks = [line[0] for line in lines if line[:1] in (MET, UNMET)]
    assert MET in marks and UNMET in marks  # score and touches met; the call's part not
    assert any(line.startswith(f"{UNMET}  needs: ") for line in lines)
    assert any("Score" in line for line in lines)  # the score part as evidence
    # A rep cannot promote it: the button says why.
    button = pane.handoff.promote_button
    assert not button.isEnabled()
    assert "needs: " in button.toolTip()
    assert "missing" in pane.handoff.status.text()

    # The rep logs the call that qualifies it (as the call dialog's Save does): the
    # checklist follows.
    now = datetime.now(UTC)
    call = draft(
        lead_id,
        "meeting_booked",
        at=now - timedelta(minutes=5),
        next_step="meeting",
        meeting_at=now + timedelta(days=3),
        bant=GOOD_BANT,
        notes="デモの日程を確定",
    )
    call_ops.log_call(window.ops, rep.id, call, now, owner=window).run()
    qtbot.waitUntil(lambda: pane.view is not None and pane.view.checklist.qualified, timeout=10_000)
    lines = pane.checklist.lines()
    assert all(line[0] == MET for line in lines if line[:1] in (MET, UNMET))
    assert not any("needs: " in line for line in lines)
    assert any("部長決裁で導入可能" in line for line in lines)  # the prospect's own words
    assert "meets every criterion" in pane.checklist.heading.text()
    assert button.isEnabled()
    assert window.menu_actions.promote.isEnabled()


def test_the_call_dialog_records_what_the_summary_needs(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database
) -> None:
    dialog = open_call_dialog(qtbot, window)
    assert dialog.discovery.body.isHidden()  # folded away until the call connects
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)  # connected
    assert not dialog.discovery.body.isHidden()
    fields = dialog.discovery.fields
    assert [labels.input_field(n) for n in fields] == [
        "Challenge",
        "Competitors",
        "Decision process",
    ]
    type_with_ime(fields["challenge"], "見積業務の属人化")
    type_with_ime(fields["competitors"], "A社クラウド")
    type_with_ime(fields["decision_process"], "部長 → 役員会")
    lead_id = dialog.target.lead_id
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    with sqlite_demo_db.read() as session:
        call = session.scalars(
            select(Call).where(Call.lead_id == lead_id).order_by(Call.id.desc())
        ).first()
    assert call is not None
    assert (call.challenge, call.competitors, call.decision_process) == (
        "見積業務の属人化",
        "A社クラウド",
        "部長 → 役員会",
    )
