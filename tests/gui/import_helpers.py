"""For the import dialog's tests: exports (the samples of tests/data/imports, a file no
preset knows with a hostile header, a big HubSpot export, a workbook with two sheets) and
driving the dialog as a user does (the menu, the file chosen, columns picked, Import)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.imports.import_dialog import ImportDialog
from desktop.imports.tasks import ImportOutcome
from desktop.main.settings import Settings
from desktop.main.window import MainWindow
from desktop.operations.worker import DbWorker
from models.core.entities import Lead
from models.db.database import Database
from models.imports.fields import Field, ImportKind
from models.leads.queue import ANY_OWNER
from models.teams.users import UserInfo, user_by_email

ADMIN = "makoto.kobayashi@baton.example"
MARKETING = "ai.nakamura@baton.example"
SAMPLES = Path(__file__).resolve().parent.parent / "data" / "imports"
HUBSPOT = SAMPLES / "hubspot_contacts.csv"

#: A trade-show list from no tool Baton knows; the last column's header is markup.
UNKNOWN_HEADER = ["来場者名", "会社", "メール", "電話", "来場日", "<img src=x>"]
UNKNOWN_ROWS = [
    [
        "青木 一郎",
        "株式会社アオキ精機",
        "ichiro@aoki-seiki.example",
        "03-1111-2201",
        "2026-10-01",
        "A",
    ],
    ["石井 花子", "石井商事(株)", "hanako@ishii.example", "06-2222-3302", "2026-10-01", "B"],
    ["上田 健", "<b>上田</b>工業", "not-an-email", "045-333-4403", "2026-10-02", "C"],
    ["江藤 愛", "江藤ソフト", "ai@eto-soft.example", "", "2026-02-30", "D"],
]


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        out = csv.writer(stream)
        out.writerow(header)
        out.writerows(rows)
    return path


def unknown_export(
    folder: Path, name: str = "expo.csv", rows: list[list[str]] | None = None
) -> Path:
    return write_csv(folder / name, UNKNOWN_HEADER, UNKNOWN_ROWS if rows is None else rows)


def big_hubspot(folder: Path, count: int) -> Path:
    """``count`` new contacts in HubSpot's export (each its own email and phone)."""
    with HUBSPOT.open(encoding="utf-8-sig", newline="") as stream:
        header = next(csv.reader(stream))
    rows = []
    for n in range(count):
        row = dict.fromkeys(header, "")
        row.update(
            {
                "Record ID": str(90_000_000 + n),
                "First Name": "太郎",
                "Last Name": f"試験{n}",
                "Email": f"taro{n}@bulk{n % 50}.example",
                "Phone Number": f"03-{5000 + n // 10_000:04d}-{n % 10_000:04d}",
                "Company Name": f"株式会社バルク{n % 50}",
                "Create Date": "2026-10-01 09:00",
            }
        )
        rows.append([row[h] for h in header])
    return write_csv(folder / "bulk.csv", header, rows)


def two_sheets(folder: Path) -> Path:
    """A workbook whose first sheet is a summary and whose second holds the contacts."""
    import openpyxl

    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "集計"
    summary.append(["月", "件数"])
    summary.append(["10月", 2])
    contacts = book.create_sheet("リスト <1>")
    with HUBSPOT.open(encoding="utf-8-sig", newline="") as stream:
        for row in list(csv.reader(stream))[:3]:
            contacts.append(row)
    path = folder / "two_sheets.xlsx"
    book.save(path)
    return path


def user_of(db: Database, email: str) -> UserInfo:
    with db.read() as session:
        return user_by_email(session, email)


def main_window(qtbot: QtBot, worker: DbWorker, user: UserInfo, settings: Settings) -> MainWindow:
    """The main window showing every owner's leads."""
    window = MainWindow(worker, user, settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.model.loaded, timeout=10_000):
        window.show()
    owner = window.filters.owner
    if owner.findData(ANY_OWNER) >= 0 and owner.currentData() != ANY_OWNER:
        with qtbot.waitSignal(window.model.loaded, timeout=10_000):
            owner.setCurrentIndex(owner.findData(ANY_OWNER))
    qtbot.waitUntil(lambda: not window.model.loading and window.worker.idle(), timeout=10_000)
    return window


def choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The file dialog answers ``path`` (the system's dialog cannot be driven offscreen)."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args, **_kwargs: (str(path), ""))


def open_dialog(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    path: Path,
    kind: ImportKind = ImportKind.LEADS,
) -> ImportDialog:
    choose(monkeypatch, path)
    action = window.menu_actions.import_leads
    if kind is ImportKind.TOUCHES:
        action = window.menu_actions.import_touches
    action.trigger()
    dialogs = [d for d in window.findChildren(ImportDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.waitUntil(lambda: dialog.mapping_page.inspection is not None, timeout=10_000)
    return dialog


def run_dialog(qtbot: QtBot, dialog: ImportDialog) -> ImportOutcome:
    page = dialog.mapping_page
    assert page.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=60_000) as done:
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    outcome: ImportOutcome = done.args[0]
    return outcome


def leads_with_email(db: Database, like: str) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count(Lead.id)).where(Lead.email.like(like))) or 0)


def pick(dialog: ImportDialog, target: Field, header: str) -> None:
    combo = dialog.mapping_page.form.combos[target]
    index = combo.findData(header)
    assert index > 0, header
    combo.setCurrentIndex(index)


def map_who(qtbot: QtBot, dialog: ImportDialog, source: str) -> None:
    """The source typed, then the name, company and email columns of the expo list."""
    qtbot.keyClicks(dialog.mapping_page.form.source.lineEdit(), source)
    for target, header in (
        (Field.NAME, "来場者名"),
        (Field.COMPANY, "会社"),
        (Field.EMAIL, "メール"),
    ):
        pick(dialog, target, header)
