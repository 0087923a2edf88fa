"""The handoff summary from the app: copied (Markdown, and HTML as the rich flavour),
exported as a PDF that reads back, and many exported in the background with progress
and Cancel; the team lead's overdue count in the status bar."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from desktop.handoff.export_dialog import ExportDialog
from desktop.handoff.inbox_view import HandoffsView
from desktop.main.settings import Settings
from desktop.main.window import MainWindow
from desktop.operations import summary as summary_ops
from desktop.operations.worker import DbWorker, Task
from models.core.entities import Account, Handoff, Lead
from models.db.database import Database
from models.handoff.promote import PromotionDraft, promote
from models.teams.users import UserInfo, user_by_email
from tests.gui.handoff_helpers import make_qualified, show_lead

FIELD_REP = "daisuke.watanabe@baton.example"
TEAM_LEAD = "naoki.tanaka@baton.example"
SCRIPT = "<script>alert('x')</script>"


def _user(db: Database, email: str) -> UserInfo:
    with db.read() as session:
        return user_by_email(session, email)


def _company(db: Database, lead_id: int) -> str:
    with db.read() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None
        account = session.get(Account, lead.account_id)
        assert account is not None
        return account.name


def _hand_off(db: Database, rep: UserInfo, note: str = "") -> tuple[int, int]:
    lead_id = make_qualified(db, rep.id)
    field_rep = _user(db, FIELD_REP)
    with db.write() as session:
        draft = PromotionDraft(lead_id, field_rep.id, note=note)
        return lead_id, promote(session, rep.id, draft, datetime.now(UTC)).handoff_id


def test_copy_summary_puts_markdown_and_escaped_html_on_the_clipboard(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database, rep: UserInfo
) -> None:
    lead_id, _handoff = _hand_off(sqlite_demo_db, rep, note=f"先方より {SCRIPT}")
    company = _company(sqlite_demo_db, lead_id)
    show_lead(qtbot, window, lead_id)
    strip = window.lead_pane.handoff
    menu = strip.summary_button.menu()
    assert [a.text() for a in menu.actions()] == ["&Copy summary", "&Export summary…"]
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    with qtbot.waitSignal(window.lead_summary.message, timeout=10_000) as said:
        menu.actions()[0].trigger()
    assert said.args == ["Copied the handoff summary."]
    data = clipboard.mimeData()
    assert company in data.text()  # Markdown, the Japanese company name as it is
    assert data.hasHtml()
    html = data.html()
    assert company in html
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_a_preview_is_copied_before_promotion(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database, rep: UserInfo
) -> None:
    lead_id = make_qualified(sqlite_demo_db, rep.id)
    show_lead(qtbot, window, lead_id)
    with qtbot.waitSignal(window.lead_summary.message, timeout=10_000) as said:
        window.lead_summary.actions.copy_action.trigger()
    assert said.args == ["Copied a preview of the summary (not handed off yet)."]
    assert _company(sqlite_demo_db, lead_id) in QGuiApplication.clipboard().text()


def test_export_summary_writes_a_pdf_that_reads_back(
    qtbot: QtBot,
    window: MainWindow,
    sqlite_demo_db: Database,
    rep: UserInfo,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed: the PDF cannot be read back")
    lead_id, _handoff = _hand_off(sqlite_demo_db, rep)
    show_lead(qtbot, window, lead_id)
    actions = window.lead_summary.actions
    asked: list[str] = []

    def save_as(_parent: object, _title: str, suggested: str, filters: str, chosen: str):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        assert filters.split(";;", maxsplit=1)[0] == chosen == "PDF (*.pdf)"
        return str(tmp_path / "out" / "summary"), chosen  # no suffix typed: the filter's is added

    (tmp_path / "out").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    with qtbot.waitSignal(actions.message, timeout=20_000) as said:
        actions.export_action.trigger()
    target = tmp_path / "out" / "summary.pdf"
    assert said.args == [f"Wrote the handoff summary to {target}."]
    assert asked and asked[0].endswith(".pdf")
    assert target.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert _company(sqlite_demo_db, lead_id) in text
    assert [p.name for p in target.parent.iterdir()] == ["summary.pdf"]  # no temporary left


def _team_lead_window(
    qtbot: QtBot, worker: DbWorker, db: Database, settings: Settings
) -> MainWindow:
    window = MainWindow(worker, _user(db, TEAM_LEAD), settings)
    qtbot.addWidget(window)
    window.show()
    return window


def _handoffs(qtbot: QtBot, window: MainWindow) -> HandoffsView:
    window.menu_actions.handoffs.trigger()
    view = window.findChildren(HandoffsView)[0]
    qtbot.waitUntil(lambda: view.model.rowCount() > 0 and view.worker_idle(), timeout=10_000)
    return view


def _export_dialog(qtbot: QtBot, view: HandoffsView) -> ExportDialog:
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    dialog = view.export_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: dialog.field_rep.count() > 1, timeout=10_000)
    dialog.since.setDate(QDate(2000, 1, 1))
    dialog.until.setDate(QDate.currentDate())
    return dialog


def test_copy_from_the_handoffs_window(
    qtbot: QtBot, worker: DbWorker, sqlite_demo_db: Database, rep: UserInfo, settings: Settings
) -> None:
    lead_id, handoff = _hand_off(sqlite_demo_db, rep)
    view = _handoffs(qtbot, _team_lead_window(qtbot, worker, sqlite_demo_db, settings))
    assert view.select_handoff(handoff)
    with qtbot.waitSignal(view.summary.message, timeout=10_000):
        view.summary.copy_action.trigger()
    assert view.message.text() == "Copied the handoff summary."
    assert _company(sqlite_demo_db, lead_id) in QGuiApplication.clipboard().text()


def test_batch_export_of_summaries_reaches_the_end_and_a_cancel_leaves_whole_files(
    qtbot: QtBot,
    worker: DbWorker,
    sqlite_demo_db: Database,
    rep: UserInfo,
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = _handoffs(qtbot, _team_lead_window(qtbot, worker, sqlite_demo_db, settings))
    dialog = _export_dialog(qtbot, view)
    dialog.as_files.setChecked(True)
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    seen: list[tuple[int, int]] = []
    whole = tmp_path / "whole"
    whole.mkdir()
    task = dialog.start(whole)
    assert task is not None
    task.signals.progress.connect(lambda done, total: seen.append((done, total)))
    assert dialog.progress.isVisible() and dialog.cancel_button.isVisible()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    total = seen[-1][1]
    assert total > 1 and seen[-1] == (total, total)
    assert dialog.progress.isHidden()
    files = sorted(whole.iterdir())
    assert len(files) == total and all(f.suffix == ".md" for f in files)
    assert dialog.result.text() == f"Wrote {total} summaries ({total} handoffs) to {whole}."

    # Cancelled after the first handoff: what is there is whole, nothing half-written.
    part = tmp_path / "part"
    part.mkdir()
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    made = summary_ops.export_folder

    def export_folder(*args: object) -> Task:
        task = made(*args)  # type: ignore[arg-type]
        # Asked on the worker's thread itself, so the cancel lands right after the first.
        task.signals.progress.connect(
            lambda done, _total: done >= 1 and task.cancel(), Qt.ConnectionType.DirectConnection
        )
        return task

    monkeypatch.setattr(summary_ops, "export_folder", export_folder)
    assert dialog.start(part) is not None
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    written = sorted(part.iterdir())
    assert 1 <= len(written) < total
    assert all(p.suffix == ".html" and p.read_text().rstrip().endswith("</html>") for p in written)
    assert dialog.result.text().startswith("Cancelled: ")


def test_batch_csv_in_cp932_is_refused_by_row_and_written_in_utf8(
    qtbot: QtBot,
    worker: DbWorker,
    sqlite_demo_db: Database,
    rep: UserInfo,
    settings: Settings,
    tmp_path: Path,
) -> None:
    _lead, handoff = _hand_off(sqlite_demo_db, rep, note="𠮷野家で打合せ")
    view = _handoffs(qtbot, _team_lead_window(qtbot, worker, sqlite_demo_db, settings))
    dialog = _export_dialog(qtbot, view)
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("cp932"))
    target = tmp_path / "handoffs.csv"
    dialog.start(target)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    assert dialog.error.isVisible()
    assert str(handoff) in dialog.error.text() and "𠮷" in dialog.error.text()
    assert not target.exists()
    assert dialog.encoding.currentData() == "cp932"  # the choice kept

    dialog.encoding.setCurrentIndex(dialog.encoding.findData("utf-8-sig"))
    dialog.start(target)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    assert dialog.error.isHidden()
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "𠮷野家で打合せ" in data.decode("utf-8-sig")
    assert dialog.result.text().startswith("Wrote ")


def test_the_status_bar_counts_overdue_handoffs_for_a_team_lead(
    qtbot: QtBot, worker: DbWorker, sqlite_demo_db: Database, rep: UserInfo, settings: Settings
) -> None:
    _lead, late = _hand_off(sqlite_demo_db, rep)
    with sqlite_demo_db.write() as session:
        session.execute(
            update(Handoff)
            .where(Handoff.status == "pending")
            .values(response_due_at=datetime.now(UTC) + timedelta(days=2))
        )
        session.execute(
            update(Handoff)
            .where(Handoff.id == late)
            .values(response_due_at=datetime.now(UTC) - timedelta(hours=1))
        )
    window = _team_lead_window(qtbot, worker, sqlite_demo_db, settings)
    badge = window.overdue_handoffs
    qtbot.waitUntil(lambda: badge.count == 1, timeout=10_000)
    assert badge.isVisible() and badge.text() == "1 handoff(s) overdue"

    # Time alone makes another overdue: the minute tick sees it.
    with sqlite_demo_db.write() as session:
        session.execute(
            update(Handoff)
            .where(Handoff.status == "pending", Handoff.id != late)
            .values(response_due_at=datetime.now(UTC) - timedelta(minutes=1))
        )
    window.follow_ups.tick_timer.timeout.emit()
    qtbot.waitUntil(lambda: badge.count is not None and badge.count > 1, timeout=10_000)

    qtbot.mouseClick(badge, Qt.MouseButton.LeftButton)
    view = window.findChildren(HandoffsView)[0]
    qtbot.waitUntil(lambda: view.model.rowCount() == badge.count, timeout=10_000)
    assert view.overdue_only.isChecked()

    # An answer (a change to handoffs) brings the count down.
    assert view.select_handoff(late)
    qtbot.mouseClick(view.accept_button, Qt.MouseButton.LeftButton)
    before = badge.count
    qtbot.waitUntil(lambda: badge.count == before - 1, timeout=10_000)


def test_a_rep_has_no_overdue_count(window: MainWindow) -> None:
    assert not window.overdue_handoffs.supervisor
    assert window.overdue_handoffs.isHidden()
