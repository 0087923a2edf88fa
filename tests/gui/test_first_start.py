"""The first start on a database with no user: the app offers to create its administrator,
then signs in as them; a database that has users meanwhile refuses it, keeping the form."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.dialogs.user_picker import FirstAdminDialog
from desktop.main import app
from desktop.main.settings import Settings
from models.db.database import Database, open_database
from models.teams.rules import team_of
from models.teams.users import add_user, list_users
from tests.gui.conftest import type_with_ime


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    yield database
    database.close()


def _settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def _when_shown(qtbot: QtBot, act: Callable[[FirstAdminDialog], None]) -> None:
    """Once the first-admin dialog is on screen (modal), act in it as the user."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not (isinstance(dialog, FirstAdminDialog) and dialog.isActiveWindow()):
            QTimer.singleShot(20, poll)
            return
        try:
            act(dialog)
        finally:
            if dialog.isVisible() and dialog.result() != FirstAdminDialog.DialogCode.Accepted:
                dialog.reject()  # a failed step ends the test instead of hanging it

    QTimer.singleShot(0, poll)


def _fill(qtbot: QtBot, dialog: FirstAdminDialog, name: str, email: str) -> None:
    type_with_ime(dialog.name, name)
    dialog.email.setFocus()
    qtbot.keyClicks(dialog.email, email)


def test_a_new_database_creates_its_admin_and_signs_in_as_them(
    qtbot: QtBot, tmp_path: Path, empty_db: Database
) -> None:
    seen: dict[str, str] = {}

    def act(dialog: FirstAdminDialog) -> None:
        seen["title"] = dialog.windowTitle()
        seen["focus"] = QApplication.focusWidget().objectName()
        _fill(qtbot, dialog, "森 愛子", "aiko.mori@example.jp")
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    _when_shown(qtbot, act)
    settings = _settings(tmp_path)
    user = app.choose_user(empty_db, settings, None)
    assert seen == {"title": "Create the first administrator", "focus": "adminName"}
    assert user is not None
    assert (user.display_name, user.email, user.role) == (
        "森 愛子",
        "aiko.mori@example.jp",
        "admin",
    )
    with empty_db.read() as session:
        assert list_users(session) == [user]
        assert team_of(session, user.id).id == user.team_id
    # The next start signs in as them without asking.
    assert app.choose_user(empty_db, settings, None) == user


def test_a_refusal_is_said_under_the_form_and_keeps_what_was_typed(
    qtbot: QtBot, tmp_path: Path, empty_db: Database
) -> None:
    said: list[str] = []

    def act(dialog: FirstAdminDialog) -> None:
        _fill(qtbot, dialog, "森 愛子", "aiko.mori")
        qtbot.keyClick(dialog.email, Qt.Key.Key_Return)
        said.append(dialog.error.text() if dialog.error.isVisible() else "")
        said.append(f"{dialog.name.text()}|{dialog.email.text()}")
        said.append(QApplication.focusWidget().objectName())
        # Meanwhile someone else's start created a user: the domain refuses a first admin.
        with empty_db.write() as session:
            add_user(
                session, actor_id=None, email="first@example.jp", display_name="First", role="admin"
            )
        dialog.email.setText("aiko.mori@example.jp")
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        said.append(dialog.error.text())
        dialog.reject()

    _when_shown(qtbot, act)
    assert app.choose_user(empty_db, _settings(tmp_path), None) is None
    assert said[0] == "“aiko.mori” is not an email address."
    assert said[1] == "森 愛子|aiko.mori"
    assert said[2] == "adminEmail"
    assert said[3].startswith("This database already has users")
    with empty_db.read() as session:
        assert [u.email for u in list_users(session)] == ["first@example.jp"]
