"""``baton admin init|add-user|deactivate`` on the shared PostgreSQL server.

Each test has its own database and role prefix (tests/team_server.py drops both). The
commands run in-process (``desktop.cli.main``) except one that pipes the password into a
real ``baton`` process.
"""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from alembic import command
from psycopg import sql
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from desktop.cli import admin, main
from models.core.entities import User
from models.db import migrations
from models.db.server_roles import SUFFIXES
from models.teams.server_users import add_with_login
from tests.team_server import NOW, TeamDatabase, admin_execute, conninfo, team_database
from tests.test_cli import headless_env

pytestmark = pytest.mark.postgres


@pytest.fixture
def empty(pg_url: str) -> Iterator[TeamDatabase]:
    """A database with no Baton schema yet, a role prefix and emails of its own."""
    with team_database(pg_url, people=False) as team_db:
        yield team_db


def _baton(capsys: pytest.CaptureFixture[str], *args: str, stdin: str = "") -> tuple[int, str]:
    """Run one command in-process; its exit code and what it printed (out and err)."""
    previous = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = main([*args, "--lang", "en"])
    finally:
        sys.stdin = previous
    said = capsys.readouterr()
    return code, said.out + said.err


def _owner(team_db: TeamDatabase, sql_text: str, *params: Any) -> list[tuple[Any, ...]]:
    with psycopg.connect(conninfo(team_db.owner_url)) as conn:
        return conn.execute(sql_text, params).fetchall()


def _groups_of(team_db: TeamDatabase, login: str) -> set[str]:
    rows = _owner(
        team_db,
        "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
        " JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = %s",
        login,
    )
    return {row[0] for row in rows}


def _init(capsys: pytest.CaptureFixture[str], team_db: TeamDatabase) -> None:
    code, said = _baton(
        capsys, "admin", "init", "--db", team_db.owner_url, "--role-prefix", team_db.prefix
    )
    assert code == 0, said


def _add(
    capsys: pytest.CaptureFixture[str],
    team_db: TeamDatabase,
    key: str,
    role: str,
    *,
    as_key: str | None = None,
    typed: str = "s3cret\n",
    extra: tuple[str, ...] = (),
) -> tuple[int, str]:
    url = team_db.url(as_key) if as_key else team_db.owner_url
    return _baton(
        capsys,
        "admin",
        "add-user",
        team_db.email(key),
        "--role",
        role,
        "--name",
        key,
        "--password-stdin",
        "--db",
        url,
        *extra,
        stdin=typed,
    )


def test_init_sets_up_team_mode_and_again_applies_it_again(
    capsys: pytest.CaptureFixture[str], empty: TeamDatabase
) -> None:
    code, said = _baton(
        capsys, "admin", "init", "--db", empty.owner_url, "--role-prefix", empty.prefix
    )
    assert code == 0, said
    assert "Team mode is set up on" in said and f"group roles {empty.prefix}*" in said
    groups = {empty.prefix + suffix for suffix in SUFFIXES}
    made = _owner(
        empty, "SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname LIKE %s", empty.prefix + "%"
    )
    assert dict(made) == dict.fromkeys(groups, False)
    assert dict(_owner(empty, "SELECT role, db_role FROM server_role")) == {
        role: empty.prefix + role for role in SUFFIXES if role != "member"
    }
    code, said = _baton(capsys, "admin", "init", "--db", empty.owner_url)
    assert code == 0 and "applied again" in said, said
    code, said = _baton(capsys, "admin", "init", "--db", empty.owner_url, "--role-prefix", "other_")
    assert code == 2
    assert f"group roles start with “{empty.prefix}”, not “other_”" in said


