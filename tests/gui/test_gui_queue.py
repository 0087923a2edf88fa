"""The queue window driven as a rep drives it: real widgets (offscreen), real SQLite file."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import and_, or_, select

from desktop.lead.timeline_model import TimelineEntry, TimelineModel
from desktop.main.window import MainWindow
from desktop.operations.policy import FailurePolicy
from desktop.operations.runner import Operations
from desktop.operations.worker import DbWorker
from desktop.queue.model import (
    BLOCK,
    COL_NAME,
    COL_PRIORITY,
    COL_SCORE,
    LeadIdRole,
    QueueModel,
    RowRole,
)
from models.core.entities import Lead
from models.core.enums import ACTIVE_STAGES
from models.db.database import Database
from models.leads.queue import ANY_OWNER, MEETING_GRACE, QueueQuery, SortKey
from models.teams.users import UserInfo
from tests.conftest import NOW
from tests.gui.conftest import count_leads, type_with_ime, wait_idle


def test_queue_model_passes_the_model_tester(qtbot: QtBot, qtmodeltester, worker: DbWorker) -> None:  # type: ignore[no-untyped-def]
    model = QueueModel(Operations(worker, FailurePolicy()))
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.set_query(QueueQuery(owner=ANY_OWNER, stages=()))
    callable_leads = count_leads(worker.db, Lead.do_not_call.is_(False))
    assert model.rowCount() == callable_leads > 250
    # Fetch every block so the tester sees real rows, not placeholders.
    for row in range(0, model.rowCount(), BLOCK):
        model.data(model.index(row, COL_NAME))
    qtbot.waitUntil(lambda: all(model.loaded_row(model.lead_id(r)) for r in range(callable_leads)))
    qtmodeltester.check(model)


def test_timeline_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = TimelineModel()
    entries = [
        TimelineEntry(
            "touch", "email_open", NOW - timedelta(days=d, hours=h), "Email", "件名", "NL"
        )
        for d in range(4)
        for h in range(3)
    ]
    model.set_entries(entries)
    assert model.day_count() >= 4
    qtmodeltester.check(model)
    first_day = model.index(0, 0)
    assert model.rowCount(first_day) >= 1
    # Newest first.
    newest = model.index(0, 0, first_day).data(Qt.ItemDataRole.UserRole + 1)
    assert newest.at == max(e.at for e in entries)


def test_window_shows_the_reps_active_queue_in_priority_order(
    window: MainWindow, sqlite_demo_db: Database, rep: UserInfo
) -> None:
    expected = count_leads(
        sqlite_demo_db,
        Lead.owner_id == rep.id,
        Lead.stage.in_([s.value for s in ACTIVE_STAGES]),
        Lead.do_not_call.is_(False),
    )
    assert window.model.rowCount() == expected > 0
    assert window.count_label.text().startswith(str(expected))
    priorities = [
        window.model.index(r, 0).data(RowRole).priority
        for r in range(min(BLOCK, window.model.rowCount()))
    ]
    assert priorities == sorted(priorities, reverse=True)
    # The top lead is selected and shown.
    top_id = window.model.index(0, 0).data(LeadIdRole)
    assert window.lead_pane.detail is not None
    assert window.lead_pane.detail.id == top_id


def test_selecting_a_lead_shows_contact_score_and_timeline(
    qtbot: QtBot, window: MainWindow
) -> None:
    index = window.model.index(2, COL_NAME)
    rect = window.table.visualRect(index)
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    lead_id = index.data(LeadIdRole)
    qtbot.waitUntil(lambda: window.lead_pane.detail and window.lead_pane.detail.id == lead_id)
    detail = window.lead_pane.detail
    assert detail is not None
    header = window.lead_pane.header.text()
    assert detail.name in header or detail.name.replace("&", "&amp;") in header
    if detail.phone:
        assert "tel:" in header
    if detail.email:
        assert f"mailto:{detail.email}" in header
    assert str(detail.score.score) in window.lead_pane.score_label.text()
    # Every contribution is listed, fit first.
    breakdown = window.lead_pane.breakdown
    assert breakdown.topLevelItemCount() == len(detail.score.contributions)
    assert breakdown.topLevelItem(0).text(0) == "Industry"
    # The timeline merges touches and calls, grouped by day, newest first.
    timeline = window.lead_pane.timeline_model
    entries = sum(timeline.rowCount(timeline.index(d, 0)) for d in range(timeline.rowCount()))
    calls = [c for c in detail.calls if not c.superseded]
    assert entries == len(detail.touches) + len(calls) > 0
    first = timeline.index(0, 0, timeline.index(0, 0)).data(Qt.ItemDataRole.UserRole + 1)
    newest = max([t.occurred_at for t in detail.touches] + [c.started_at for c in calls])
    assert first.at == newest


def test_keyboard_moves_and_next_lead_jumps_to_top(qtbot: QtBot, window: MainWindow) -> None:
    window.table.setFocus()
    top_id = window.model.index(0, 0).data(LeadIdRole)
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    second = window.model.index(2, 0).data(LeadIdRole)
    qtbot.waitUntil(lambda: window.lead_pane.detail and window.lead_pane.detail.id == second)
    assert window.table.currentIndex().row() == 2
    # Ctrl+J: next lead = top of the queue.
    qtbot.keyClick(window.table, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.lead_pane.detail and window.lead_pane.detail.id == top_id)
    assert window.table.currentIndex().row() == 0
    # Enter opens the lead: focus moves into its detail.
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.lead_pane.timeline)


def test_free_text_filter_finds_by_kana_in_hiragana(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database
) -> None:
    window.filters.owner.setCurrentIndex(window.filters.owner.findData(ANY_OWNER))
    wait_idle(qtbot, window)
    with sqlite_demo_db.read() as session:
        target = session.scalars(
            select(Lead)
            .where(Lead.name_kana.is_not(None), Lead.stage.in_(["new", "working"]))
            .order_by(Lead.id)
            .limit(1)
        ).one()
        family_kana = target.name_kana.split()[0]
    hiragana = "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in family_kana)
    type_with_ime(window.filters.search, hiragana)
    qtbot.keyClick(window.filters.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.model.query.text == hiragana and not window.model.loading)
    ids = [window.model.lead_id(r) for r in range(window.model.rowCount())]
    assert target.id in ids
    assert 0 < len(ids) < 300
    with sqlite_demo_db.read() as session:
        texts = session.scalars(select(Lead.search_text).where(Lead.id.in_(ids))).all()
    assert all(family_kana in t for t in texts)  # found through the folded reading
    # Clearing the search brings everything back.
    window.filters.search.clear()
    qtbot.keyClick(window.filters.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.model.query.text == "" and not window.model.loading)
    assert window.model.rowCount() > len(ids)


def test_grade_and_owner_filters_run_in_sql(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database
) -> None:
    window.filters.owner.setCurrentIndex(window.filters.owner.findData(ANY_OWNER))
    wait_idle(qtbot, window)
    everyone = window.model.rowCount()
    # The call queue: leads with a booked meeting wait under "Ready to hand off" instead.
    as_of = window.model.query.meetings_as_of
    assert as_of is not None
    callable_ = and_(
        Lead.do_not_call.is_(False),
        or_(Lead.next_meeting_at.is_(None), Lead.next_meeting_at < as_of - MEETING_GRACE),
    )
    assert everyone == count_leads(sqlite_demo_db, Lead.stage.in_(["new", "working"]), callable_)
    window.filters.grade.setCurrentIndex(window.filters.grade.findData("A"))
    wait_idle(qtbot, window)
    expected = count_leads(
        sqlite_demo_db, Lead.stage.in_(["new", "working"]), Lead.grade == "A", callable_
    )
    assert window.model.rowCount() == expected
    for r in range(min(expected, BLOCK)):
        window.model.index(r, 0).data()
    wait_idle(qtbot, window)
    assert all(
        window.model.index(r, COL_SCORE).data().endswith(" A") for r in range(min(expected, BLOCK))
    )
    window.filters.stage.setCurrentIndex(window.filters.stage.findData("all"))
    window.filters.grade.setCurrentIndex(0)
    wait_idle(qtbot, window)
    assert window.model.rowCount() == count_leads(sqlite_demo_db, Lead.do_not_call.is_(False))


def test_clicking_a_header_sorts_in_sql(qtbot: QtBot, window: MainWindow) -> None:
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(COL_NAME) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    qtbot.waitUntil(lambda: window.model.query.sort == SortKey.NAME and not window.model.loading)
    wait_idle(qtbot, window)
    rows = [
        window.model.index(r, 0).data(RowRole) for r in range(min(BLOCK, window.model.rowCount()))
    ]
    assert all(rows)
    order = window.model.query.descending
    with window.worker.db.read() as session:
        keys = dict(
            session.execute(
                select(Lead.id, Lead.sort_key).where(Lead.id.in_([r.id for r in rows]))
            ).all()
        )
    sequence = [keys[r.id] for r in rows]
    assert sequence == sorted(sequence, reverse=order)
    # Back to priority.
    x = header.sectionViewportPosition(COL_PRIORITY) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    qtbot.waitUntil(
        lambda: window.model.query.sort == SortKey.PRIORITY and not window.model.loading
    )


def test_rows_beyond_the_first_block_load_when_scrolled_to(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.filters.stage.setCurrentIndex(window.filters.stage.findData("all"))
    window.filters.owner.setCurrentIndex(window.filters.owner.findData(ANY_OWNER))
    wait_idle(qtbot, window)
    last = window.model.rowCount() - 1
    assert last >= BLOCK
    lead_id = window.model.lead_id(last)
    assert window.model.loaded_row(lead_id) is None  # lazily fetched: not there yet
    window.table.scrollToBottom()
    qtbot.waitUntil(lambda: window.model.loaded_row(lead_id) is not None, timeout=10_000)
    assert window.model.index(last, COL_NAME).data()


def test_an_unknown_lead_shows_a_message_in_the_pane(qtbot: QtBot, window: MainWindow) -> None:
    window.lead_pane.show_lead(999_999)
    qtbot.waitUntil(window.lead_pane.placeholder.isVisible)
    assert "999999" in window.lead_pane.placeholder.text()


def test_invalid_index_and_header_edges(window: MainWindow) -> None:
    model = window.model
    assert model.data(QModelIndex()) is None
    assert model.headerData(99, Qt.Orientation.Horizontal) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None
