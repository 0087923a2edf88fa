"""Two-line column titles: the workload's ten columns fit a 1366-pixel laptop screen in
Japanese and English, every title whole on at most two lines, broken at a space where it
has one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from desktop.main.settings import Settings
from desktop.operations.worker import DbWorker
from desktop.widgets.two_line_titles import (
    PADDING,
    good_break,
    line_ends,
    title_font,
    title_width,
)
from models.db.database import Database
from models.teams.away import add_away
from models.teams.users import user_by_email
from tests.gui.test_japanese_everywhere import speaking
from tests.gui.test_reassign_and_workload import TEAM_LEAD, _open_window, _open_workload, _user

AWAY = "yumi.takahashi@baton.example"
AWAY_LATER = "ken.ito@baton.example"
#: The workload window's width on a 1366×768 screen.
LAPTOP_WIDTH = 1180


def _font(qapp: QCoreApplication) -> QFont:
    return title_font(QTableView())


@pytest.mark.parametrize("title", ["空き / 上限", "Free / capacity", "Callbacks later today"])
def test_a_title_with_spaces_breaks_at_one(qapp: QCoreApplication, title: str) -> None:
    font = _font(qapp)
    width = title_width(font, title, 0)
    ends = line_ends(font, title, width)
    assert len(ends) == 2
    assert " " in title[ends[0] - 1 : ends[0] + 1], (title, ends)


def test_a_japanese_title_without_spaces_takes_two_lines(qapp: QCoreApplication) -> None:
    font = _font(qapp)
    title = "本日この後の折り返し"
    width = title_width(font, title, 0)
    ends = line_ends(font, title, width)
    assert len(ends) == 2 and title[: ends[0]] == "本日この後の"  # not "本日この後" + "の…"
    narrower = line_ends(font, title, width - 1)  # the narrowest width that breaks well
    assert len(narrower) > 2 or not good_break(title, narrower[0])


@pytest.mark.parametrize(
    ("title", "first_line"),
    [("送客リード数", "送客リード"), ("ナーチャリングに戻した", "ナーチャリングに")],
)
def test_a_japanese_title_breaks_where_the_script_changes(
    qapp: QCoreApplication, title: str, first_line: str
) -> None:
    font = _font(qapp)
    ends = line_ends(font, title, title_width(font, title, 0))
    assert len(ends) == 2 and title[: ends[0]] == first_line, (title, ends)


def test_no_line_starts_with_a_closing_bracket_or_a_long_vowel(qapp: QCoreApplication) -> None:
    font = _font(qapp)
    for title in ("引き渡しまでの日数（中央値）", "リーチ率", "コール／時"):
        for least in range(0, 120, 3):
            ends = line_ends(font, title, title_width(font, title, least))
            assert len(ends) <= 2
            if len(ends) == 2:
                assert title[ends[0]] not in "）ー", (title, least, ends)


def test_a_title_narrower_than_its_cells_stays_on_one_line(qapp: QCoreApplication) -> None:
    font = _font(qapp)
    assert title_width(font, "本日", 200) == 200
    assert len(line_ends(font, "本日", 200)) == 1


def _away_this_week_and_next(db: Database, lead_id: int) -> None:
    """The widest statuses: a rep away until a day, another away next week."""
    now = datetime.now(UTC)
    today = now.date()
    with db.write() as session:
        for email, starts in ((AWAY, today), (AWAY_LATER, today + timedelta(days=7))):
            user_id = user_by_email(session, email).id
            add_away(session, lead_id, user_id, starts, starts + timedelta(days=2), "", now)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_workload_fits_a_laptop_screen(
    qtbot: QtBot,
    qapp: QCoreApplication,
    worker: DbWorker,
    sqlite_demo_db: Database,
    settings: Settings,
    language: str,
) -> None:
    lead = _user(sqlite_demo_db, TEAM_LEAD)
    _away_this_week_and_next(sqlite_demo_db, lead.id)
    with speaking(qapp, language):
        window = _open_window(qtbot, worker, lead, settings)
        view = _open_workload(qtbot, window)
        view.resize(LAPTOP_WIDTH, view.height())
        qtbot.waitUntil(lambda: view.width() == LAPTOP_WIDTH)
        header = view.table.horizontalHeader()
        font = title_font(view.table)
        for column in range(view.model.columnCount()):
            title = str(view.model.headerData(column, Qt.Orientation.Horizontal))
            lines = line_ends(font, title, header.sectionSize(column) - PADDING)
            assert len(lines) <= 2, title
            assert header.sectionSize(column) >= view.table.sizeHintForColumn(column), title
        assert header.length() <= view.table.viewport().width()
        assert not view.table.horizontalScrollBar().isVisible()
        view.close()