def test_init_refuses_sqlite(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, said = _baton(capsys, "admin", "init", "--db", f"sqlite:///{tmp_path / 'b.sqlite3'}")
    assert code == 2 and "Team mode needs a PostgreSQL server" in said
    assert not (tmp_path / "b.sqlite3").exists()


def test_the_owner_adds_the_first_admin_who_adds_the_others(
    capsys: pytest.CaptureFixture[str], empty: TeamDatabase
) -> None:
    _init(capsys, empty)
    code, said = _add(capsys, empty, "admin", "admin")
    assert code == 0, said
    login = empty.login("admin")
    assert f"Added admin <{empty.email('admin')}> (Administrator), who signs in as {login}." in said
    assert _groups_of(empty, empty.login("admin")) == {empty.prefix + "admin"}
    # The password is stored as a SCRAM verifier, hashed before it left the command.
    (stored,) = _owner(
        empty, "SELECT rolpassword FROM pg_authid WHERE rolname = %s", empty.login("admin")
    )
    assert stored[0].startswith("SCRAM-SHA-256$") and "s3cret" not in stored[0]
    # From now on the owner no longer adds people: an administrator does.
    code, said = _add(capsys, empty, "rep_a", "rep")
    assert code == 2 and "is not an active Baton administrator" in said
    code, said = _add(capsys, empty, "rep_a", "rep", as_key="admin")
    assert code == 0, said
    assert _groups_of(empty, empty.login("rep_a")) == {empty.prefix + "rep"}
    (row,) = _owner(
        empty,
        "SELECT role, db_login, team_id FROM user_account WHERE email = %s",
        empty.email("rep_a"),
    )
    assert row == ("rep", empty.login("rep_a"), None)  # no team in this database yet
    # A rep manages nobody.
    code, said = _add(capsys, empty, "rep_b", "rep", as_key="rep_a")
    assert (
        code == 2
        and f"The login {empty.login('rep_a')} is not an active Baton administrator" in said
    )
    assert not _owner(empty, "SELECT 1 FROM pg_roles WHERE rolname = %s", empty.login("rep_b"))


def test_add_user_refusals_leave_neither_user_nor_login(
    capsys: pytest.CaptureFixture[str], empty: TeamDatabase
) -> None:
    _init(capsys, empty)
    assert _add(capsys, empty, "admin", "admin")[0] == 0
    code, said = _add(capsys, empty, "rep_a", "rep", as_key="admin", extra=("--team", "999"))
    assert code == 2 and "No team with id 999." in said
    code, said = _add(capsys, empty, "rep_b", "rep", as_key="admin", typed="\n")
    assert code == 2 and "The new login needs a password" in said
    long_email = "x" * 60 + "@baton.test"
    code, said = _baton(
        capsys,
        "admin",
        "add-user",
        long_email,
        "--role",
        "rep",
        "--password-stdin",
        "--db",
        empty.url("admin"),
        stdin="pw\n",
    )
    assert code == 2 and f"The email {long_email} cannot be a server login: it is 71 bytes" in said
    code, said = _add(capsys, empty, "admin", "rep", as_key="admin")  # the same email again
    assert code == 2 and "signs in as" in said
    for key in ("rep_a", "rep_b"):
        assert not _owner(empty, "SELECT 1 FROM pg_roles WHERE rolname = %s", empty.login(key))
    assert _owner(empty, "SELECT count(*) FROM user_account") == [(1,)]


def test_a_login_failing_after_the_user_was_written_rolls_the_user_back(
    capsys: pytest.CaptureFixture[str], empty: TeamDatabase
) -> None:
    """Roles are transactional: the user, the login and the membership land together."""
    _init(capsys, empty)
    assert _add(capsys, empty, "admin", "admin")[0] == 0
    racer = empty.login("rep_a")
    empty.extra_logins.append(racer)

    def password() -> str:  # another session makes a superuser of that name meanwhile
        admin_execute(
            empty.owner_url, sql.SQL("CREATE ROLE {} SUPERUSER").format(sql.Identifier(racer))
        )
        return "s3cret"

    with (
        empty.app("admin") as db,
        pytest.raises(DBAPIError, match="cannot be a Baton user") as refused,
        db.write() as session,
    ):
        add_with_login(
            session,
            email=empty.email("rep_a"),
            role="rep",
            display_name="A",
            team_id=None,
            password=password,
            now=NOW,
        )
    assert refused.value.orig.sqlstate == "42501"  # type: ignore[union-attr]
    with empty.owner() as db, db.read() as session:
        assert session.scalar(select(User.id).where(User.db_login == racer)) is None
    assert _groups_of(empty, racer) == set()


def test_a_login_from_another_baton_database_is_reused(
    capsys: pytest.CaptureFixture[str], empty: TeamDatabase
) -> None:
    _init(capsys, empty)
    assert _add(capsys, empty, "admin", "admin")[0] == 0
    admin_execute(
        empty.owner_url,
        sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(empty.login("field"))),
    )
    code, said = _add(capsys, empty, "field", "field_rep", as_key="admin", typed="")
    assert code == 0, said
    assert "that login existed on the server already, its password is unchanged" in said
    assert _groups_of(empty, empty.login("field")) == {empty.prefix + "field_rep"}


