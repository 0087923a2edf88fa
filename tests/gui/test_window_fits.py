"""The window fits the work on a 1366×768 laptop and on a full-HD screen, and each user
gets back the layout they left (issue 8)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings
from pytestqt.qtbot import QtBot

from desktop.main.layout import first_geometry
from desktop.main.settings import Settings
from desktop.main.window import MainWindow
from desktop.operations.worker import DbWorker
from models.teams.users import UserInfo, user_by_email

ROOT = Path(__file__).resolve().parents[2]
SCREENS = ROOT / "tests" / "screens"


@pytest.mark.parametrize("size", ["1366x768", "1920x1080"])
def test_the_first_start_fits_the_screen_and_shows_what_matters(
    size: str, sqlite_demo_template: Path, tmp_path: Path
) -> None:
    database = tmp_path / "demo.sqlite3"
    shutil.copy(sqlite_demo_template, database)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.gui.window_probe",
            str(SCREENS / f"{size}.json"),
            str(database),
            str(tmp_path / "settings.ini"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "HOME": str(tmp_path)},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["window_inside_screen"], report
    assert report["status_bar_visible"], report
    assert report["columns_cut"] == [], report  # name, company, score, why now, first call
    assert report["timeline_rows"] >= 6, report


def test_first_geometry_never_exceeds_the_screen() -> None:
    laptop = QRect(0, 0, 1366, 728)  # 768 less a 40-pixel panel
    rect = first_geometry(laptop)
    assert laptop.contains(rect)
    assert rect.width() >= 1300 and rect.height() >= 650
    large = QRect(0, 0, 2560, 1400)
    assert first_geometry(large).size().width() == 1440


def test_each_user_gets_back_their_own_layout(
    qtbot: QtBot, worker: DbWorker, rep: UserInfo, tmp_path: Path
) -> None:
    settings = Settings(QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat))
    first = MainWindow(worker, rep, settings)
    qtbot.addWidget(first)
    first.show()
    first.setGeometry(QRect(40, 50, 1200, 700))
    splitter = first.layout_memory._parts["splitter"]
    splitter.setSizes([500, 700])  # type: ignore[union-attr]
    kept = splitter.sizes()  # type: ignore[union-attr]
    first.close()
    again = MainWindow(worker, rep, settings)
    qtbot.addWidget(again)
    again.show()
    assert again.geometry().size() == QRect(40, 50, 1200, 700).size()
    assert again.layout_memory._parts["splitter"].sizes() == kept  # type: ignore[union-attr]
    again.close()
    with worker.db.read() as session:
        other = user_by_email(session, "shota.suzuki@baton.example")
    theirs = MainWindow(worker, other, settings)
    qtbot.addWidget(theirs)
    theirs.show()
    assert theirs.geometry().size() != QRect(40, 50, 1200, 700).size()  # their first start
    theirs.close()
