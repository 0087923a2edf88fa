"""Reassigning and the team's workload, as a team lead uses them: several leads selected in
the queue and given to a rep with a reason (a stale one refused with what changed, then
saved); the workload window's figures, Distribute (the plan first, then applied; a plan
that changed meanwhile shown again) and Rebalance; a rep sees none of it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.dialogs.reassign_dialog import COL_NAME, ReassignDialog
from desktop.main.settings import Settings
from desktop.main.window import MainWindow
from desktop.operations.worker import DbWorker
from desktop.team.plan_dialog import PlanDialog
from desktop.team.workload_model import COL_STATUS, AvailableRole, WorkloadModel
from desktop.team.workload_window import WorkloadWindow
from models.core.entities import AssignmentChange, AwayPeriod, Lead
from models.db.database import Database
from models.leads.assignment import reassign
from models.leads.queue import ANY_OWNER
from models.leads.workload import workload
from models.teams.users import UserInfo, user_by_email
from tests.gui.conftest import type_with_ime
from tests.gui.test_japanese_everywhere import shown_texts, speaking
from tests.japanese_text import data_strings, untranslated

TEAM_LEAD = "naoki.tanaka@baton.example"
TO = "shota.suzuki@baton.example"


def _user(db: Database, email: str) -> UserInfo:
    with db.read() as session:
        return user_by_email(session, email)


def _open_window(qtbot: QtBot, worker: DbWorker, user: UserInfo, settings: Settings) -> MainWindow:
    """The main window of a team lead, showing everyone's leads (they own none)."""
    window = MainWindow(worker, user, settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.model.loaded, timeout=10_000):
        window.show()
    owner = window.filters.owner
    with qtbot.waitSignal(window.model.loaded, timeout=10_000):
        owner.setCurrentIndex(owner.findData(ANY_OWNER))
    qtbot.waitUntil(lambda: window.lead_pane.detail is not None, timeout=10_000)
    return window


def _select_rows(window: MainWindow, rows: list[int]) -> None:
    """Click the first row, Ctrl+click the others, as a team lead picks leads."""
    view = window.table
    flags = QItemSelectionModel.SelectionFlag
    view.select_row(rows[0])
    for row in rows[1:]:
        view.selectionModel().select(window.model.index(row, 0), flags.Select | flags.Rows)


def _open_reassign(qtbot: QtBot, window: MainWindow) -> ReassignDialog:
    window.menu_actions.reassign.trigger()
    qtbot.waitUntil(lambda: window.reassigning.dialog is not None)
    dialog = window.reassigning.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.loaded, timeout=10_000)
    return dialog


def _click_rep(qtbot: QtBot, dialog: ReassignDialog, name: str) -> None:
    for row in range(dialog.reps.rowCount()):
        item = dialog.reps.item(row, COL_NAME)
        if item is not None and item.text() == name:
            rect = dialog.reps.visualItemRect(item)
            qtbot.mouseClick(dialog.reps.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return
    raise AssertionError(f"{name} is not listed")


def _owners(db: Database, ids: list[int]) -> set[int | None]:
    with db.read() as session:
        return set(session.scalars(select(Lead.owner_id).where(Lead.id.in_(ids))))


def test_the_workload_model_passes_the_model_tester(
    qtmodeltester,  # type: ignore[no-untyped-def]
    sqlite_demo_db: Database,
) -> None:
    with sqlite_demo_db.read() as session:
        load = workload(session, 1, datetime.now(UTC))
    model = WorkloadModel()
    model.set_rows(list(load.members))
    assert model.rowCount() == len(load.members) > 3
    qtmodeltester.check(model)


def test_a_team_lead_reassigns_selected_leads_with_a_reason(
    qtbot: QtBot, worker: DbWorker, sqlite_demo_db: Database, settings: Settings
) -> None:
    lead = _user(sqlite_demo_db, TEAM_LEAD)
    to = _user(sqlite_demo_db, TO)
    window = _open_window(qtbot, worker, lead, settings)
    assert window.menu_actions.reassign.isEnabled()
    _select_rows(window, [0, 1, 2])
    chosen = window.table.selected_lead_ids()
    assert len(chosen) == 3
    dialog = _open_reassign(qtbot, window)
    assert dialog.summary.text().startswith("3 leads selected:")
    assert not dialog.ok_button.isEnabled()
    _click_rep(qtbot, dialog, to.display_name)
    assert not dialog.ok_button.isEnabled()  # the reason is required
    type_with_ime(dialog.reason, "<b>休暇</b>の引き継ぎ")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert _owners(sqlite_demo_db, chosen) == {to.id}
    with sqlite_demo_db.read() as session:
        reasons = set(session.scalars(select(AssignmentChange.reason)))
    assert reasons == {"<b>休暇</b>の引き継ぎ"}
    qtbot.waitUntil(lambda: "Leads reassigned to" in window.status.currentMessage())


def test_a_lead_changed_meanwhile_is_refused_then_saved(
    qtbot: QtBot, worker: DbWorker, sqlite_demo_db: Database, settings: Settings
) -> None:
    lead = _user(sqlite_demo_db, TEAM_LEAD)
    to = _user(sqlite_demo_db, TO)
    window = _open_window(qtbot, worker, lead, settings)
    _select_rows(window, [0, 1])
    chosen = window.table.selected_lead_ids()
    dialog = _open_reassign(qtbot, window)
    admin = _user(sqlite_demo_db, "makoto.kobayashi@baton.example")
    other = _user(sqlite_demo_db, "yumi.takahashi@baton.example")
    with sqlite_demo_db.write() as session:  # someone else moves one of them meanwhile
        reassign(session, admin.id, [chosen[1]], other.id, "先に", datetime.now(UTC))
    _click_rep(qtbot, dialog, to.display_name)
    type_with_ime(dialog.reason, "負荷の平準化")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=10_000)
    assert "was changed since you opened it" in dialog.error.text()
    assert "小林 誠" in dialog.error.text()
    assert dialog.isVisible() and dialog.reason.text() == "負荷の平準化"
    assert to.id not in _owners(sqlite_demo_db, chosen)
    # The dialog read the leads again: the choice is kept, the next OK saves.
    qtbot.waitUntil(lambda: dialog.loaded and dialog.ok_button.isEnabled(), timeout=10_000)
    assert dialog.chosen_id() == to.id
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert _owners(sqlite_demo_db, chosen) == {to.id}


