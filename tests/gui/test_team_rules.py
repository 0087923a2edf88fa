"""File → Team rules…: a team lead changes the team's working rules in a dialog; a wrong
hour is said in the user's language, naming the field and what is allowed; a stale form
is refused with what changed and keeps what was typed; a rep reads the rules only."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu
from pytestqt.qtbot import QtBot

from desktop.dialogs.team_rules_dialog import TeamRulesDialog
from desktop.main.settings import Settings
from desktop.main.window import MainWindow
from desktop.operations.worker import DbWorker
from models.core.entities import AuditEntry
from models.db.database import Database
from models.teams.rules import list_teams, update_settings
from models.teams.users import UserInfo, user_by_email
from tests.gui.test_error_messages_ja import japanese  # noqa: F401 - the fixture

LEAD_EMAIL = "naoki.tanaka@baton.example"
ADMIN_EMAIL = "makoto.kobayashi@baton.example"
SAY_START = (
    "Business hours, start: “25:00” is not a time of day. Write HH:MM, from 00:00 to "
    "23:59 (for example 09:00)."
)


@pytest.fixture
def lead_window(
    qtbot: QtBot, worker: DbWorker, sqlite_demo_db: Database, settings: Settings
) -> MainWindow:
    """The window of the team lead (the demo's 田中 直樹)."""
    with sqlite_demo_db.read() as session:
        user: UserInfo = user_by_email(session, LEAD_EMAIL)
    w = MainWindow(worker, user, settings)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.model.loaded, timeout=10_000):
        w.show()
    return w


def open_rules(qtbot: QtBot, window: MainWindow) -> TeamRulesDialog:
    """The user opens File → Team rules… and waits for the rules to show."""
    file_menu = window.menuBar().findChildren(QMenu)[0]
    assert window.menu_actions.team_rules in file_menu.actions()
    window.menu_actions.team_rules.trigger()

    def shown() -> TeamRulesDialog | None:
        # A dialog closed before may still await its deletion: only the one on screen.
        for found in window.findChildren(TeamRulesDialog):
            if shiboken6.isValid(found) and found.isVisible():
                return found
        return None

    qtbot.waitUntil(lambda: shown() is not None)
    dialog = shown()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.team is not None and dialog.isVisible())
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Click into the field, select what is there and type over it."""
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def closed(dialog: TeamRulesDialog) -> bool:
    """Closed (the dialog deletes itself once closed)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def rules_of(db: Database) -> dict[str, object]:
    with db.read() as session:
        return list_teams(session)[0].settings


def test_a_team_lead_changes_the_rules_after_fixing_a_wrong_hour(
    qtbot: QtBot, lead_window: MainWindow, sqlite_demo_db: Database
) -> None:
    dialog = open_rules(qtbot, lead_window)
    assert (dialog.start.text(), dialog.end.text()) == ("09:00", "18:00")
    assert [box.isChecked() for box in dialog.days] == [True] * 5 + [False] * 2
    assert dialog.save_button.isEnabled() and not dialog.read_only.isVisible()

    retype(qtbot, dialog.start, "25:00")
    qtbot.keyClick(dialog.start, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.error.isVisible)
    assert dialog.error.text() == SAY_START
    assert dialog.isVisible() and dialog.start.text() == "25:00"  # kept, to be fixed
    assert QApplication.focusWidget() is dialog.start
    assert rules_of(sqlite_demo_db)["business_hours"]["start"] == "09:00"  # type: ignore[index]

    retype(qtbot, dialog.start, "10:00")
    qtbot.mouseClick(dialog.days[5], Qt.MouseButton.LeftButton)  # Saturday too
    dialog.sla.setFocus()
    dialog.sla.selectAll()
    qtbot.keyClicks(dialog.sla, "15")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog))
    rules = rules_of(sqlite_demo_db)
    assert rules["business_hours"] == {  # type: ignore[comparison-overlap]
        "start": "10:00",
        "end": "18:00",
        "weekdays": [0, 1, 2, 3, 4, 5],
    }
    assert rules["sla_minutes"] == 15
    assert rules["attempts"] == {"max_unanswered": 6, "period_days": 14}


@pytest.mark.usefixtures("japanese")
def test_a_wrong_hour_is_said_in_japanese(qtbot: QtBot, lead_window: MainWindow) -> None:
    dialog = open_rules(qtbot, lead_window)
    assert dialog.windowTitle() == "チームのルール"
    retype(qtbot, dialog.end, "25:00")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible)
    assert dialog.error.text() == (
        "営業時間（終了）：「25:00」は時刻ではありません。00:00〜23:59 の HH:MM 形式で"
        "入力してください（例: 18:00）。"
    )
    assert QApplication.focusWidget() is dialog.end


def test_rules_changed_meanwhile_are_refused_with_what_changed_and_what_was_typed_kept(
    qtbot: QtBot, lead_window: MainWindow, sqlite_demo_db: Database
) -> None:
    dialog = open_rules(qtbot, lead_window)
    # Meanwhile the administrator raises the first-call target.
    with sqlite_demo_db.write() as session:
        admin = user_by_email(session, ADMIN_EMAIL)
        team = list_teams(session)[0]
        update_settings(session, admin.id, team.id, {"sla_minutes": 30}, datetime.now(UTC))
    retype(qtbot, dialog.end, "19:00")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.changed_note.isVisible)
    assert dialog.error.text().startswith(
        f"The rules of {team.name} were changed since you opened them (by 小林 誠 at "
    )
    assert "nothing was saved" in dialog.error.text()
    assert dialog.changed_note.text() == "Changed meanwhile: First-call target (SLA)."
    assert dialog.sla.value() == 30  # the current value of what the lead did not touch
    assert dialog.end.text() == "19:00"  # what the lead typed
    assert rules_of(sqlite_demo_db)["business_hours"]["end"] == "18:00"  # type: ignore[index]
    # Saving again saves over the current rules: the administrator's change stays.
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog))
    rules = rules_of(sqlite_demo_db)
    assert rules["business_hours"]["end"] == "19:00"  # type: ignore[index]
    assert rules["sla_minutes"] == 30


def test_a_rep_reads_the_rules_and_cannot_save(
    qtbot: QtBot, window: MainWindow, sqlite_demo_db: Database
) -> None:
    dialog = open_rules(qtbot, window)
    assert dialog.start.text() == "09:00" and dialog.sla.value() == 5
    assert dialog.read_only.isVisible()
    assert not dialog.form.isEnabled()
    assert not dialog.save_button.isEnabled()
    assert dialog.save_button.toolTip() == (
        "Only team leads and administrators change these rules."
    )
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: closed(dialog))
    with sqlite_demo_db.read() as session:
        assert not session.query(AuditEntry).filter_by(entity="team").count()
