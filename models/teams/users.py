"""Users: listing them, and managing them (adding, changing roles, deactivating).

Managing users is an administrator's (:data:`Action.MANAGE_USERS`) once the database has
an active administrator; before that (a database being set up) users are added with no
one acting, and :func:`add_first_admin` makes the first administrator. Each change is in
the audit trail, with who made it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from models.core import audit
from models.core.changes import Changes
from models.core.clock import utcnow
from models.core.entities import LeadClaim, Team, User
from models.core.enums import Role
from models.core.errors import InvalidInput, NotFound, PermissionDenied
from models.core.text_rules import check_text
from models.db.collation import bytewise
from models.teams import permissions
from models.teams.permissions import Action

_AUDITED = ("email", "display_name", "role", "team_id", "active")


@dataclass(frozen=True)
class UserInfo:
    id: int
    email: str
    display_name: str
    role: str
    team_id: int | None


@dataclass(frozen=True)
class UserAdded:
    user: UserInfo
    changes: Changes


@dataclass(frozen=True)
class UserChanged:
    """A user after a change of role or a deactivation."""

    user: UserInfo
    changes: Changes
    #: The lead claims a deactivation released (the calls they were on).
    claims_released: int = 0


def info(user: User) -> UserInfo:
    return UserInfo(user.id, user.email, user.display_name, user.role, user.team_id)


def list_users(session: Session, *, active_only: bool = True) -> list[UserInfo]:
    statement = select(User).order_by(
        bytewise(func.coalesce(User.display_name_kana, User.display_name)), User.id
    )
    if active_only:
        statement = statement.where(User.active.is_(True))
    return [info(u) for u in session.scalars(statement)]


def get_user(session: Session, user_id: int) -> UserInfo:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("user.not_found", user_id=user_id)
    return info(user)


def user_by_email(session: Session, email: str) -> UserInfo:
    # Text no user can have is refused alike on both databases (PostgreSQL cannot compare it).
    check_text(email.strip(), field="email", column=User.email)
    user = session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))
    if user is None:
        raise NotFound("user.email_not_found", email=email)
    return info(user)


def _check_role(role: str) -> None:
    if role not in {r.value for r in Role}:
        raise InvalidInput(
            "user.role_unknown",
            field="role",
            value=role,
            expected=", ".join(r.value for r in Role),
        )


def has_active_admin(session: Session) -> bool:
    """Whether an active administrator exists (from then on, only they manage users)."""
    found = select(User.id).where(User.role == Role.ADMIN.value, User.active.is_(True))
    return session.scalar(found.limit(1)) is not None


def _manager(session: Session, actor_id: int | None) -> User | None:
    """The administrator adding a user (None: nobody, while the database has no admin)."""
    if actor_id is None:
        if has_active_admin(session):
            raise PermissionDenied("user.admin_needed")
        return None
    manager = permissions.actor(session, actor_id)
    permissions.require(manager, Action.MANAGE_USERS)
    return manager


def add_user(
    session: Session,
    *,
    actor_id: int | None,
    email: str,
    display_name: str,
    role: str,
    team_id: int | None = None,
    now: datetime | None = None,
) -> UserAdded:
    """Add a user. ``actor_id``: the administrator adding them; None only while the
    database has no active administrator (it is being set up)."""
    _manager(session, actor_id)
    email = email.strip()
    check_text(email, field="email", column=User.email)
    if "@" not in email or email.startswith("@") or email.endswith("@"):
        raise InvalidInput("user.email_invalid", field="email", email=email)
    _check_role(role)
    if not display_name.strip():
        raise InvalidInput("user.name_empty", field="name")
    check_text(display_name.strip(), field="name", column=User.display_name)
    if session.scalar(select(User.id).where(func.lower(User.email) == email.lower())) is not None:
        raise InvalidInput("user.email_taken", field="email", email=email)
    user = User(email=email, display_name=display_name.strip(), role=role, team_id=team_id)
    session.add(user)
    session.flush()
    _audit(session, actor_id, user, "user_added", None, now)
    return UserAdded(info(user), Changes(users=True))


def _audit(
    session: Session,
    actor_id: int | None,
    user: User,
    action: str,
    before: dict[str, object] | None,
    now: datetime | None,
    **extra: object,
) -> None:
    audit.record(
        session,
        user_id=actor_id,
        entity="user",
        entity_id=user.id,
        action=action,
        before=before,
        after=audit.snapshot(user, _AUDITED) | extra,
        at=now or utcnow(),
    )


def _managed(session: Session, actor_id: int, user_id: int) -> tuple[User, User, list[int]]:
    """(the acting administrator, the user they change, the active administrators' ids).

    The user, the actor and the active administrators are locked in one statement, in id
    order (the lock rule of models.db.locking), and the actor is checked again as locked:
    two administrators demoting each other at once are serialised, and the second, no
    longer an administrator, is refused.
    """
    manager = permissions.actor(session, actor_id)
    permissions.require(manager, Action.MANAGE_USERS)
    admin = (User.role == Role.ADMIN.value) & User.active.is_(True)
    rows = session.scalars(
        select(User)
        .where(User.id.in_((user_id, actor_id)) | admin)
        .order_by(User.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).all()
    manager = permissions.actor(session, actor_id)  # as locked (populate_existing)
    permissions.require(manager, Action.MANAGE_USERS)
    user = next((u for u in rows if u.id == user_id), None)
    if user is None:
        raise NotFound("user.not_found", user_id=user_id)
    admins = [u.id for u in rows if u.role == Role.ADMIN.value and u.active]
    return manager, user, admins


def _keep_an_admin(user: User, admins: list[int]) -> None:
    """Refuse taking away the last active administrator (``user``, about to stop being one)."""
    if admins == [user.id]:
        raise PermissionDenied("user.last_admin", user=user.display_name)


def change_role(
    session: Session, actor_id: int, user_id: int, role: str, now: datetime
) -> UserChanged:
    """Give a user another role (an administrator's); never the last administrator's."""
    _check_role(role)
    _, user, admins = _managed(session, actor_id, user_id)
    if user.role == role:
        return UserChanged(info(user), Changes())
    _keep_an_admin(user, admins)
    before = audit.snapshot(user, _AUDITED)
    user.role = role
    session.flush()
    _audit(session, actor_id, user, "role_changed", before, now)
    return UserChanged(info(user), Changes(users=True, queue=True))


def deactivate_user(session: Session, actor_id: int, user_id: int, now: datetime) -> UserChanged:
    """Deactivate a user (an administrator's; never oneself, never the last administrator).

    The calls they were on are let go (their lead claims are deleted); their leads stay
    assigned to them, listed for the team lead to reassign.
    """
    manager, user, admins = _managed(session, actor_id, user_id)
    if user.id == manager.id:
        raise PermissionDenied("user.deactivate_self", user=user.display_name)
    if not user.active:
        return UserChanged(info(user), Changes())
    _keep_an_admin(user, admins)
    before = audit.snapshot(user, _AUDITED)
    user.active = False
    released = session.execute(delete(LeadClaim).where(LeadClaim.user_id == user.id))
    count = int(released.rowcount or 0)  # type: ignore[attr-defined]
    session.flush()
    _audit(session, actor_id, user, "user_deactivated", before, now, claims_released=count)
    return UserChanged(info(user), Changes(users=True, queue=True), count)


def has_users(session: Session) -> bool:
    """Whether the database has any user at all, active or not."""
    return session.scalar(select(User.id).limit(1)) is not None


def add_first_admin(
    session: Session, *, email: str, display_name: str, team_name: str
) -> UserAdded:
    """The database's first user: an administrator, added with no one acting.

    Allowed only while the database has no user at all (an inactive one counts): after
    that, nobody becomes an administrator this way. The administrator joins the first
    team, or a new team named ``team_name`` when there is none, so the team's rules can
    be set at once. Two first starts racing are serialised: on SQLite by the write lock,
    on PostgreSQL by a lock on the user table that lets readers through, so the second
    one sees the first one's user and is refused.
    """
    if session.get_bind().dialect.name == "postgresql":
        # A fixed statement (no value in it): PostgreSQL has no other way to say it.
        session.execute(text("LOCK TABLE user_account IN SHARE ROW EXCLUSIVE MODE"))
    if has_users(session):
        raise PermissionDenied("user.first_admin_only_first")
    team = session.scalars(select(Team).order_by(Team.id).limit(1)).first()
    if team is None:
        check_text(team_name.strip(), field="team", column=Team.name)
        team = Team(name=team_name.strip(), settings={})
        session.add(team)
        session.flush()
    added = add_user(
        session,
        actor_id=None,
        email=email,
        display_name=display_name,
        role=Role.ADMIN.value,
        team_id=team.id,
    )
    return UserAdded(added.user, Changes(users=True, team=True))
