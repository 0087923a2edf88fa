"""Users and the current-user choice."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from models.core.changes import Changes
from models.core.entities import Team, User
from models.core.enums import Role
from models.core.errors import InvalidInput, NotFound, PermissionDenied
from models.core.text_rules import check_text
from models.db.collation import bytewise


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


def add_user(
    session: Session, *, email: str, display_name: str, role: str, team_id: int | None = None
) -> UserAdded:
    email = email.strip()
    check_text(email, field="email", column=User.email)
    if "@" not in email or email.startswith("@") or email.endswith("@"):
        raise InvalidInput("user.email_invalid", field="email", email=email)
    if role not in {r.value for r in Role}:
        raise InvalidInput(
            "user.role_unknown",
            field="role",
            value=role,
            expected=", ".join(r.value for r in Role),
        )
    if not display_name.strip():
        raise InvalidInput("user.name_empty", field="name")
    check_text(display_name.strip(), field="name", column=User.display_name)
    if session.scalar(select(User.id).where(func.lower(User.email) == email.lower())) is not None:
        raise InvalidInput("user.email_taken", field="email", email=email)
    user = User(email=email, display_name=display_name.strip(), role=role, team_id=team_id)
    session.add(user)
    session.flush()
    return UserAdded(info(user), Changes(users=True))


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
        session, email=email, display_name=display_name, role=Role.ADMIN.value, team_id=team.id
    )
    return UserAdded(added.user, Changes(users=True, team=True))
