"""The first administrator: created with no one acting, only while the database has no user."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, update

from models.core.entities import Team, User
from models.core.errors import PermissionDenied
from models.db.database import Database
from models.teams.rules import team_of
from models.teams.users import add_first_admin, add_user, list_users
from tests.concurrency import Background, wait_until_blocked


def _first_admin(db: Database, email: str = "aiko.mori@example.jp") -> int:
    with db.write() as session:
        return add_first_admin(
            session, email=email, display_name="森 愛子", team_name="インサイドセールス"
        ).user.id


def _counts(db: Database) -> tuple[int, int]:
    with db.read() as session:
        users = session.scalar(select(func.count(User.id))) or 0
        teams = session.scalar(select(func.count(Team.id))) or 0
    return users, teams


def test_an_empty_database_gets_its_first_admin_and_a_team(db: Database) -> None:
    admin_id = _first_admin(db)
    with db.read() as session:
        (admin,) = list_users(session)
        team = team_of(session, admin_id)
    assert (admin.id, admin.role, admin.display_name) == (admin_id, "admin", "森 愛子")
    assert admin.team_id == team.id and team.name == "インサイドセールス"
    assert team.settings["sla_minutes"] == 5  # the default rules, ready to be changed


def test_a_second_first_admin_is_refused_and_nothing_is_added(db: Database) -> None:
    _first_admin(db)
    with pytest.raises(PermissionDenied) as refused:
        _first_admin(db, "intruder@example.jp")
    assert refused.value.key == "user.first_admin_only_first"
    assert _counts(db) == (1, 1)


def test_an_inactive_user_counts_the_database_is_not_empty(db: Database) -> None:
    with db.write() as session:
        rep = add_user(
            session, actor_id=None, email="gone@example.jp", display_name="Gone", role="rep"
        ).user
        session.execute(update(User).where(User.id == rep.id).values(active=False))
    with pytest.raises(PermissionDenied):
        _first_admin(db)
    assert _counts(db) == (1, 0)


def test_two_first_starts_at_once_make_one_admin(db: Database) -> None:
    """The second waits for the first (write lock / table lock), then sees its user."""
    with db.write() as session:
        add_first_admin(session, email="first@example.jp", display_name="First", team_name="T")
        second = Background(lambda: _first_admin(db, "second@example.jp"))
        assert wait_until_blocked(db, second)
    with pytest.raises(PermissionDenied):
        second.result()
    with db.read() as session:
        assert [u.email for u in list_users(session)] == ["first@example.jp"]
    assert _counts(db) == (1, 1)
