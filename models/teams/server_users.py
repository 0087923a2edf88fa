"""People in team mode: a Baton user and their server login, added and deactivated together.

``baton admin add-user`` and ``baton admin deactivate`` run these as the login that
connected: an active Baton administrator of the database, or (while it has no active
administrator yet) the owner of its tables, who adds the first ones. Each runs in the
caller's transaction: the user, the login, its membership and the audit entry commit or
roll back together (roles are transactional in PostgreSQL); ending a deactivated user's
sessions (:func:`end_sessions`) comes after the commit, so they cannot sign in again in
between.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.core import audit
from models.core.changes import Changes
from models.core.entities import Team, User
from models.core.errors import InvalidInput, NotFound, PermissionDenied
from models.db import server_logins, server_roles
from models.teams import identity, permissions
from models.teams.permissions import Action
from models.teams.rules import team_of
from models.teams.users import (
    UserChanged,
    UserInfo,
    add_user,
    change_role,
    deactivate_user,
    has_active_admin,
)


@dataclass(frozen=True)
class LoginAdded:
    user: UserInfo
    login: str
    #: False: the login existed on the server (another Baton database) and was reused.
    created: bool
    changes: Changes


@dataclass(frozen=True)
class LoginDeactivated:
    user: UserInfo
    login: str | None
    #: True: the login can no longer sign in at all; False: another Baton database on the
    #: server still has it (it only left this database's groups).
    retired: bool
    changes: Changes


def require_team_mode(session: Session) -> server_roles.GroupRoles:
    groups = server_roles.stored_groups(server_roles.server(session))
    if groups is None:
        raise PermissionDenied("admin.not_team_mode")
    return groups


def acting_admin(session: Session) -> int | None:
    """The Baton administrator this session's login signs in as; None for the owner of the
    tables while the database has no active administrator. Anyone else is refused."""
    login = identity.server_login(session) or ""
    user = session.scalar(select(User).where(User.db_login == login))
    if user is not None and user.active and permissions.allowed(user.role, Action.MANAGE_USERS):
        return user.id
    conn = server_roles.server(session)
    if server_roles.is_owner(conn) and not has_active_admin(session):
        return None
    raise PermissionDenied("admin.not_admin", login=login)


def login_to_make(session: Session, email: str) -> str | None:
    """The login ``email`` signs in with, when it has to be made (None: it exists on the
    server and will be reused, so no password is needed). Refuses an email too long for
    a login, one another Baton user of this database has, and an existing role that
    cannot be a Baton user's."""
    login = server_logins.login_name(email)
    if session.scalar(select(User.id).where(func.lower(User.db_login) == login)) is not None:
        raise InvalidInput("admin.login_taken", field="email", login=login)
    state = server_logins.login_state(server_roles.server(session), login)
    if state is None:
        return login
    if not state.usable:
        raise InvalidInput("admin.login_unusable", field="email", login=login)
    return None


def _team_of(session: Session, actor: int | None) -> int | None:
    try:
        return team_of(session, actor).id
    except NotFound:
        return None


def add_with_login(
    session: Session,
    *,
    email: str,
    role: str,
    display_name: str,
    team_id: int | None,
    password: Callable[[], str],
    now: datetime,
) -> LoginAdded:
    """Add a Baton user and their server login in the caller's transaction: made with the
    password ``password()`` gives (asked only then), or reused when it exists on the
    server. ``team_id`` None: the acting administrator's team (the first team)."""
    require_team_mode(session)
    actor = acting_admin(session)
    if team_id is None:
        team_id = _team_of(session, actor)
    elif session.get(Team, team_id) is None:
        raise NotFound("team.not_found", team_id=team_id)
    to_make = login_to_make(session, email)
    secret = password() if to_make is not None else None
    if to_make is not None and not secret:
        raise InvalidInput("admin.password_empty", field="password")
    added = add_user(
        session,
        actor_id=actor,
        email=email,
        display_name=display_name,
        role=role,
        team_id=team_id,
        now=now,
    )
    user = session.get(User, added.user.id)
    assert user is not None
    login = server_logins.login_name(email)
    user.db_login = login
    session.flush()
    created = server_logins.create_login(server_roles.server(session), login, secret, role)
    _audit_login(session, actor, user.id, "login_granted", {"login_created": created}, now)
    return LoginAdded(added.user, login, created, added.changes)


def _audit_login(
    session: Session,
    actor: int | None,
    user_id: int,
    action: str,
    after: dict[str, object],
    now: datetime,
) -> None:
    login = session.scalar(select(User.db_login).where(User.id == user_id))
    audit.record(
        session,
        user_id=actor,
        entity="user",
        entity_id=user_id,
        action=action,
        before=None,
        after={"db_login": login, **after},
        at=now,
    )


def deactivate_with_login(session: Session, email: str, now: datetime) -> LoginDeactivated:
    """Deactivate a Baton user (an administrator's act) and retire their server login
    from this database, in the caller's transaction."""
    require_team_mode(session)
    actor = acting_admin(session)
    if actor is None:
        raise PermissionDenied("admin.not_admin", login=identity.server_login(session) or "")
    user = session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))
    if user is None:
        raise NotFound("user.email_not_found", email=email)
    changed = deactivate_user(session, actor, user.id, now)
    login = user.db_login
    retired = False
    if login is not None:
        retired = server_logins.retire_login(server_roles.server(session), login)
        _audit_login(session, actor, user.id, "login_retired", {"can_sign_in": not retired}, now)
    return LoginDeactivated(changed.user, login, retired, changed.changes)


def end_sessions(session: Session, login: str) -> int | None:
    """End a deactivated login's sessions on this database, after the deactivation was
    committed (None: the server does not allow it; they can read or change nothing
    anyway: every policy is false for a deactivated user)."""
    return server_logins.end_sessions(server_roles.server(session), login)


def change_role_with_login(
    session: Session, actor_id: int, user_id: int, role: str, now: datetime
) -> UserChanged:
    """:func:`models.teams.users.change_role`; in team mode the user's login also moves to
    the new role's group in the same transaction (the server's rules follow at once)."""
    changed = change_role(session, actor_id, user_id, role, now)
    user = session.get(User, user_id)
    if changed.changes.users and user is not None and user.db_login and identity.team_mode(session):
        server_logins.move_login(server_roles.server(session), user.db_login, role)
    return changed
