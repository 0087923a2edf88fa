"""Live refresh in team mode (PostgreSQL): two desktops, each with its own connections.

A change committed by somebody else reaches the other window's queue within a second,
re-reading only that lead's row (the queue is not reset); who is on the phone with a lead
shows in every queue; a rep whose call dialog is open on a lead is told, inside the
dialog, when somebody reassigns or changes it, and keeps what they typed; when the
feed's server connection is cut the window says so once, keeps unsaved work, listens
again by itself and reads the visible view again once.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from desktop.dialogs.call_dialog import CallDialog
from desktop.main.settings import Settings
from desktop.main.window import MainWindow
from desktop.operations.worker import DbWorker
from desktop.queue.model import COL_ATTEMPTS, COL_CLAIM
from models.core.entities import Lead, User
from models.db.database import Database, open_database
from models.leads.assignment import reassign
from models.leads.calls import CallDraft, log_call
from models.leads.phones import update_phone
from models.leads.queue import ANY_OWNER
from models.scoring import rescore
from models.teams.users import user_by_email
from tests.conftest import clone_demo
from tests.gui.conftest import open_call_dialog, record_row_reads, type_with_ime

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.parametrize("demo_template", ["postgresql"], indirect=True),
]

#: What "appears within a second" allows.
SECOND_MS = 1_000
NOTES = "受付の方に『<b>来週</b>』と言われた。"


@pytest.fixture
def team_url(demo_template: tuple[str, str], tmp_path: Path) -> Iterator[str]:
    url, drop = clone_demo(demo_template, tmp_path)
    yield url
    drop()


@pytest.fixture
def desktops(
    qtbot: QtBot, team_url: str, settings: Settings
) -> Iterator[Callable[[str], MainWindow]]:
    """Opens a desktop for a user: its own Database (engine, pool), worker and window."""
    opened: list[tuple[MainWindow, DbWorker, Database]] = []

    def open_desktop(email: str) -> MainWindow:
        db = open_database(team_url)
        with db.read() as session:
            user = user_by_email(session, email)
        worker = DbWorker(db)
        window = MainWindow(worker, user, settings)  # closed below, not by qtbot
        opened.append((window, worker, db))
        with qtbot.waitSignal(window.model.loaded, timeout=10_000):
            window.show()
        qtbot.waitUntil(
            lambda: window.lead_pane.detail is not None or not window.model.rowCount(),
            timeout=10_000,
        )
        assert window.live is not None
        qtbot.waitUntil(lambda: window.live is not None and window.live.feed.connected)
        return window

    yield open_desktop
    for window, worker, db in opened:
        if window.call_dialog is not None:
            window.call_dialog.done(0)  # closes without asking: the test is over
        window.close()
        qtbot.waitUntil(worker.idle, timeout=10_000)
        worker.stop()
        db.close()


@pytest.fixture
def other(team_url: str) -> Iterator[Database]:
    """Somebody else's connection (another desktop, a script)."""
    db = open_database(team_url)
    yield db
    db.close()


def uid(db: Database, local: str) -> int:
    with db.read() as session:
        return user_by_email(session, f"{local}@baton.example").id


def show_everyone(qtbot: QtBot, window: MainWindow) -> None:
    window.filters.owner.setCurrentIndex(window.filters.owner.findData(ANY_OWNER))
    qtbot.waitUntil(lambda: not window.model.loading and window.worker.idle(), timeout=10_000)


def cell(window: MainWindow, lead_id: int, column: int, role: Any = None) -> Any:
    row = window.model.row_of(lead_id)
    if row is None:
        return None
    index = window.model.index(row, column)
    return window.model.data(index, role if role is not None else Qt.ItemDataRole.DisplayRole)