def test_an_away_rep_takes_leads_only_once_confirmed(
    qtbot: QtBot, worker: DbWorker, sqlite_demo_db: Database, settings: Settings
) -> None:
    lead = _user(sqlite_demo_db, TEAM_LEAD)
    to = _user(sqlite_demo_db, TO)
    today = datetime.now(UTC).astimezone().date()
    with sqlite_demo_db.write() as session:
        session.add(
            AwayPeriod(
                user_id=to.id,
                starts_on=today - timedelta(days=1),
                ends_on=today + timedelta(days=2),
            )
        )
    window = _open_window(qtbot, worker, lead, settings)
    _select_rows(window, [0])
    chosen = window.table.selected_lead_ids()
    dialog = _open_reassign(qtbot, window)
    assert dialog.summary.text().count("—") == 1  # one lead: named, with its rep
    _click_rep(qtbot, dialog, to.display_name)
    row = dialog.reps.currentRow()
    status = dialog.reps.item(row, 3)
    assert status is not None and status.text().startswith("Away until")
    type_with_ime(dialog.reason, "至急")
    assert dialog.allow_away.isVisible() and not dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.allow_away, Qt.MouseButton.LeftButton)
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert _owners(sqlite_demo_db, chosen) == {to.id}


def test_a_rep_neither_reassigns_nor_sees_the_workload(window: MainWindow) -> None:
    actions = window.menu_actions
    assert not actions.reassign.isEnabled()
    assert not actions.workload.isEnabled()
    assert "team leads" in actions.reassign.toolTip().lower()
    mode = window.table.selectionMode()
    assert mode == window.table.SelectionMode.SingleSelection


def _open_workload(qtbot: QtBot, window: MainWindow) -> WorkloadWindow:
    assert window.menu_actions.workload.isEnabled()
    window.menu_actions.workload.trigger()
    qtbot.waitUntil(lambda: bool(window.findChildren(WorkloadWindow)), timeout=10_000)
    view = window.findChildren(WorkloadWindow)[0]
    qtbot.waitUntil(lambda: view.model.rowCount() > 0 and view.worker_idle(), timeout=10_000)
    return view


def _plan(qtbot: QtBot, view: WorkloadWindow, button: object) -> PlanDialog:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: view.plan_dialog is not None and view.plan_dialog.isVisible())
    dialog = view.plan_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.plan is not None and view.worker_idle(), timeout=10_000)
    return dialog


def _unassigned(db: Database) -> int:
    with db.read() as session:
        return int(
            session.scalar(
                select(func.count(Lead.id)).where(
                    Lead.owner_id.is_(None), Lead.stage == "new", Lead.do_not_call.is_(False)
                )
            )
            or 0
        )