def test_passwords_typed_twice_must_match(
    capsys: pytest.CaptureFixture[str], empty: TeamDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    _init(capsys, empty)
    answers = iter(["one", "two"])
    monkeypatch.setattr(admin, "ask_password", lambda _prompt: next(answers))
    typed_twice = ("admin", "add-user", empty.email("admin"), "--role", "admin")
    code, said = _baton(capsys, *typed_twice, "--db", empty.owner_url)
    assert code == 2 and "The two passwords typed differ" in said
    answers = iter(["same", "same"])
    code, said = _baton(capsys, *typed_twice, "--db", empty.owner_url)
    assert code == 0, said


def test_deactivate_ends_sessions_and_the_login(
    capsys: pytest.CaptureFixture[str], empty: TeamDatabase
) -> None:
    _init(capsys, empty)
    assert _add(capsys, empty, "admin", "admin")[0] == 0
    assert _add(capsys, empty, "rep_a", "rep", as_key="admin")[0] == 0
    assert _add(capsys, empty, "rep_b", "rep", as_key="admin")[0] == 0
    # rep B also works in another Baton database of this server.
    other = f"bt{empty.tag}x_rep"
    empty.extra_logins.append(other)
    admin_execute(empty.owner_url, sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(other)))
    admin_execute(
        empty.owner_url,
        sql.SQL("GRANT {} TO {}").format(
            sql.Identifier(other), sql.Identifier(empty.login("rep_b"))
        ),
    )
    open_session = empty.connect("rep_a")
    open_session.execute("SELECT 1").fetchall()
    open_session.commit()
    code, said = _baton(
        capsys, "admin", "deactivate", empty.email("rep_a"), "--db", empty.url("admin")
    )
    assert code == 0, said
    assert f"The login {empty.login('rep_a')} can no longer sign in." in said
    assert "Sessions ended: 1." in said
    with pytest.raises(psycopg.OperationalError):
        open_session.execute("SELECT 1")
    open_session.close()
    assert _owner(
        empty, "SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", empty.login("rep_a")
    ) == [(False,)]
    assert _groups_of(empty, empty.login("rep_a")) == set()
    assert _owner(
        empty, "SELECT active FROM user_account WHERE email = %s", empty.email("rep_a")
    ) == [(False,)]
    audited = "SELECT action FROM audit_entry WHERE entity = 'user' ORDER BY id"
    assert [row[0] for row in _owner(empty, audited)] == [
        *("user_added", "login_granted") * 3,
        "user_deactivated",
        "login_retired",
    ]
    code, said = _baton(
        capsys, "admin", "deactivate", empty.email("rep_b"), "--db", empty.url("admin")
    )
    assert code == 0 and "another Baton database on this server still has it" in said, said
    assert _groups_of(empty, empty.login("rep_b")) == {other}
    # An administrator does not deactivate themselves.
    code, said = _baton(
        capsys, "admin", "deactivate", empty.email("admin"), "--db", empty.url("admin")
    )
    assert code == 2


