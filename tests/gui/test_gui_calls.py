"""Working a lead in the real window: the call dialog driven from the keyboard as a rep does."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime, QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.dialogs.call_dialog import CallDialog
from desktop.dialogs.reason_dialog import ReasonDialog
from desktop.main.window import MainWindow
from desktop.operations import runner
from desktop.queue.model import LeadIdRole
from models.core.entities import AuditEntry, Call, Lead, QualificationAnswer, StageChange
from models.db.database import Database
from models.leads.calls import BantAnswer, CallDraft, log_call
from models.leads.queue import ANY_OWNER
from models.teams.users import UserInfo
from tests.gui.conftest import answer_next_message_box, open_call_dialog, type_with_ime, wait_idle


def _click_outcome(qtbot: QtBot, dialog: CallDialog, n: int) -> None:
    button = dialog.outcomes.button(n)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def _lead(db: Database, lead_id: int) -> Lead:
    with db.read() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None
        return lead


def _calls(db: Database, lead_id: int) -> list[Call]:
    with db.read() as session:
        return list(session.scalars(select(Call).where(Call.lead_id == lead_id).order_by(Call.id)))


def test_no_answer_and_next_lead_takes_two_keystrokes(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database
) -> None:
    lead_id = window.lead_pane.detail.id  # type: ignore[union-attr]
    before = _lead(sqlite_demo_db, lead_id)
    dialog = open_call_dialog(qtbot, window)
    # The two keystrokes: "2" (no answer) and Enter (save and next).
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    assert dialog.selected_outcome() == "no_answer"
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert saved.args == [lead_id, True]
    after = _lead(sqlite_demo_db, lead_id)
    assert after.call_attempts == before.call_attempts + 1
    assert after.stage == "working"
    assert after.last_call_at is not None
    assert after.unanswered_streak == before.unanswered_streak + 1
    assert _calls(sqlite_demo_db, lead_id)[-1].outcome == "no_answer"
    # The queue moved on: another lead is selected and shown.
    qtbot.waitUntil(
        lambda: window.lead_pane.detail is not None and window.lead_pane.detail.id != lead_id,
        timeout=10_000,
    )
    assert window.table.currentIndex().data(LeadIdRole) != lead_id


def test_connected_call_with_japanese_notes_bant_and_callback(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database
) -> None:
    lead_id = window.lead_pane.detail.id  # type: ignore[union-attr]
    dialog = open_call_dialog(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_7)  # callback requested
    assert dialog.next_step.currentData() == "callback"
    note = "部長は不在。来週火曜の午前中に折り返し希望。予算は下期に確保予定とのこと。"
    type_with_ime(dialog.notes, note)
    dialog.bant_values["budget"].setCurrentIndex(dialog.bant_values["budget"].findData("planned"))
    dialog.bant_evidence["budget"].clear()  # the rep replaces what was heard before
    type_with_ime(dialog.bant_evidence["budget"], "「下期の予算で計上します」")
    dialog.temperature.setCurrentIndex(dialog.temperature.findData("warm"))
    when = datetime.now(UTC) + timedelta(days=2)
    dialog.when.setDateTime(QDateTime(when.astimezone().replace(second=0, microsecond=0)))
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    call = _calls(sqlite_demo_db, lead_id)[-1]
    assert call.notes == note
    assert call.outcome == "callback_requested"
    assert call.callback_at is not None
    assert abs((call.callback_at - when).total_seconds()) < 60
    lead = _lead(sqlite_demo_db, lead_id)
    assert lead.next_callback_at == call.callback_at
    assert lead.temperature == "warm"
    with sqlite_demo_db.read() as session:
        answers = session.scalars(
            select(QualificationAnswer).where(
                QualificationAnswer.lead_id == lead_id, QualificationAnswer.call_id == call.id
            )
        ).all()
    # Only what moved is recorded: the budget (the other answers were prefilled unchanged).
    assert [(a.field, a.value, a.evidence) for a in answers] == [
        ("budget", "planned", "「下期の予算で計上します」")
    ]
    # "Save" keeps the same lead on screen, and its timeline shows the call first.
    qtbot.waitUntil(
        lambda: (
            window.lead_pane.detail is not None
            and window.lead_pane.detail.id == lead_id
            and any(c.id == call.id for c in window.lead_pane.detail.calls)
        ),
        timeout=10_000,
    )
    model = window.lead_pane.timeline_model
    entries = [
        model.index(r, 2, model.index(d, 0)).data()
        for d in range(model.rowCount())
        for r in range(model.rowCount(model.index(d, 0)))
    ]
    assert any(note in (e or "") for e in entries)
    assert "下期" in window.lead_pane.work.bant.text()


def test_the_dialog_prefills_the_latest_bant_answers(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database, rep: UserInfo
) -> None:
    lead_id = window.lead_pane.detail.id  # type: ignore[union-attr]
    now = datetime.now(UTC)
    with sqlite_demo_db.write() as session:
        log_call(
            session,
            rep.id,
            CallDraft(
                lead_id=lead_id,
                outcome="connected",
                started_at=now,
                bant={"authority": BantAnswer("decision_maker", "「私が決めます」")},
            ),
            now,
        )
    window.lead_pane.reload()
    qtbot.waitUntil(
        lambda: (
            window.lead_pane.detail is not None
            and window.lead_pane.detail.qualification["authority"].value == "decision_maker"
        )
    )
    dialog = open_call_dialog(qtbot, window)
    assert dialog.bant_values["authority"].currentData() == "decision_maker"
    assert dialog.bant_evidence["authority"].text() == "「私が決めます」"
    dialog.done(0)


def test_callback_in_the_past_is_refused_and_nothing_typed_is_lost(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database
) -> None:
    lead_id = window.lead_pane.detail.id  # type: ignore[union-attr]
    calls_before = len(_calls(sqlite_demo_db, lead_id))
    dialog = open_call_dialog(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_7)
    type_with_ime(dialog.notes, "大事なメモ")
    dialog.when.setDateTime(QDateTime(datetime.now().astimezone() - timedelta(hours=1)))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert "past" in dialog.error.text()
    assert dialog.notes.toPlainText() == "大事なメモ"
    assert QApplication.focusWidget() is dialog.when
    assert len(_calls(sqlite_demo_db, lead_id)) == calls_before
    # A meeting booked without a time is refused too.
    _click_outcome(qtbot, dialog, 7)  # 8: meeting booked
    dialog.next_step.setCurrentIndex(dialog.next_step.findData("none"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "meeting needs its date and time" in dialog.error.text()
    assert len(_calls(sqlite_demo_db, lead_id)) == calls_before
    # Cancelling a typed draft asks first; answering Cancel keeps it open.
    seen: list[str] = []
    answer_next_message_box(QMessageBox.StandardButton.Cancel, seen)
    dialog.reject()
    assert seen and dialog.isVisible()
    answer_next_message_box(QMessageBox.StandardButton.Discard, seen)
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_locked_database_keeps_the_draft_and_retries(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "BACKOFF_MS", (200,))
    lead_id = window.lead_pane.detail.id  # type: ignore[union-attr]
    calls_before = len(_calls(sqlite_demo_db, lead_id))
    dialog = open_call_dialog(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)
    type_with_ime(dialog.notes, "ロック中に入力したメモ")
    # Another program holds the write lock longer than Baton's busy timeout.
    path = sqlite_demo_db.url.database
    assert path is not None
    blocker = sqlite3.connect(path, timeout=0.1)
    blocker.execute("BEGIN EXCLUSIVE")
    with sqlite_demo_db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA busy_timeout = 100")
    monkeypatch.setattr("models.db.database.BUSY_TIMEOUT_MS", 100)
    sqlite_demo_db.engine.dispose()  # new connections pick up the short timeout
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    assert "Not saved" in dialog.error.text()
    assert dialog.isVisible()
    assert dialog.notes.toPlainText() == "ロック中に入力したメモ"
    assert len(_calls(sqlite_demo_db, lead_id)) == calls_before
    blocker.rollback()
    blocker.close()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    calls = _calls(sqlite_demo_db, lead_id)
    assert len(calls) == calls_before + 1
    assert calls[-1].notes == "ロック中に入力したメモ"


def test_closing_the_app_with_an_unsaved_call_asks_first(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_call_dialog(qtbot, window)
    type_with_ime(dialog.notes, "まだ保存していない")
    seen: list[str] = []
    answer_next_message_box(QMessageBox.StandardButton.Cancel, seen)
    window.close()
    assert seen, "closing with a draft must ask"
    assert window.isVisible() and dialog.isVisible()
    assert dialog.notes.toPlainText() == "まだ保存していない"
    answer_next_message_box(QMessageBox.StandardButton.Discard, seen)
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_the_author_corrects_a_call_and_nothing_is_deleted(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database, rep: UserInfo
) -> None:
    lead_id = window.lead_pane.detail.id  # type: ignore[union-attr]
    now = datetime.now(UTC)
    with sqlite_demo_db.write() as session:
        logged = log_call(
            session, rep.id, CallDraft(lead_id=lead_id, outcome="busy", started_at=now), now
        )
    window.lead_pane.reload()
    qtbot.waitUntil(
        lambda: (
            window.lead_pane.detail is not None
            and any(c.id == logged.call_id for c in window.lead_pane.detail.calls)
        )
    )
    call = next(c for c in window.lead_pane.detail.calls if c.id == logged.call_id)  # type: ignore[union-attr]
    window.lead_pane.correct_requested.emit(call)
    qtbot.waitUntil(lambda: window.call_dialog is not None and window.call_dialog.isVisible())
    dialog = window.call_dialog
    assert dialog is not None
    assert dialog.selected_outcome() == "busy"
    _click_outcome(qtbot, dialog, 2)  # it was a voicemail
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with sqlite_demo_db.read() as session:
        old = session.get(Call, logged.call_id)
        new = session.scalars(select(Call).where(Call.supersedes_id == logged.call_id)).one()
        audit = session.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "call_corrected", AuditEntry.entity_id == logged.call_id
            )
        ).one()
    assert old is not None and old.superseded
    assert new.outcome == "voicemail"
    assert audit.before["outcome"] == "busy" and audit.after["outcome"] == "voicemail"
    assert audit.user_id == rep.id


def test_return_to_nurture_from_the_lead_pane(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database
) -> None:
    lead_id = window.lead_pane.detail.id  # type: ignore[union-attr]
    qtbot.mouseClick(window.lead_pane.work.recycle_button, Qt.MouseButton.LeftButton)
    dialog = qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ReasonDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ReasonDialog)
    dialog.reason.setCurrentIndex(dialog.reason.findData("other"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible)  # "other" needs a note
    type_with_ime(dialog.note, "展示会の名刺交換のみ。今期は検討予定なし。")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    lead = _lead(sqlite_demo_db, lead_id)
    assert lead.stage == "recycled"
    assert lead.recycle_reason == "other"
    assert lead.recycle_until is not None
    with sqlite_demo_db.read() as session:
        change = session.scalars(
            select(StageChange)
            .where(StageChange.lead_id == lead_id)
            .order_by(StageChange.id.desc())
        ).first()
    assert change is not None and change.note == "展示会の名刺交換のみ。今期は検討予定なし。"
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.model.row_of(lead_id) is None, timeout=10_000)


def test_do_not_call_leaves_every_queue_and_disables_calls(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database
) -> None:
    lead_id = window.lead_pane.detail.id  # type: ignore[union-attr]
    seen: list[str] = []
    answer_next_message_box(QMessageBox.StandardButton.Yes, seen)
    qtbot.mouseClick(window.lead_pane.work.dnc_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _lead(sqlite_demo_db, lead_id).do_not_call, timeout=10_000)
    qtbot.waitUntil(lambda: window.model.row_of(lead_id) is None, timeout=10_000)
    window.filters.owner.setCurrentIndex(window.filters.owner.findData(ANY_OWNER))
    window.filters.stage.setCurrentIndex(window.filters.stage.findData("all"))
    wait_idle(qtbot, window)
    assert window.model.row_of(lead_id) is None
    window.lead_pane.show_lead(lead_id)
    qtbot.waitUntil(lambda: window.lead_pane.detail and window.lead_pane.detail.id == lead_id)
    assert not window.lead_pane.work.call_button.isEnabled()
    assert "tel:" not in window.lead_pane.header.text()


def test_due_callbacks_are_counted_filtered_and_announced(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database, rep: UserInfo
) -> None:
    lead_id = window.lead_pane.detail.id  # type: ignore[union-attr]
    now = datetime.now(UTC)
    with sqlite_demo_db.write() as session:
        log_call(
            session,
            rep.id,
            CallDraft(
                lead_id=lead_id,
                outcome="callback_requested",
                started_at=now,
                next_step="callback",
                callback_at=now + timedelta(seconds=1),
            ),
            now,
        )
    qtbot.wait(1200)
    window.follow_ups.on_tick_timer_timeout()
    qtbot.waitUntil(
        lambda: any(window.lead_pane.detail.name in m for m in window.notifier.sent), timeout=10_000
    )  # type: ignore[union-attr]
    assert window.overdue_label.text()[0].isdigit()
    window.filters.due_only.setChecked(True)
    wait_idle(qtbot, window)
    ids = [window.model.lead_id(r) for r in range(window.model.rowCount())]
    assert lead_id in ids
    with sqlite_demo_db.read() as session:
        due = session.scalars(select(Lead.next_callback_at).where(Lead.id.in_(ids))).all()
    assert all(d is not None and d <= datetime.now(UTC) for d in due)
