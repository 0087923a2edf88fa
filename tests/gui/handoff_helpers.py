"""Leads ready for the handoff, as of the real clock the app runs on (the GUI checks the
definition at ``datetime.now``, not at the demo's fixed time)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.main.window import MainWindow
from models.core.entities import Account, Lead
from models.db.database import Database
from models.definitions import versions
from models.definitions.criteria import FitIn, Group, ScoreAtLeast, Touches, root
from models.definitions.sql import condition
from models.handoff.checklist import checklist
from tests.test_calls import ACTIVE, draft, log
from tests.test_promotion import GOOD_BANT

HOSTILE = "<img src=x onerror=alert(1)>"


def near_lead(db: Database, owner: int, now: datetime | None = None) -> int:
    """The owner's callable lead, best scored, that meets what a call cannot change
    (score, a recent touch of the right kind, company size)."""
    now = now or datetime.now(UTC)
    with db.read() as session:
        items = root(versions.active(session).criteria).items
        fixed = Group(
            "all", tuple(i for i in items if isinstance(i, ScoreAtLeast | Touches | FitIn))
        )
        ids = list(
            session.scalars(
                select(Lead.id)
                .join(Account, Account.id == Lead.account_id)
                .where(
                    condition(fixed, now),
                    Lead.owner_id == owner,
                    Lead.stage.in_(ACTIVE),
                    Lead.do_not_call.is_(False),
                    Lead.next_meeting_at.is_(None),
                )
                .order_by(Lead.score.desc(), Lead.id)
            )
        )
    assert ids, "the demo data has such a lead"
    return ids[0]


def make_qualified(db: Database, owner: int, lead_id: int | None = None) -> int:
    """Log the call that qualifies a lead: reached, a meeting booked, every BANT answer."""
    now = datetime.now(UTC)
    lead_id = lead_id if lead_id is not None else near_lead(db, owner, now)
    call = draft(
        lead_id,
        "meeting_booked",
        at=now - timedelta(minutes=10),
        next_step="meeting",
        meeting_at=now + timedelta(days=3),
        bant=GOOD_BANT,
        notes="デモの日程を確定。",
        challenge="見積業務の属人化",
        competitors="A社クラウド",
        decision_process="部長 → 役員会",
    )
    log(db, owner, call, now)
    with db.read() as session:
        checked = checklist(session, lead_id, datetime.now(UTC))
    assert checked.qualified, [(i.criterion, i.met) for i in checked.items if not i.met]
    return lead_id


def show_lead(qtbot: QtBot, window: MainWindow, lead_id: int, stage: str = "all") -> None:
    """Find the lead in the queue as a rep does (a stage filter, its email in the search
    box) and select it; waits until the pane shows it with its checklist."""
    with window.worker.db.read() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None
        email = lead.email
    filters = window.filters
    filters.blockSignals(True)  # one reload, once every filter is set
    filters.stage.setCurrentIndex(filters.stage.findData(stage))
    filters.owner.setCurrentIndex(filters.owner.findData("any"))
    filters.search.setText(email)
    filters.blockSignals(False)
    with qtbot.waitSignal(window.model.loaded, timeout=10_000):
        qtbot.keyClick(filters.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.model.row_of(lead_id) is not None, timeout=10_000)
    row = window.model.row_of(lead_id)
    assert row is not None
    window.table.select_row(row)
    pane = window.lead_pane
    qtbot.waitUntil(
        lambda: pane.view is not None and pane.view.detail.id == lead_id, timeout=10_000
    )
