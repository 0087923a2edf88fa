"""The command line never guesses who acts: ``--user``, ``$BATON_USER``, or in team mode
the signed-in login; otherwise refused (exit 2, naming both). In team mode nobody acts
as someone else. The real ``baton`` command in subprocesses, on a copy of the demo file,
and :func:`desktop.cli.actor.acting_user` on a PostgreSQL database in team mode.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.cli.actor import acting_user
from models.core.entities import AuditEntry, Call, Handoff, Lead, User
from models.core.enums import Role
from models.core.errors import InvalidInput, PermissionDenied
from models.core.server_records import ServerRole
from models.db.database import Database, open_database
from models.teams import identity
from models.teams.users import user_by_email
from tests.permission_world import build
from tests.test_cli import baton, headless_env

ADMIN = "makoto.kobayashi@baton.example"
REP = "misaki.sato@baton.example"
OTHER_REP = "shota.suzuki@baton.example"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return headless_env(tmp_path_factory.mktemp("cli-home"))


@pytest.fixture
def demo(sqlite_demo_template: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "demo.sqlite3"
    shutil.copy(sqlite_demo_template, copy)
    return copy


def _open(path: Path) -> Database:
    return open_database(f"sqlite:///{path}")


def _audit_count(path: Path) -> int:
    db = _open(path)
    try:
        with db.read() as session:
            return session.scalar(select(func.count(AuditEntry.id))) or 0
    finally:
        db.close()


def _owned_lead(path: Path, email: str) -> int:
    db = _open(path)
    try:
        with db.read() as session:
            owner = user_by_email(session, email).id
            return int(
                session.scalars(
                    select(Lead.id)
                    .where(
                        Lead.owner_id == owner,
                        Lead.stage.in_(("new", "working")),
                        Lead.do_not_call.is_(False),
                    )
                    .order_by(Lead.id)
                    .limit(1)
                ).one()
            )
    finally:
        db.close()


def test_every_acting_command_without_a_user_is_refused_naming_both_ways(
    env: dict[str, str], demo: Path
) -> None:
    lead = str(_owned_lead(demo, REP))
    commands = [
        ["call", lead, "--outcome", "busy"],
        ["recycle", lead, "--reason", "timing"],
        ["phone", lead, "03-9876-5432"],
        ["promote", lead, "--to", "daisuke.watanabe@baton.example", "--override", "急ぎ"],
        ["respond", "1", "--accept"],
        ["definition", "draft"],
        ["team", "set", "--sla-minutes", "9"],
        ["team", "routing", "add", "--field-rep", "daisuke.watanabe@baton.example"],
        ["user", "add", "new@baton.example", "--name", "新人", "--role", "rep"],
        ["user", "role", OTHER_REP, "team_lead"],
        ["user", "deactivate", OTHER_REP],
    ]
    before = _audit_count(demo)
    for command in commands:
        done = baton(env, *command, "--db", str(demo), "--lang", "en")
        assert done.returncode == 2, (command, done.stdout, done.stderr)
        assert done.stdout == ""
        assert "--user" in done.stderr and "BATON_USER" in done.stderr, (command, done.stderr)
        assert "Traceback" not in done.stderr
    assert _audit_count(demo) == before


def test_baton_user_in_the_environment_names_who_acts(env: dict[str, str], demo: Path) -> None:
    lead = _owned_lead(demo, OTHER_REP)
    done = baton(
        env | {"BATON_USER": OTHER_REP}, "call", str(lead), "--outcome", "busy", "--db", str(demo)
    )
    assert done.returncode == 0, done.stderr
    db = _open(demo)
    try:
        with db.read() as session:
            call = session.scalars(
                select(Call).where(Call.lead_id == lead).order_by(Call.id.desc())
            ).first()
            assert call is not None
            assert call.user_id == user_by_email(session, OTHER_REP).id
    finally:
        db.close()
    # --user wins over the environment (and a rep may not work another rep's lead).
    done = baton(
        env | {"BATON_USER": OTHER_REP},
        "call", str(lead), "--outcome", "busy", "--user", REP, "--db", str(demo), "--lang", "en",
    )  # fmt: skip
    assert done.returncode == 2
    assert "belongs to another rep" in done.stderr


def test_an_admin_changes_a_role_and_deactivates_from_the_command_line(
    env: dict[str, str], demo: Path
) -> None:
    admin = env | {"BATON_USER": ADMIN}
    done = baton(admin, "user", "role", OTHER_REP, "team_lead", "--db", str(demo), "--lang", "ja")
    assert done.returncode == 0, done.stderr
    assert "チームリーダー" in done.stdout, done.stdout
    done = baton(admin, "user", "deactivate", REP, "--db", str(demo))
    assert done.returncode == 0, done.stderr
    assert "deactivated" in done.stdout
    refused = baton(
        env | {"BATON_USER": OTHER_REP},
        "user",
        "deactivate",
        ADMIN,
        "--db",
        str(demo),
        "--lang",
        "en",
    )
    assert refused.returncode == 2
    assert "may not manage users" in refused.stderr
    db = _open(demo)
    try:
        with db.read() as session:
            assert user_by_email(session, OTHER_REP).role == "team_lead"
            assert session.scalar(select(User.active).where(User.email == REP)) is False
            assert session.scalar(select(User.active).where(User.email == ADMIN)) is True
    finally:
        db.close()


def test_outside_team_mode_acting_needs_a_name(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BATON_USER", raising=False)
    db = open_database(sqlite_url)
    try:
        world = build(db)
        with db.read() as session:
            assert not identity.team_mode(session)
            with pytest.raises(InvalidInput) as nobody:
                acting_user(session, argparse.Namespace(user=None))
            assert nobody.value.key == "cli.who_acts"
            rep = acting_user(session, argparse.Namespace(user="rep.a@example.jp"))
            monkeypatch.setenv("BATON_USER", " team_lead.b@example.jp ")  # as typed
            assert acting_user(session, argparse.Namespace(user=None)) == world.lead_b
        assert rep == world.users["rep"]
    finally:
        db.close()


@pytest.mark.postgres
def test_in_team_mode_the_signed_in_login_acts_and_nobody_else(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BATON_USER", raising=False)
    db = open_database(pg_url)
    try:
        world = build(db)
        with db.write() as session:
            login = identity.server_login(session)
            assert login
            session.add_all(ServerRole(role=r.value, db_role=f"test_{r.value}") for r in Role)
            session.get_one(User, world.users["team_lead"]).db_login = login
        with db.read() as session:
            assert identity.team_mode(session)
            me = world.users["team_lead"]
            assert acting_user(session, argparse.Namespace(user=None)) == me
            assert acting_user(session, argparse.Namespace(user="team_lead.a@example.jp")) == me
            with pytest.raises(PermissionDenied) as other:
                acting_user(session, argparse.Namespace(user="rep.a@example.jp"))
            assert other.value.key == "cli.act_as_other"
            assert other.value.params["login"] == login
            monkeypatch.setenv("BATON_USER", "admin.a@example.jp")
            with pytest.raises(PermissionDenied):
                acting_user(session, argparse.Namespace(user=None))
        with db.write() as session:  # a login that is nobody's: refused, never guessed
            session.get_one(User, world.users["team_lead"]).db_login = None
        monkeypatch.delenv("BATON_USER")
        with db.read() as session, pytest.raises(PermissionDenied) as unknown:
            acting_user(session, argparse.Namespace(user=None))
        assert unknown.value.key == "user.login_unknown"
        with db.read() as session:
            assert session.scalar(select(func.count(Handoff.id))) == 2  # nothing written
    finally:
        db.close()
