"""File → Import leads… / Import engagements…, as marketing or an administrator uses it:
a tool's export recognised and imported (the rows in the database, the queue showing
them, only their rows read again; the same file again changes nothing); Cancel half-way
leaves whole batches and the dialog usable; the rejected rows exported as CSV and read
back; a file Baton cannot read said on the page; a rep has no such menu entries; the
dialog's models pass the model tester; the dialog in Japanese. (Mapping by hand:
test_import_mapping.py.)"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.imports.import_dialog import ImportDialog
from desktop.main.settings import Settings
from desktop.main.window import MainWindow
from desktop.operations.worker import DbWorker
from models.core.entities import Lead
from models.db.database import Database
from models.imports.fields import ImportKind
from tests.gui.conftest import record_row_reads
from tests.gui.import_helpers import (
    ADMIN,
    HUBSPOT,
    MARKETING,
    big_hubspot,
    choose,
    leads_with_email,
    main_window,
    map_who,
    open_dialog,
    run_dialog,
    unknown_export,
    user_of,
    write_csv,
)
from tests.gui.test_japanese_everywhere import shown_texts, speaking
from tests.japanese_text import data_strings, untranslated

HUBSPOT_EMAILS = 10


def test_a_hubspot_export_lands_and_the_queue_shows_it(
    qtbot: QtBot,
    demo_db: Database,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    worker = DbWorker(demo_db)
    try:
        window = main_window(qtbot, worker, user_of(demo_db, ADMIN), settings)
        dialog = open_dialog(qtbot, window, monkeypatch, HUBSPOT)
        page = dialog.mapping_page
        assert page.recognised.text() == "HubSpot export, encoding UTF-8 (BOM)"
        assert page.form_area.isHidden()  # recognised: the mapping is not in the way
        assert page.model.rowCount() == HUBSPOT_EMAILS
        assert page.model.index(0, 1).data() == "佐藤 健一"
        assert page.model.index(0, 4).data() == "+81354127700"  # the phone as E.164
        assert not page.model.rejected_rows()

        reads = record_row_reads(monkeypatch)
        outcome = run_dialog(qtbot, dialog)
        report = outcome.report
        assert (report.rows_read, report.landed, report.rejected) == (10, 10, 0)
        result = dialog.result_page
        assert dialog.stack.currentWidget() is result
        assert result.count_labels["landed"].text() == "10"
        assert result.count_labels["touches"].text() == "10"
        assert result.count_labels["computed"].text() == "Number of Sessions, Number of Pageviews"
        assert result.count_labels["kept_apart"].text() == "1"
        assert not result.export_button.isEnabled()
        with demo_db.read() as session:
            landed = session.scalar(
                select(Lead.id).where(Lead.email == "kenichi.sato@miraitech.co.jp")
            )
        assert landed is not None and landed in report.lead_ids
        qtbot.waitUntil(lambda: window.model.row_of(landed) is not None, timeout=10_000)
        qtbot.waitUntil(window.worker.idle, timeout=10_000)
        # Only the imported leads' rows were read again (no reload of the whole queue).
        assert reads and all(set(read) <= report.lead_ids for read in reads)

        # The same file again changes nothing.
        qtbot.mouseClick(result.another_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.inspection is not None, timeout=10_000)
        again = run_dialog(qtbot, dialog).report
        assert (again.landed, again.unchanged) == (0, 10)
        dialog.close()
        window.close()
    finally:
        worker.stop()


def test_cancel_half_way_leaves_whole_batches_and_the_dialog_usable(
    qtbot: QtBot,
    admin_window: MainWindow,
    sqlite_demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    total = 3_000
    dialog = open_dialog(qtbot, admin_window, monkeypatch, big_hubspot(tmp_path, total))
    dialog.batch_size = 25
    page = dialog.mapping_page
    with qtbot.waitSignal(dialog.imported, timeout=60_000) as done:
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
        assert dialog.stack.currentWidget() is dialog.progress_page
        qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=30_000)
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        assert not dialog.cancel_button.isEnabled()
    report = done.args[0].report
    assert report.cancelled
    assert 0 < report.rows_read < total and report.rows_read % 25 == 0
    assert leads_with_email(sqlite_demo_db, "taro%@bulk%") == report.landed == report.rows_read
    assert dialog.result_page.heading.text().startswith("bulk.csv: cancelled.")

    # Usable: the same file again completes it, without a duplicate.
    qtbot.mouseClick(dialog.result_page.another_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.inspection is not None, timeout=10_000)
    dialog.batch_size = None
    rest = run_dialog(qtbot, dialog).report
    assert not rest.cancelled
    assert rest.landed == total - report.landed and rest.unchanged == report.landed
    assert leads_with_email(sqlite_demo_db, "taro%@bulk%") == total
    dialog.close()


def test_closing_the_dialog_mid_way_stops_the_import_then_closes(
    qtbot: QtBot,
    admin_window: MainWindow,
    sqlite_demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    total = 3_000
    dialog = open_dialog(qtbot, admin_window, monkeypatch, big_hubspot(tmp_path, total))
    dialog.batch_size = 25
    with qtbot.waitSignal(dialog.imported, timeout=60_000) as done:
        qtbot.mouseClick(dialog.mapping_page.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=30_000)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible()  # until the batch under way is written
    assert done.args[0].report.cancelled
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    landed = done.args[0].report.landed
    assert 0 < landed < total
    assert leads_with_email(sqlite_demo_db, "taro%@bulk%") == landed


def test_the_window_gone_mid_way_stops_the_import(
    qtbot: QtBot,
    admin_window: MainWindow,
    sqlite_demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    total = 3_000
    dialog = open_dialog(qtbot, admin_window, monkeypatch, big_hubspot(tmp_path, total))
    dialog.batch_size = 25
    qtbot.mouseClick(dialog.mapping_page.import_button, Qt.MouseButton.LeftButton)
    task = dialog.task
    assert task is not None
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=30_000)
    with qtbot.waitSignal(task.signals.finished, timeout=30_000):
        dialog.deleteLater()  # as when the main window closes with the dialog open
    assert 0 < leads_with_email(sqlite_demo_db, "taro%@bulk%") < total


def test_rejected_rows_export_as_csv(
    qtbot: QtBot,
    admin_window: MainWindow,
    sqlite_demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with sqlite_demo_db.read() as session:
        known = session.scalar(select(Lead.email).where(Lead.email.is_not(None)).limit(1))
    header = ["email", "kind", "date"]
    rows = [
        [str(known), "資料請求", "2026-10-01 10:00"],
        ["<b>x</b>", "資料請求", "2026-10-01 10:00"],
        ["nobody@nowhere.example", "資料請求", "2026-10-02"],
    ]
    path = write_csv(tmp_path / "touches.csv", header, rows)
    dialog = open_dialog(qtbot, admin_window, monkeypatch, path, ImportKind.TOUCHES)
    report = run_dialog(qtbot, dialog).report
    assert report.rejected == 2
    result = dialog.result_page
    assert result.tabs.currentWidget() is result.rejections_table
    assert result.export_button.isEnabled()
    target = tmp_path / "out" / "rejected"
    target.parent.mkdir()
    asked: list[str] = []

    def save_as(_parent: object, _title: str, suggested: str, _filters: str):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as said:
        qtbot.mouseClick(result.export_button, Qt.MouseButton.LeftButton)
    written = target.with_suffix(".csv")
    assert asked == [str(tmp_path / "touches-rejected.csv")]
    assert said.args == [f"Wrote 2 rejected rows to {written}."]
    assert result.saved.text() == said.args[0]
    with written.open(encoding="utf-8-sig", newline="") as stream:
        back = list(csv.reader(stream))
    assert back[0] == ["Row", "Line", "Column", "Value", "Reason"]
    assert [line[:4] for line in back[1:]] == [
        ["3", "3", "email", "<b>x</b>"],
        ["4", "4", "email", "nobody@nowhere.example"],
    ]
    assert back[1][4] == "Email address “<b>x</b>” is not an email address."
    dialog.close()


@pytest.fixture
def admin_window(
    qtbot: QtBot, worker: DbWorker, sqlite_demo_db: Database, settings: Settings
) -> MainWindow:
    return main_window(qtbot, worker, user_of(sqlite_demo_db, ADMIN), settings)


def test_a_file_baton_cannot_read_is_said_on_the_page(
    qtbot: QtBot,
    admin_window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    empty = tmp_path / "<b>empty<b>.csv"
    empty.write_text("", encoding="utf-8")
    choose(monkeypatch, empty)
    admin_window.menu_actions.import_leads.trigger()
    dialog = admin_window.findChildren(ImportDialog)[0]
    page = dialog.mapping_page
    qtbot.waitUntil(page.error.isVisible, timeout=10_000)
    assert page.error.textFormat() == Qt.TextFormat.PlainText
    assert page.error.text().startswith("<b>empty<b>.csv holds no rows to import")
    assert not page.import_button.isEnabled()
    assert admin_window.policy.open_messages() == []
    dialog.close()


@pytest.mark.parametrize(
    ("email", "may"), [(MARKETING, True), ("misaki.sato@baton.example", False)]
)
def test_only_who_may_import_sees_the_menu_entries(
    qtbot: QtBot,
    worker: DbWorker,
    sqlite_demo_db: Database,
    settings: Settings,
    email: str,
    may: bool,
) -> None:
    window = MainWindow(worker, user_of(sqlite_demo_db, email), settings)
    qtbot.addWidget(window)
    for action in (window.menu_actions.import_leads, window.menu_actions.import_touches):
        assert action.isVisible() is may
        assert action.isEnabled() is may


def test_the_dialogs_models_pass_the_model_tester(
    qtbot: QtBot,
    qtmodeltester,  # type: ignore[no-untyped-def]
    admin_window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = open_dialog(qtbot, admin_window, monkeypatch, HUBSPOT)
    qtmodeltester.check(dialog.mapping_page.model)
    run_dialog(qtbot, dialog)
    qtmodeltester.check(dialog.result_page.merges)
    path = unknown_export(tmp_path)
    choose(monkeypatch, path)
    qtbot.mouseClick(dialog.result_page.another_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.mapping_page.inspection is not None, timeout=10_000)
    map_who(qtbot, dialog, "expo")
    assert dialog.mapping_page.model.rejected_rows()
    qtmodeltester.check(dialog.mapping_page.model)
    run_dialog(qtbot, dialog)
    assert dialog.result_page.rejections.rowCount() == 1
    qtmodeltester.check(dialog.result_page.rejections)
    dialog.close()


def test_the_dialog_speaks_japanese(
    qtbot: QtBot,
    qapp,  # type: ignore[no-untyped-def]
    worker: DbWorker,
    sqlite_demo_db: Database,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with HUBSPOT.open(encoding="utf-8-sig", newline="") as stream:
        cells = {cell for row in csv.reader(stream) for cell in row if cell}
    # The file (its name, cells, tool and source) is data; so are the names of the
    # encoding and the phone format, the example source name, and the Latin letters
    # Japanese writes too (ID, MA ツール, Web サイト). Longest first.
    data = [*data_strings(sqlite_demo_db), *cells, HUBSPOT.name, "HubSpot", "hubspot"]
    data += ["UTF-8 (BOM)", "E.164", "acme-ma", "ID", "MA", "Web"]
    data.sort(key=len, reverse=True)
    with speaking(qapp, "ja"):
        window = main_window(qtbot, worker, user_of(sqlite_demo_db, MARKETING), settings)
        assert window.menu_actions.import_leads.text() == "リードを取り込む(&I)…"
        dialog = open_dialog(qtbot, window, monkeypatch, HUBSPOT)
        page = dialog.mapping_page
        assert page.recognised.text() == "HubSpot のエクスポート、文字コード UTF-8 (BOM)"
        qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
        assert untranslated(shown_texts(dialog), data) == {}
        run_dialog(qtbot, dialog)
        assert untranslated(shown_texts(dialog), data) == {}
        assert dialog.result_page.count_labels["landed"].text() == "10"
        dialog.close()
        window.close()