def test_the_workload_window_distributes_after_showing_the_plan(
    qtbot: QtBot, worker: DbWorker, sqlite_demo_db: Database, settings: Settings
) -> None:
    lead = _user(sqlite_demo_db, TEAM_LEAD)
    window = _open_window(qtbot, worker, lead, settings)
    view = _open_workload(qtbot, window)
    waiting = _unassigned(sqlite_demo_db)
    assert waiting > 0
    assert view.heading.text().endswith(f"unassigned new leads: {waiting}")
    names = [view.model.index(r, 0).data() for r in range(view.model.rowCount())]
    assert "田中 直樹" in names and "鈴木 翔太" in names
    assert all(view.model.index(r, 0).data(AvailableRole) for r in range(len(names)))
    assert {view.model.index(r, COL_STATUS).data() for r in range(len(names))} == {"Here"}

    dialog = _plan(qtbot, view, view.distribute_button)
    assert dialog.placements_table.rowCount() == waiting
    assert _unassigned(sqlite_demo_db) == waiting  # nothing assigned before Apply
    assert dialog.apply_button.isEnabled()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert _unassigned(sqlite_demo_db) == 0
    qtbot.waitUntil(lambda: view.heading.text().endswith("unassigned new leads: 0"), timeout=10_000)
    assert view.message.text() == f"Leads assigned: {waiting}; not placed: 0"


def test_a_plan_that_changed_meanwhile_is_shown_again(
    qtbot: QtBot, worker: DbWorker, sqlite_demo_db: Database, settings: Settings
) -> None:
    lead = _user(sqlite_demo_db, TEAM_LEAD)
    window = _open_window(qtbot, worker, lead, settings)
    view = _open_workload(qtbot, window)
    dialog = _plan(qtbot, view, view.distribute_button)
    shown = dialog.placements_table.rowCount()
    assert dialog.plan is not None
    first = dialog.plan.placements[0]
    with sqlite_demo_db.write() as session:  # another team lead takes one meanwhile
        reassign(session, lead.id, [first.lead_id], first.to_user_id, "先に", datetime.now(UTC))
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=10_000)
    assert "changed since the plan was made" in dialog.error.text()
    qtbot.waitUntil(lambda: dialog.placements_table.rowCount() == shown - 1, timeout=10_000)
    assert _unassigned(sqlite_demo_db) == shown - 1
    qtbot.waitUntil(dialog.apply_button.isEnabled)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert _unassigned(sqlite_demo_db) == 0


def test_rebalance_and_away_members_marked(
    qtbot: QtBot, worker: DbWorker, sqlite_demo_db: Database, settings: Settings
) -> None:
    lead = _user(sqlite_demo_db, TEAM_LEAD)
    to = _user(sqlite_demo_db, TO)
    with sqlite_demo_db.write() as session:
        session.add(AwayPeriod(user_id=to.id, starts_on=date(2000, 1, 1), ends_on=date(2100, 1, 1)))
    window = _open_window(qtbot, worker, lead, settings)
    view = _open_workload(qtbot, window)
    row = view.model.row_of(to.id)
    assert row is not None
    assert view.model.index(row, COL_STATUS).data().startswith("Away until")
    assert not view.model.index(row, 0).data(AvailableRole)
    view.days.setValue(3)
    dialog = _plan(qtbot, view, view.rebalance_button)
    assert dialog.windowTitle() == "Rebalance leads untouched for 3 days"
    assert dialog.plan is not None and dialog.plan.kind == "rebalance"
    assert all(p.to_user_id != to.id for p in dialog.plan.placements)  # away: never chosen
    assert all(p.to_user_id != p.from_user_id for p in dialog.plan.placements)
    if dialog.plan.placements:
        moved = [p.lead_id for p in dialog.plan.placements]
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
        with sqlite_demo_db.read() as session:
            reasons = set(
                session.scalars(
                    select(AssignmentChange.reason).where(AssignmentChange.lead_id.in_(moved))
                )
            )
        assert reasons == {"rebalance"}


def test_the_team_leads_views_read_as_japanese(
    qtbot: QtBot,
    qapp: QCoreApplication,
    worker: DbWorker,
    sqlite_demo_db: Database,
    settings: Settings,
) -> None:
    lead = _user(sqlite_demo_db, TEAM_LEAD)
    with speaking(qapp, "ja"):
        window = _open_window(qtbot, worker, lead, settings)
        texts = shown_texts(window)
        _select_rows(window, [0, 1])
        dialog = _open_reassign(qtbot, window)
        _click_rep(qtbot, dialog, "鈴木 翔太")
        texts += shown_texts(dialog)
        dialog.reject()
        view = _open_workload(qtbot, window)
        texts += shown_texts(view)
        for button in (view.distribute_button, view.rebalance_button):
            plan = _plan(qtbot, view, button)
            texts += shown_texts(plan)
            plan.reject()
        found = untranslated(texts, data_strings(sqlite_demo_db))
    assert not found, "English in the Japanese UI:\n" + "\n".join(
        f"{words}: {text!r}" for text, words in found.items()
    )