def calling(qtbot: QtBot, rep: MainWindow) -> tuple[int, CallDialog]:
    """The rep opens the call dialog on their lead and types notes: (lead, dialog)."""
    lead_id = rep.lead_pane.current_lead_id()
    assert lead_id is not None
    dialog = open_call_dialog(qtbot, rep)
    type_with_ime(dialog.notes, NOTES)
    return lead_id, dialog


def test_a_change_by_another_desktop_reaches_the_queue_within_a_second_one_row_read(
    qtbot: QtBot,
    desktops: Callable[[str], MainWindow],
    other: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = desktops("misaki.sato@baton.example")
    model = window.model
    lead_id = model.lead_id(3)
    assert lead_id is not None and model.loaded_row(lead_id) is not None
    attempts = cell(window, lead_id, COL_ATTEMPTS)
    read = record_row_reads(monkeypatch)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))

    now = datetime.now(UTC)
    with other.write() as session:  # the team lead calls the prospect
        log_call(session, uid(other, "naoki.tanaka"), CallDraft(lead_id, "no_answer", now), now)
    qtbot.waitUntil(
        lambda: cell(window, lead_id, COL_ATTEMPTS) == str(int(attempts) + 1), timeout=SECOND_MS
    )
    assert read == [[lead_id]]  # that row only, nothing else fetched again
    assert resets == []  # moved in place: selection and scroll stay


def test_who_is_on_the_phone_shows_in_every_queue(
    qtbot: QtBot, desktops: Callable[[str], MainWindow], other: Database
) -> None:
    with other.write() as session:  # a name that is markup must stay text
        session.execute(
            update(User)
            .where(User.email == "misaki.sato@baton.example")
            .values(display_name="佐藤 <img src=/dev/zero>")
        )
    lead = desktops("naoki.tanaka@baton.example")
    show_everyone(qtbot, lead)
    rep = desktops("misaki.sato@baton.example")
    lead_id = rep.lead_pane.current_lead_id()
    assert lead_id is not None and lead.model.row_of(lead_id) is not None
    assert cell(lead, lead_id, COL_CLAIM) == ""

    dialog = open_call_dialog(qtbot, rep)
    qtbot.waitUntil(lambda: bool(cell(lead, lead_id, COL_CLAIM)), timeout=5_000)
    assert cell(lead, lead_id, COL_CLAIM) == "☎ 佐藤 <img src=/dev/zero>"
    tip = cell(lead, lead_id, COL_CLAIM, Qt.ItemDataRole.ToolTipRole)
    assert "&lt;img src=/dev/zero&gt;" in tip and "<img" not in tip
    # The rep's own queue shows it too (claiming refreshes nothing there by itself).
    qtbot.waitUntil(lambda: bool(cell(rep, lead_id, COL_CLAIM)), timeout=SECOND_MS)

    dialog.reject()  # nothing typed: closes at once, and lets go
    qtbot.waitUntil(lambda: cell(lead, lead_id, COL_CLAIM) == "", timeout=5_000)


def test_a_rep_is_told_inside_the_call_dialog_when_the_lead_is_reassigned(
    qtbot: QtBot, desktops: Callable[[str], MainWindow], other: Database
) -> None:
    lead_id, dialog = calling(qtbot, desktops("misaki.sato@baton.example"))

    naoki, shota = uid(other, "naoki.tanaka"), uid(other, "shota.suzuki")
    with other.write() as session:
        reassign(session, naoki, [lead_id], shota, "休暇のため", datetime.now(UTC))
    qtbot.waitUntil(dialog.presence.notice.isVisible, timeout=5_000)
    text = dialog.presence.notice.text()
    assert "田中 直樹" in text and "鈴木 翔太" in text
    assert dialog.isVisible() and dialog.notes.toPlainText() == NOTES  # kept

    dialog.outcomes.button(1).click()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=5_000)  # no longer hers to save
    assert dialog.isVisible() and dialog.notes.toPlainText() == NOTES


