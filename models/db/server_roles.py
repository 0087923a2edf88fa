"""The server's group roles of a team-mode database: their names, creating and recording them.

``baton admin init`` creates one NOLOGIN group role per Baton role (rep, team_lead,
field_rep, marketing, admin) and a ``member`` role every one of them belongs to, named
with a per-database prefix (``baton_<database>_`` by default) because roles are
cluster-wide and one server may hold several Baton databases. Each person's login is a
member of the group of their Baton role (:mod:`models.db.server_logins`). The names are
recorded in ``server_role`` (one row per Baton role): that the table has rows is what
makes a database a team-mode one (:func:`models.teams.identity.team_mode`).

Every statement naming a role composes it with :class:`psycopg.sql.Identifier`; nothing
here is built from text by hand. The functions take the psycopg connection under a
SQLAlchemy transaction (:func:`server`), so they commit or roll back with it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import Connection, CursorResult
from sqlalchemy.orm import Session

from models.core.enums import Role
from models.core.errors import InvalidInput, PermissionDenied

#: The role every group belongs to: what all Baton users may do (connect, use the schema).
MEMBER = "member"
#: PostgreSQL's longest identifier, in bytes (NAMEDATALEN - 1); longer names are cut.
MAX_NAME = 63
#: The group of each Baton role is named ``prefix + role``.
SUFFIXES: tuple[str, ...] = (MEMBER, *(r.value for r in Role))
_LONGEST = max(len(s) for s in SUFFIXES)


#: What a statement returns: rows of any width.
Rows = CursorResult[*tuple[Any, ...]]


class Server:
    """The database connection of a SQLAlchemy transaction, for statements composed with
    :mod:`psycopg.sql`: they run through SQLAlchemy (its transaction, its error classes,
    so a refusal reaches the one failure policy like any other)."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        raw: psycopg.Connection[Any] = connection.connection.driver_connection  # type: ignore[assignment]
        self.raw = raw

    def execute(self, statement: str | sql.Composable, params: Any = None) -> Rows:
        """Run ``statement``; without ``params`` every ``%`` in it is literal (the driver
        reads placeholders in every statement SQLAlchemy sends)."""
        text = statement if isinstance(statement, str) else statement.as_string(self.raw)
        if params is None:
            return self.connection.exec_driver_sql(text.replace("%", "%%"))
        return self.connection.exec_driver_sql(text, params)


def server(source: Session | Connection) -> Server:
    """The :class:`Server` of a SQLAlchemy session or connection (same transaction)."""
    return Server(source.connection() if isinstance(source, Session) else source)


def _cut(text: str, size: int) -> str:
    """``text`` cut to at most ``size`` bytes of UTF-8, never inside a character."""
    return text.encode()[:size].decode(errors="ignore")


def default_prefix(database: str) -> str:
    """``baton_<database>_``, short enough for the longest group name (63 bytes); a long
    database name is cut and told apart by a hash of the whole name."""
    stem = database.lower()
    room = MAX_NAME - _LONGEST - len("baton__")
    if len(stem.encode()) > room:
        digest = hashlib.sha256(database.encode()).hexdigest()[:8]
        stem = f"{_cut(stem, room - 9)}_{digest}"
    return f"baton_{stem}_"


def check_prefix(prefix: str) -> str:
    """A prefix the user chose, refused when empty or too long for the group names."""
    if not prefix.strip() or "\x00" in prefix:
        raise InvalidInput("admin.prefix_empty", field="role_prefix")
    longest = len(prefix.encode()) + _LONGEST
    if longest > MAX_NAME:
        raise InvalidInput(
            "admin.prefix_too_long", field="role_prefix", prefix=prefix, length=longest
        )
    return prefix


@dataclass(frozen=True)
class GroupRoles:
    """The group roles of one Baton database."""

    prefix: str

    def name(self, role: str) -> str:
        """The group of a Baton role (or of :data:`MEMBER`)."""
        return self.prefix + role

    @property
    def member(self) -> str:
        return self.name(MEMBER)

    @property
    def by_role(self) -> dict[str, str]:
        """Each Baton role's group."""
        return {r.value: self.name(r.value) for r in Role}

    @property
    def all(self) -> tuple[str, ...]:
        return tuple(self.name(s) for s in SUFFIXES)


def stored_groups(conn: Server) -> GroupRoles | None:
    """The group roles recorded in ``server_role`` (None: not a team-mode database)."""
    found = conn.execute("SELECT role, db_role FROM server_role").fetchall()
    rows: dict[str, str] = {str(role): str(db_role) for role, db_role in found}
    if not rows:
        return None
    rep = rows.get(Role.REP.value, "")
    groups = GroupRoles(rep[: len(rep) - len(Role.REP.value)])
    if rows != groups.by_role:  # recorded by hand, or by another version: re-recorded
        raise PermissionDenied("admin.roles_inconsistent", roles=", ".join(sorted(rows.values())))
    return groups


def _role_flags(conn: Server, name: str) -> tuple[bool, ...] | None:
    """Whether the role can log in or holds a right beyond ordinary (None: no such role)."""
    row = conn.execute(
        "SELECT rolcanlogin, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication"
        " FROM pg_roles WHERE rolname = %s",
        (name,),
    ).fetchone()
    return tuple(row) if row is not None else None


def ensure_groups(conn: Server, groups: GroupRoles) -> list[str]:
    """Create the group roles that are missing (NOLOGIN), each Baton group a member of
    the member role; returns the names created. A role of that name that can log in or
    holds special rights is not Baton's: refused, nothing made."""
    created = []
    for name in groups.all:
        flags = _role_flags(conn, name)
        if flags is None:
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(name)))
            created.append(name)
        elif any(flags):
            raise InvalidInput("admin.role_taken", field="role_prefix", role=name)
    for name in groups.by_role.values():
        conn.execute(
            sql.SQL("GRANT {} TO {}").format(sql.Identifier(groups.member), sql.Identifier(name))
        )
    return created


def record_groups(conn: Server, groups: GroupRoles) -> None:
    """Record each Baton role's group in ``server_role`` (replacing what was there)."""
    conn.execute("DELETE FROM server_role")
    conn.execute(
        "INSERT INTO server_role (role, db_role) VALUES (%s, %s)", list(groups.by_role.items())
    )


def table_owner(conn: Server) -> str:
    """The role that owns Baton's tables (the schema owner: it created them)."""
    row = conn.execute(
        "SELECT tableowner FROM pg_tables"
        " WHERE schemaname = current_schema() AND tablename = 'lead'"
    ).fetchone()
    assert row is not None, "the schema is created before its roles"
    owner: str = row[0]
    return owner


def is_owner(conn: Server) -> bool:
    """Whether the session's login owns the tables (or is a superuser)."""
    owner = table_owner(conn)
    row = conn.execute("SELECT pg_has_role(session_user, %s, 'MEMBER')", (owner,)).fetchone()
    return bool(row and row[0])


def may_create_roles(conn: Server) -> bool:
    """Whether the session's login may create roles (CREATEROLE, or a superuser)."""
    row = conn.execute(
        "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = session_user"
    ).fetchone()
    return bool(row and row[0])