def test_migrate_on_a_team_mode_database_applies_the_rules_again(
    capsys: pytest.CaptureFixture[str], empty: TeamDatabase
) -> None:
    _init(capsys, empty)
    with empty.owner() as db, db.engine.begin() as connection:
        command.downgrade(migrations.config(connection), "0008")
        connection.exec_driver_sql("DROP POLICY baton_select_rep ON lead")
    code, said = _baton(capsys, "migrate", "--db", empty.owner_url)
    assert code == 0, said
    assert _owner(
        empty,
        "SELECT 1 FROM pg_policies WHERE tablename = 'lead' AND policyname = 'baton_select_rep'",
    ) == [(1,)]


def test_the_password_is_read_from_a_pipe_by_a_real_process(
    capsys: pytest.CaptureFixture[str], empty: TeamDatabase, tmp_path: Path
) -> None:
    _init(capsys, empty)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            *_first_admin(empty),
            "--db",
            empty.owner_url,
        ],
        input="piped secret\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=headless_env(tmp_path),
        cwd=Path(__file__).resolve().parent.parent,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert empty.login("admin") in done.stdout


def test_an_owner_who_is_no_superuser_sets_up_and_manages_the_team(
    capsys: pytest.CaptureFixture[str], empty: TeamDatabase
) -> None:
    """The documented set-up: the database's owner has CREATEROLE, nothing more. Their
    functions may not end another login's sessions: the command says so."""
    owner = f"owner_{empty.tag}"
    empty.extra_logins.append(owner)
    database = sql.Identifier(make_url(empty.owner_url).database or "")
    for statement in (
        sql.SQL("CREATE ROLE {} LOGIN CREATEROLE").format(sql.Identifier(owner)),
        sql.SQL("ALTER DATABASE {} OWNER TO {}").format(database, sql.Identifier(owner)),
    ):
        admin_execute(empty.owner_url, statement)
    code, said = _baton(
        capsys, "admin", "init", "--db", _as(empty, owner), "--role-prefix", empty.prefix
    )
    assert code == 0, said
    assert _owner(empty, "SELECT tableowner FROM pg_tables WHERE tablename = 'lead'") == [(owner,)]
    code, said = _baton(capsys, *_first_admin(empty), "--db", _as(empty, owner), stdin="pw\n")
    assert code == 0, said
    assert _add(capsys, empty, "rep_a", "rep", as_key="admin")[0] == 0
    with empty.connect("rep_a") as open_session:
        open_session.execute("SELECT 1")
        code, said = _baton(
            capsys, "admin", "deactivate", empty.email("rep_a"), "--db", empty.url("admin")
        )
        assert code == 0, said
        assert "can no longer sign in" in said
        assert "Their open sessions could not be ended" in said
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # out of every group
            open_session.execute("SELECT count(*) FROM lead")
    code, said = _baton(capsys, "admin", "init", "--db", empty.url("admin"))
    assert code == 2 and f"The login {empty.login('admin')} does not own Baton's tables" in said
    admin_execute(
        empty.owner_url, sql.SQL("ALTER ROLE {} NOCREATEROLE").format(sql.Identifier(owner))
    )
    code, said = _baton(capsys, "admin", "init", "--db", _as(empty, owner))
    assert code == 2 and f"The login {owner} cannot create roles" in said


def _first_admin(team_db: TeamDatabase) -> tuple[str, ...]:
    return ("admin", "add-user", team_db.email("admin"), "--role", "admin", "--password-stdin")


def _as(team_db: TeamDatabase, login: str) -> str:
    return make_url(team_db.owner_url).set(username=login).render_as_string(False)
