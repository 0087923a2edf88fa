"""Headless commands on a server that asks for passwords: the password comes from the
keychain (``baton login``) or a prompt at the terminal, never a command-line argument."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import make_url

from desktop.cli import context, main
from models.db.credentials import account_for
from tests.conftest import MemoryKeyring
from tests.pg_cluster import ScramCluster, team_database

pytestmark = pytest.mark.postgres

PASSWORD = "cli-パス-1"


@pytest.fixture
def team_server(scram_server: ScramCluster) -> Iterator[tuple[str, str]]:
    with team_database(scram_server, PASSWORD) as made:
        yield made


def test_a_password_in_db_is_refused_before_anything_connects(
    capsys: pytest.CaptureFixture[str], team_server: tuple[str, str]
) -> None:
    url, _login = team_server
    with_password = make_url(url).set(password=PASSWORD).render_as_string(hide_password=False)
    assert main(["users", "--db", with_password, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "Leave the password out of --db" in err
    assert PASSWORD not in err


def test_login_saves_the_password_the_server_accepts_and_logout_removes_it(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
    team_server: tuple[str, str],
) -> None:
    url, login = team_server
    key = ("baton", account_for(make_url(url)))
    asked: list[str] = []

    def answer(prompt: str) -> str:
        asked.append(prompt)
        return "wrong" if len(asked) == 1 else PASSWORD

    monkeypatch.setattr(context, "ask_password", answer)
    assert main(["login", "--db", url, "--lang", "en"]) == 2  # the server refuses "wrong"
    assert "did not accept" in capsys.readouterr().err
    assert key not in memory_keyring.store
    assert main(["login", "--db", url, "--lang", "en"]) == 0
    assert memory_keyring.store[key] == PASSWORD
    assert login in asked[0]

    monkeypatch.setattr(context, "ask_password", lambda _p: pytest.fail("asked again"))
    capsys.readouterr()
    assert main(["users", "--db", url, "--lang", "en"]) == 0  # the keychain signs in
    assert "佐藤 美咲" in capsys.readouterr().out

    assert main(["logout", "--db", url, "--lang", "en"]) == 0
    assert key not in memory_keyring.store


def test_without_a_saved_password_a_terminal_is_asked_and_a_script_is_told(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    team_server: tuple[str, str],
) -> None:
    url, _login = team_server
    # No terminal (a script, CI): refused with the server's refusal, nothing asked.
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    assert main(["users", "--db", url, "--lang", "en"]) == 2
    assert "did not accept" in capsys.readouterr().err
    # At a terminal: asked once.
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr(context, "ask_password", lambda _p: PASSWORD)
    assert main(["users", "--db", url, "--lang", "en"]) == 0
