"""Starting the app: demo data on first use, choosing the user, refusing bad databases."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.cli.demo import fill
from desktop.dialogs.user_picker import UserPicker
from desktop.main import app
from desktop.main.settings import Settings
from models.db.database import open_database
from models.teams.users import list_users
from tests.gui.conftest import answer_next_message_box


def _settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def test_demo_data_is_created_on_first_use_with_a_progress_dialog(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    try:
        assert app.fill_demo(db, leads=60, generate=fill)
        with db.read() as session:
            users = list_users(session)
        assert any(u.role == "rep" for u in users)
    finally:
        db.close()


def test_the_user_is_picked_once_and_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    try:
        assert app.fill_demo(db, leads=20, generate=fill)
        settings = _settings(tmp_path)
        chosen: list[str] = []

        def pick() -> None:
            picker = QApplication.activeModalWidget()
            if not isinstance(picker, UserPicker):
                QTimer.singleShot(20, pick)
                return
            picker.combo.setCurrentIndex(
                picker.combo.findText("Emily", flags=Qt.MatchFlag.MatchContains)
            )
            chosen.append(picker.combo.currentText())
            picker.accept()

        QTimer.singleShot(0, pick)
        user = app.choose_user(db, settings, None)
        assert user is not None and user.email == "emily.carter@baton.example"
        assert chosen
        # Next start: no question, the same user.
        again = app.choose_user(db, settings, None)
        assert again == user
    finally:
        db.close()


def test_a_damaged_database_is_refused_with_a_message_and_left_untouched(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "broken.sqlite3"
    content = b"this is not a database at all\n" * 50
    path.write_bytes(content)
    seen: list[str] = []
    answer_next_message_box(QMessageBox.StandardButton.Ok, seen)
    code = app.run(app.StartOptions(url=f"sqlite:///{path}"))
    assert code == 2
    assert seen and str(path) in seen[0]
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.sqlite3"]


def test_an_unknown_user_is_refused(qtbot: QtBot, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    db = open_database(url)
    assert app.fill_demo(db, leads=20, generate=fill)
    db.close()
    seen: list[str] = []
    answer_next_message_box(QMessageBox.StandardButton.Ok, seen)
    code = app.run(app.StartOptions(url=url, user_email="nobody@example.com"))
    assert code == 2
    assert seen and "nobody@example.com" in seen[0]