def test_a_change_under_an_open_call_dialog_is_shown_before_saving(
    qtbot: QtBot, desktops: Callable[[str], MainWindow], other: Database
) -> None:
    lead_id, dialog = calling(qtbot, desktops("misaki.sato@baton.example"))
    version = dialog.target.version

    with other.write() as session:  # the team lead enters the number the rep gave them
        update_phone(
            session, uid(other, "naoki.tanaka"), lead_id, "03-5555-0101", datetime.now(UTC)
        )
    qtbot.waitUntil(dialog.presence.notice.isVisible, timeout=5_000)
    said = dialog.presence.notice.text()
    assert "田中 直樹" in said and "a new phone number was entered" in said  # from the audit
    qtbot.waitUntil(lambda: dialog.target.version != version, timeout=5_000)  # values reloaded
    assert dialog.notes.toPlainText() == NOTES

    dialog.outcomes.button(1).click()  # told already: the save goes through at once
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    with other.read() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None and lead.phone == "03-5555-0101"


def test_the_feed_cut_off_says_so_once_keeps_the_work_and_listens_again(
    qtbot: QtBot, desktops: Callable[[str], MainWindow], other: Database, pg_server: str
) -> None:
    window = desktops("misaki.sato@baton.example")
    assert window.live is not None
    feed = window.live.feed
    dialog = open_call_dialog(qtbot, window)
    type_with_ime(dialog.notes, NOTES)
    qtbot.waitUntil(window.worker.idle)
    loads: list[int] = []
    window.model.loaded.connect(loads.append)
    banners: list[str] = []
    window.policy.banner_changed.connect(banners.append)
    cut = feed.backend_pid

    with psycopg.connect(_conninfo(pg_server), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (cut,))
    qtbot.waitUntil(lambda: feed.connected and feed.backend_pid != cut, timeout=10_000)
    qtbot.waitUntil(lambda: window.policy.banner == "", timeout=5_000)
    said = [b for b in banners if b]
    assert len(said) == 1 and "cannot be reached" in said[0]  # once
    qtbot.waitUntil(lambda: len(loads) == 1, timeout=5_000)  # the view read again, once
    qtbot.wait(300)
    assert len(loads) == 1
    assert dialog.isVisible() and dialog.notes.toPlainText() == NOTES  # unsaved work kept

    # Listening again: the next change by somebody else arrives as before.
    lead_id = window.model.lead_id(2)
    assert lead_id is not None
    attempts = cell(window, lead_id, COL_ATTEMPTS)
    now = datetime.now(UTC)
    with other.write() as session:
        log_call(session, uid(other, "naoki.tanaka"), CallDraft(lead_id, "busy", now), now)
    qtbot.waitUntil(
        lambda: cell(window, lead_id, COL_ATTEMPTS) == str(int(attempts) + 1), timeout=SECOND_MS
    )


def _conninfo(server: str) -> str:
    from sqlalchemy.engine import make_url

    url = make_url(server)
    return psycopg.conninfo.make_conninfo(
        host=url.host or "", port=url.port or 5432, dbname=url.database or "postgres"
    )


def test_a_rescoring_elsewhere_reloads_the_queue_about_once_a_second_not_per_chunk(
    qtbot: QtBot,
    desktops: Callable[[str], MainWindow],
    other: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = desktops("misaki.sato@baton.example")
    loads: list[float] = []
    window.model.loaded.connect(lambda _count: loads.append(time.monotonic()))
    monkeypatch.setattr(rescore, "CHUNK", 25)  # a dozen transactions, one after another
    started = time.monotonic()
    report = rescore.rescore_all(other, datetime.now(UTC))
    assert report.leads >= 250
    qtbot.waitUntil(lambda: bool(loads), timeout=SECOND_MS)
    qtbot.wait(2_500)
    assert 1 <= len(loads) <= 4, [round(t - started, 2) for t in loads]
    gaps = [b - a for a, b in itertools.pairwise(loads)]
    assert all(gap >= 0.9 for gap in gaps), gaps
