"""Who is signed in. In team mode (a PostgreSQL database set up by ``baton admin init``)
the identity is the server's ``current_user``: each person signs in with their own
database login, mapped to their Baton user by ``user_account.db_login``. Nobody picks a
name there. Elsewhere (SQLite, a server without team mode) the user is chosen.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.core.entities import User
from models.core.errors import PermissionDenied
from models.core.server_records import ServerRole
from models.teams.users import UserInfo, info


def server_login(session: Session) -> str | None:
    """The server login this session runs as (None on SQLite)."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    return session.scalar(select(func.current_user()))


def team_mode(session: Session) -> bool:
    """Whether the database was set up for team mode (its group roles are recorded)."""
    if session.get_bind().dialect.name != "postgresql":
        return False
    return session.scalar(select(ServerRole.role).limit(1)) is not None


def signed_in_user(session: Session) -> UserInfo:
    """The Baton user of the server login this session runs as (team mode).

    Refused when the login is no Baton user's, or the user was deactivated.
    """
    login = server_login(session)
    user = session.scalar(select(User).where(User.db_login == login)) if login else None
    if user is None:
        raise PermissionDenied("user.login_unknown", login=login or "")
    if not user.active:
        raise PermissionDenied("user.login_deactivated", login=login or "", user=user.display_name)
    return info(user)
