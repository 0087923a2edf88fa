"""Managing users, on both databases: once an administrator exists only they add users,
change roles and deactivate; never oneself, never the last administrator; every change
audited; a deactivated user's calls are let go and their leads stay theirs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from models.core.entities import AuditEntry, Lead, LeadClaim, User
from models.core.errors import InvalidInput, NotFound, PermissionDenied
from models.db.database import Database
from models.teams import permissions
from models.teams.users import (
    add_first_admin,
    add_user,
    change_role,
    deactivate_user,
    get_user,
    list_users,
)
from tests.concurrency import Background, wait_until_blocked
from tests.permission_world import NOW, World, build


def _add(db: Database, actor: int | None, email: str, role: str = "rep") -> int:
    with db.write() as session:
        added = add_user(
            session, actor_id=actor, email=email, display_name=email, role=role, now=NOW
        )
        return added.user.id


def _audit(db: Database, user_id: int) -> list[tuple[int | None, str, dict, dict]]:
    with db.read() as session:
        rows = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "user", AuditEntry.entity_id == user_id)
            .order_by(AuditEntry.id)
        )
        return [(a.user_id, a.action, a.before or {}, a.after or {}) for a in rows]


def test_users_are_added_by_nobody_until_an_admin_exists_then_by_an_admin_only(
    db: Database,
) -> None:
    rep = _add(db, None, "first.rep@example.jp")  # setting a database up
    admin_id = _add(db, None, "boss@example.jp", "admin")
    with pytest.raises(PermissionDenied) as nobody:
        _add(db, None, "late@example.jp")
    assert nobody.value.key == "user.admin_needed"
    with pytest.raises(PermissionDenied) as not_admin:
        _add(db, rep, "late@example.jp")
    assert not_admin.value.key == "user.action_not_allowed"
    assert not_admin.value.params["permission"] == "manage_users"
    added = _add(db, admin_id, "late@example.jp", "field_rep")
    with db.read() as session:
        assert {u.email for u in list_users(session)} == {
            "first.rep@example.jp",
            "boss@example.jp",
            "late@example.jp",
        }
    ((who, action, before, after),) = _audit(db, added)
    assert (who, action, before) == (admin_id, "user_added", {})
    assert after["role"] == "field_rep" and after["active"] is True


def test_the_first_admin_is_still_made_with_no_one_acting(db: Database) -> None:
    with db.write() as session:
        admin = add_first_admin(session, email="a@example.jp", display_name="A", team_name="T")
    with pytest.raises(PermissionDenied):
        _add(db, None, "b@example.jp")
    assert _add(db, admin.user.id, "b@example.jp") > admin.user.id


def test_an_admin_changes_a_role_audited(db: Database) -> None:
    world = build(db)
    admin, rep = world.users["admin"], world.users["rep"]
    with db.write() as session:
        changed = change_role(session, admin, rep, "team_lead", NOW)
    assert changed.user.role == "team_lead" and changed.changes.users
    who, action, before, after = _audit(db, rep)[-1]
    assert (who, action, before["role"], after["role"]) == (
        admin,
        "role_changed",
        "rep",
        "team_lead",
    )
    with db.write() as session:  # the same role again: nothing to do, nothing audited
        assert change_role(session, admin, rep, "team_lead", NOW).changes.empty
    assert len(_audit(db, rep)) == 1


@pytest.mark.parametrize("role", ["team_lead", "marketing", "rep", "field_rep"])
def test_only_an_admin_changes_roles_or_deactivates(db: Database, role: str) -> None:
    world = build(db)
    actor, target = world.users[role], world.rep_a2
    with db.write() as session, pytest.raises(PermissionDenied):
        change_role(session, actor, target, "team_lead", NOW)
    with db.write() as session, pytest.raises(PermissionDenied):
        deactivate_user(session, actor, target, NOW)
    with db.read() as session:
        assert get_user(session, target).role == "rep"


def test_an_unknown_role_or_user_is_refused(db: Database) -> None:
    world = build(db)
    admin = world.users["admin"]
    with db.write() as session, pytest.raises(InvalidInput) as unknown:
        change_role(session, admin, world.rep_a2, "boss", NOW)
    assert unknown.value.params["field"] == "role"
    with db.write() as session, pytest.raises(NotFound):
        deactivate_user(session, admin, 999_999, NOW)


def test_the_last_admin_stays_an_admin_and_nobody_deactivates_themselves(db: Database) -> None:
    world = build(db)
    admin = world.users["admin"]
    with db.write() as session, pytest.raises(PermissionDenied) as last:
        change_role(session, admin, admin, "team_lead", NOW)
    assert last.value.key == "user.last_admin"
    with db.write() as session, pytest.raises(PermissionDenied) as themselves:
        deactivate_user(session, admin, admin, NOW)
    assert themselves.value.key == "user.deactivate_self"
    # With a second administrator, the first may step down.
    second = _add(db, admin, "second.admin@example.jp", "admin")
    with db.write() as session:
        change_role(session, admin, admin, "team_lead", NOW)
    with db.write() as session, pytest.raises(PermissionDenied) as gone:
        change_role(session, admin, second, "rep", NOW)  # no longer an admin
    assert gone.value.params["permission"] == "manage_users"
    with db.write() as session, pytest.raises(PermissionDenied) as last_again:
        change_role(session, second, second, "rep", NOW)
    assert last_again.value.key == "user.last_admin"


def test_deactivating_lets_go_of_claims_keeps_leads_and_the_user_can_no_longer_act(
    db: Database,
) -> None:
    world = build(db)
    admin, rep = world.users["admin"], world.users["rep"]
    with db.write() as session:
        for lead_id in (world.a.owned, world.a.unassigned):
            session.add(
                LeadClaim(
                    lead_id=lead_id,
                    user_id=rep,
                    claimed_at=NOW,
                    expires_at=NOW + timedelta(minutes=15),
                )
            )
        session.add(
            LeadClaim(
                lead_id=world.b.owned,
                user_id=world.rep_b,
                claimed_at=NOW,
                expires_at=NOW + timedelta(minutes=15),
            )
        )
    with db.write() as session:
        done = deactivate_user(session, admin, rep, NOW)
    assert done.claims_released == 2 and done.changes.users
    with db.read() as session:
        assert session.scalars(select(LeadClaim.user_id)).all() == [world.rep_b]
        assert session.get_one(Lead, world.a.owned).owner_id == rep  # for a team lead to reassign
        assert session.get_one(User, rep).active is False
        assert rep not in {u.id for u in list_users(session)}
    with db.write() as session, pytest.raises(NotFound):
        permissions.actor(session, rep)
    who, action, before, after = _audit(db, rep)[-1]
    assert (who, action, before["active"], after["active"]) == (
        admin,
        "user_deactivated",
        True,
        False,
    )
    assert after["claims_released"] == 2
    with db.write() as session:  # again: nothing to do
        assert deactivate_user(session, admin, rep, NOW).changes.empty


@pytest.mark.postgres
def test_two_admins_demoting_each_other_at_once_leave_one_admin(pg_url: str) -> None:
    from models.db.database import open_database

    db = open_database(pg_url)
    try:
        world: World = build(db)
        first = world.users["admin"]
        second = _add(db, first, "second.admin@example.jp", "admin")
        with db.write() as session:
            change_role(session, first, second, "team_lead", NOW)
            other = Background(lambda: _demote(db, second, first))
            assert wait_until_blocked(db, other)
        with pytest.raises(PermissionDenied) as refused:
            other.result()
        assert refused.value.params.get("permission") == "manage_users"
        with db.read() as session:
            admins = session.scalars(
                select(User.id).where(User.role == "admin", User.active.is_(True))
            ).all()
        assert admins == [first]
    finally:
        db.close()


def _demote(db: Database, actor: int, target: int) -> None:
    with db.write() as session:
        change_role(session, actor, target, "team_lead", NOW)
