"""Mapping a file by hand in the import dialog: a file no preset knows, its columns
picked one by one with the preview following each choice (rejected rows red, with why),
the mapping remembered for the next file of its source, or picked from the sources kept;
a workbook with two sheets asks which one. Headers shown as written, never as markup."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.imports.import_dialog import ImportDialog
from desktop.imports.preview_model import RejectedRole
from desktop.main.settings import Settings
from desktop.main.window import MainWindow
from desktop.operations.worker import DbWorker
from models.db.database import Database
from models.imports.fields import Field, ImportKind
from models.imports.mapping import remembered
from tests.gui.import_helpers import (
    ADMIN,
    UNKNOWN_HEADER,
    choose,
    leads_with_email,
    main_window,
    map_who,
    open_dialog,
    pick,
    run_dialog,
    two_sheets,
    unknown_export,
    user_of,
    write_csv,
)


@pytest.fixture
def admin_window(
    qtbot: QtBot, worker: DbWorker, sqlite_demo_db: Database, settings: Settings
) -> MainWindow:
    return main_window(qtbot, worker, user_of(sqlite_demo_db, ADMIN), settings)


def test_a_file_no_preset_knows_is_mapped_by_hand_and_remembered(
    qtbot: QtBot,
    admin_window: MainWindow,
    sqlite_demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hostile = tmp_path / "<img src=x>expo.csv"
    dialog = open_dialog(qtbot, admin_window, monkeypatch, unknown_export(tmp_path, hostile.name))
    page = dialog.mapping_page
    form = page.form
    # Nothing recognised: the mapping is open, nothing mapped, Import waits for it.
    assert page.file_label.text() == "<img src=x>expo.csv"
    assert page.file_label.textFormat() == Qt.TextFormat.PlainText
    assert page.recognised.textFormat() == Qt.TextFormat.PlainText
    assert page.recognised.text().startswith("Baton does not recognise these columns")
    assert not page.form_area.isHidden()
    assert not page.import_button.isEnabled()
    assert form.missing.text().startswith("Still needed: Source system; External ID or Email")
    assert page.model.rowCount() == 0
    # Every column offered, the markup one as written.
    offered = [
        form.combos[Field.EMAIL].itemText(i) for i in range(form.combos[Field.EMAIL].count())
    ]
    assert offered[1:] == UNKNOWN_HEADER
    assert form.combos[Field.EMAIL].itemText(6) == "<img src=x>"

    qtbot.keyClicks(form.source.lineEdit(), "expo-2026")
    pick(dialog, Field.NAME, "来場者名")
    pick(dialog, Field.COMPANY, "会社")
    assert page.model.rowCount() == 0  # no identity mapped yet
    pick(dialog, Field.EMAIL, "メール")
    # The preview follows: two rows land, the bad email is red with why.
    assert page.import_button.isEnabled()
    assert page.model.rowCount() == 4
    assert page.model.rejected_rows() == [2]
    bad = page.model.index(2, 1)
    assert bad.data(RejectedRole) is True
    assert (
        bad.data()
        == "Row 4, column “メール”: Email address “not-an-email” is not an email address."
    )
    assert page.model.index(2, 1).data(Qt.ItemDataRole.ForegroundRole) is not None
    pick(dialog, Field.PHONE, "電話")
    pick(dialog, Field.TOUCH_AT, "来場日")
    pick(dialog, Field.CONTENT, "<img src=x>")
    kind = form.touch_kind
    kind.setCurrentIndex(kind.findData("trade_show_scan"))
    assert page.model.rowCount() == 4
    assert page.model.index(0, 5).data() == "Trade-show badge scan"
    assert page.model.index(0, 6).data() == "A"
    assert page.model.rejected_rows() == [2, 3]
    assert "2026-02-30" in page.model.index(3, 1).data()

    report = run_dialog(qtbot, dialog).report
    assert (report.landed, report.rejected) == (2, 2)
    assert leads_with_email(sqlite_demo_db, "%@aoki-seiki.example") == 1
    rejected = dialog.result_page.rejections
    assert rejected.index(0, 2).data() == "メール"
    assert rejected.index(1, 2).data() == "来場日"
    with sqlite_demo_db.read() as session:
        kept = remembered(session, "expo-2026", ImportKind.LEADS)
    assert kept is not None and kept.columns[Field.CONTENT] == "<img src=x>"

    # The next file from that source: the columns in another order, recognised as it.
    reordered = [UNKNOWN_HEADER[i] for i in (2, 0, 1, 3, 4, 5)]
    rows = [["k@kato.example", "加藤 次郎", "加藤電機", "03-4444-5505", "2026-10-03", "E"]]
    choose(monkeypatch, write_csv(tmp_path / "expo-day2.csv", reordered, rows))
    qtbot.mouseClick(dialog.result_page.another_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.inspection is not None, timeout=10_000)
    assert page.recognised.text() == "The mapping kept for “expo-2026”, encoding UTF-8"
    assert form.combos[Field.EMAIL].currentData() == "メール"
    assert form.touch_kind.currentData() == "trade_show_scan"
    assert page.model.rowCount() == 1 and not page.model.rejected_rows()
    assert run_dialog(qtbot, dialog).report.landed == 1
    dialog.close()


def test_a_remembered_source_fills_the_mapping_when_picked(
    qtbot: QtBot,
    admin_window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A file with fewer columns than the remembered mapping names (so not recognised):
    picking the source fills what this file has."""
    dialog = open_dialog(qtbot, admin_window, monkeypatch, unknown_export(tmp_path))
    form = dialog.mapping_page.form
    map_who(qtbot, dialog, "expo")
    pick(dialog, Field.CONTENT, "<img src=x>")
    run_dialog(qtbot, dialog)
    short = write_csv(tmp_path / "short.csv", UNKNOWN_HEADER[:3], [["a b", "c", "d@e.example"]])
    choose(monkeypatch, short)
    qtbot.mouseClick(dialog.result_page.another_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.mapping_page.inspection is not None, timeout=10_000)
    assert dialog.mapping_page.inspection.resolved is None
    assert [form.source.itemText(i) for i in range(form.source.count())] == ["expo"]
    form.source.textActivated.emit("expo")  # the user picks it from the list
    assert form.source.currentText() == "expo"
    assert form.combos[Field.EMAIL].currentData() == "メール"
    assert form.combos[Field.CONTENT].currentData() is None  # this file has no such column
    assert dialog.mapping_page.import_button.isEnabled()
    dialog.close()


def test_a_workbook_with_two_sheets_asks_which(
    qtbot: QtBot,
    admin_window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    choose(monkeypatch, two_sheets(tmp_path))
    admin_window.menu_actions.import_leads.trigger()
    dialog = admin_window.findChildren(ImportDialog)[0]
    page = dialog.mapping_page
    qtbot.waitUntil(page.sheet_row.isVisible, timeout=10_000)
    assert page.recognised.text() == "This workbook has several sheets with data."
    assert [page.sheets.itemText(i) for i in range(page.sheets.count())] == ["集計", "リスト <1>"]
    assert not page.import_button.isEnabled()
    page.sheets.setCurrentIndex(1)
    with qtbot.waitSignal(dialog.opened, timeout=10_000):
        qtbot.mouseClick(page.sheet_button, Qt.MouseButton.LeftButton)
    assert page.sheet_row.isHidden()
    assert page.recognised.text() == "HubSpot export, sheet リスト <1>"
    assert page.model.rowCount() == 2
    assert run_dialog(qtbot, dialog).report.sheet == "リスト <1>"
    dialog.close()
