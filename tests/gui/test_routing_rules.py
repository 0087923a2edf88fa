"""Team rules: the days field sales have to answer, and the routing rules edited as a
table (add, tick, move, remove), saved, then used by the suggestion; a refused rule keeps
what was typed and says why next to the rules."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from desktop.main.settings import Settings
from desktop.main.window import MainWindow
from desktop.operations.worker import DbWorker
from models.core.entities import Account, Lead, User
from models.db.database import Database
from models.handoff.routing import suggest_field_rep
from models.teams.users import user_by_email
from tests.gui.test_team_rules import LEAD_EMAIL, closed, open_rules, rules_of


@pytest.fixture
def lead_window(
    qtbot: QtBot, worker: DbWorker, sqlite_demo_db: Database, settings: Settings
) -> MainWindow:
    """The team lead's window."""
    with sqlite_demo_db.read() as session:
        user = user_by_email(session, LEAD_EMAIL)
    window = MainWindow(worker, user, settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.model.loaded, timeout=10_000):
        window.show()
    return window


def _field_reps(db: Database) -> list[tuple[int, str]]:
    with db.read() as session:
        return [
            (r.id, r.display_name)
            for r in session.execute(
                select(User.id, User.display_name).where(User.role == "field_rep").order_by(User.id)
            )
        ]


def _lead_in(db: Database, region: str) -> int:
    with db.read() as session:
        lead_id = session.scalar(
            select(Lead.id)
            .join(Account, Account.id == Lead.account_id)
            .where(Account.region == region)
            .order_by(Lead.id)
            .limit(1)
        )
    assert lead_id is not None
    return lead_id


def test_routing_rules_edited_in_the_dialog_are_saved_and_route_leads(
    qtbot: QtBot, lead_window: MainWindow, sqlite_demo_db: Database
) -> None:
    reps = _field_reps(sqlite_demo_db)
    assert len(reps) >= 3
    (first, _), (second, second_name), (gone, gone_name) = reps[:3]
    with sqlite_demo_db.write() as session:
        session.execute(update(User).where(User.id == gone).values(active=False))
    dialog = open_rules(qtbot, lead_window)
    editor = dialog.routing
    qtbot.waitUntil(lambda: editor.lists["field_reps"].count() == len(reps), timeout=10_000)
    names = [editor.lists["field_reps"].item(n).text() for n in range(len(reps))]
    assert f"{gone_name} (inactive)" in names
    assert dialog.response_days.value() == 2 and editor.table.rowCount() == 0

    dialog.response_days.setValue(5)
    # Rule 1: Kansai and Chubu manufacturing to the second field rep.
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    editor.tick("regions", "kansai")
    editor.tick("industries", "manufacturing")
    editor.tick("field_reps", second)
    assert editor.table.item(0, 3).text() == second_name
    assert editor.table.item(0, 2).text() == "Any"
    # Rule 2 (added below, then moved up): Kansai to the first field rep.
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    editor.tick("regions", "kansai")
    editor.tick("field_reps", first)
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    assert editor.current() == 0
    # A third, removed again.
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert editor.table.rowCount() == 2

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    rules = rules_of(sqlite_demo_db)
    assert rules["handoff_response_days"] == 5
    assert rules["routing"] == [
        {"regions": ["kansai"], "industries": [], "size_bands": [], "field_reps": [first]},
        {
            "regions": ["kansai"],
            "industries": ["manufacturing"],
            "size_bands": [],
            "field_reps": [second],
        },
    ]
    with sqlite_demo_db.read() as session:
        suggestion = suggest_field_rep(session, _lead_in(sqlite_demo_db, "kansai"))
    assert (suggestion.field_rep_id, suggestion.rule) == (first, 1)

    # Opened again, the rules show as saved; saving untouched changes nothing.
    dialog = open_rules(qtbot, lead_window)
    assert dialog.routing.table.rowCount() == 2
    assert dialog.routing.rules() == rules["routing"]


def test_a_refused_rule_keeps_the_input_and_says_why_next_to_it(
    qtbot: QtBot, lead_window: MainWindow, sqlite_demo_db: Database
) -> None:
    dialog = open_rules(qtbot, lead_window)
    editor = dialog.routing
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    editor.tick("regions", "kyushu")
    editor.tick("size_bands", "50-299")  # no field rep ticked
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(editor.error.isVisible, timeout=10_000)
    assert editor.error.text() == "Routing rule 1 names no field rep."
    assert dialog.isVisible() and not dialog.error.isVisible()
    assert editor.current() == 0
    assert editor.rules()[0]["regions"] == ["kyushu"]
    assert editor.rules()[0]["size_bands"] == ["50-299"]
    assert rules_of(sqlite_demo_db)["routing"] == []

    # Fixed: a field rep ticked, saved.
    (rep, _name), *_ = _field_reps(sqlite_demo_db)
    editor.tick("field_reps", rep)
    assert editor.error.isHidden()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    assert rules_of(sqlite_demo_db)["routing"] == [
        {"regions": ["kyushu"], "industries": [], "size_bands": ["50-299"], "field_reps": [rep]}
    ]
