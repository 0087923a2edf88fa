"""Signing in to a team's server that asks for passwords (a throwaway scram cluster).

The identity is the server's login, never a name picked from a list; the password is kept
in the keychain only when asked, never in the settings or a log; a wrong or stale password
shows the dialog again; "Forget my saved password" removes it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from psycopg import sql
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from desktop.dialogs.sign_in_dialog import SignInDialog
from desktop.main import app
from desktop.main.settings import Settings
from desktop.main.sign_in import open_signed_in
from models.db.credentials import account_for
from models.db.database import Database, open_database
from tests.conftest import MemoryKeyring
from tests.pg_cluster import ScramCluster, team_database

pytestmark = pytest.mark.postgres

PASSWORD = "正しい-pass-<b>1</b>"


@pytest.fixture
def team_server(scram_server: ScramCluster) -> Iterator[tuple[str, str]]:
    """A Baton database in team mode on the cluster and one rep's login: (url, login)."""
    with team_database(scram_server, PASSWORD) as made:
        yield made


def _drive(steps: list[Callable[[SignInDialog], bool]], seen: list[str]) -> None:
    """Run each step on the sign-in dialog as it is shown (a step returns True when done)."""

    def tick() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SignInDialog) or not steps:
            if steps:
                QTimer.singleShot(20, tick)
            return
        if dialog.error.isVisible():
            seen.append(dialog.error.text())
        if steps[0](dialog):
            steps.pop(0)
        if steps:
            QTimer.singleShot(20, tick)

    QTimer.singleShot(0, tick)


def _type(password: str, *, remember: bool = False) -> Callable[[SignInDialog], bool]:
    def step(dialog: SignInDialog) -> bool:
        dialog.password.setText(password)
        dialog.remember.setChecked(remember)
        dialog.buttons.accepted.emit()
        return True

    return step


def test_a_wrong_password_keeps_the_dialog_and_the_right_one_signs_in_as_the_login(
    qtbot: QtBot, team_server: tuple[str, str], memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    url, login = team_server
    seen: list[str] = []
    _drive([_type("wrong"), _type(PASSWORD)], seen)
    db = open_signed_in(url)
    assert isinstance(db, Database)
    try:
        assert any("did not accept" in text for text in seen), seen
        settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        user = app.choose_user(db, settings, None)
        assert user is not None and user.email == login and user.display_name == "佐藤 美咲"
        # Not remembered: nothing in the keychain, the settings or the URL shown.
        assert memory_keyring.store == {}
        assert PASSWORD not in db.display_url
        settings.sync()
        for written in tmp_path.rglob("*"):
            if written.is_file():
                assert PASSWORD.encode() not in written.read_bytes(), written
    finally:
        db.close()


def test_remembered_signs_in_without_asking_until_the_server_stops_accepting_it(
    qtbot: QtBot,
    team_server: tuple[str, str],
    scram_server: ScramCluster,
    memory_keyring: MemoryKeyring,
) -> None:
    url, login = team_server
    _drive([_type(PASSWORD, remember=True)], [])
    first = open_signed_in(url)
    assert first is not None
    first.close()
    key = account_for(make_url(url))
    assert memory_keyring.store == {("baton", key): PASSWORD}

    again = open_signed_in(url)  # no dialog: the keychain's password is accepted
    assert again is not None
    again.close()

    with scram_server.admin() as conn:  # the password was changed elsewhere
        conn.execute(
            sql.SQL("ALTER ROLE {} PASSWORD {}").format(sql.Identifier(login), sql.Literal("new"))
        )
    seen: list[str] = []
    _drive([_type("new", remember=True)], seen)
    third = open_signed_in(url)
    assert third is not None
    third.close()
    assert any("did not accept" in text for text in seen)
    assert memory_keyring.store == {("baton", key): "new"}


def test_forget_my_password_removes_it_from_the_keychain(
    qtbot: QtBot, team_server: tuple[str, str], memory_keyring: MemoryKeyring
) -> None:
    url, _login = team_server
    key = ("baton", account_for(make_url(url)))
    memory_keyring.store[key] = "stale"
    forgot: list[bool] = []

    def forget(dialog: SignInDialog) -> bool:
        assert dialog.forget.isEnabled()
        dialog.forget.click()
        forgot.append(not dialog.forget.isEnabled())
        dialog.reject()
        return True

    _drive([forget], [])
    assert open_signed_in(url) is None  # cancelled
    assert forgot == [True]
    assert key not in memory_keyring.store


def test_a_login_that_is_no_baton_user_is_told_so(
    qtbot: QtBot, team_server: tuple[str, str], scram_server: ScramCluster, tmp_path: Path
) -> None:
    url, _login = team_server
    stranger = f"stranger.{uuid.uuid4().hex[:6]}@example.com"
    scram_server.create_login(stranger, "pw")
    database = make_url(url).database or ""
    with scram_server.admin(database) as conn:
        conn.execute(
            sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA public TO {}").format(
                sql.Identifier(stranger)
            )
        )
    try:
        db = open_database(make_url(url).set(username=stranger).render_as_string(), password="pw")
        settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        with pytest.raises(Exception, match="not a Baton user"):
            app.choose_user(db, settings, None)
        db.close()
    finally:
        with scram_server.admin(database) as conn:
            conn.execute(sql.SQL("DROP OWNED BY {}").format(sql.Identifier(stranger)))
        with scram_server.admin() as conn:
            conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(stranger)))
