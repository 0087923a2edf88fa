"""Users and the current-user choice."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.entities import User
from models.errors import NotFound


@dataclass(frozen=True)
class UserInfo:
    id: int
    email: str
    display_name: str
    role: str
    team_id: int | None


def _info(user: User) -> UserInfo:
    return UserInfo(user.id, user.email, user.display_name, user.role, user.team_id)


def list_users(session: Session, *, active_only: bool = True) -> list[UserInfo]:
    statement = select(User).order_by(func.coalesce(User.display_name_kana, User.display_name))
    if active_only:
        statement = statement.where(User.active.is_(True))
    return [_info(u) for u in session.scalars(statement)]


def get_user(session: Session, user_id: int) -> UserInfo:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(f"No user with id {user_id}.", user_id=user_id)
    return _info(user)


def user_by_email(session: Session, email: str) -> UserInfo:
    user = session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))
    if user is None:
        raise NotFound(f"No user with the email {email!r}.", email=email)
    return _info(user)
