"""Team mode on a PostgreSQL database: the server enforces who may do what.

:func:`set_up_team_mode` (``baton admin init``) creates or upgrades the schema, then in
one transaction creates the group roles (:mod:`models.db.server_roles`), records them,
installs the identity and login functions, grants (:mod:`models.db.grants`) and
row-level security (:mod:`models.db.row_security`). Running it again re-applies all of
it: after a change of the rules, or of the schema. :func:`reapply` is what a migration
of a team-mode database runs in its own transaction, so a new table is never left
without its privileges and policies (or, undecided, reachable by its owner only).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

from models.core.enums import Role
from models.core.errors import InvalidInput, PermissionDenied
from models.db import grants, row_security, server_logins, server_roles
from models.db.database import open_database, parse_url, redact
from models.db.migrations import HEAD
from models.db.server_roles import GroupRoles, Server


@dataclass(frozen=True)
class TeamModeReport:
    """What :func:`set_up_team_mode` found and left."""

    where: str
    prefix: str
    #: The group roles made now (none when they were there already).
    created: tuple[str, ...]
    #: Tables given privileges and policies.
    tables: int
    #: Tables no rule decides (only their owner reaches them): should be none.
    undecided: tuple[str, ...]
    #: False: the database was in team mode already (everything applied again).
    first_time: bool
    schema: str = HEAD


def _apply(conn: Server, groups: GroupRoles) -> list[str]:
    owner = server_roles.table_owner(conn)
    row_security.install_functions(conn, owner)
    grants.grant_tables(conn, groups)
    grants.grant_member(conn, groups)
    return row_security.apply_policies(conn, groups)


def _require_runner(conn: Server) -> None:
    """Who runs init must own the tables (or be a superuser) and be able to create roles."""
    login = conn.raw.info.user
    if not server_roles.is_owner(conn):
        raise PermissionDenied(
            "admin.init_not_owner", login=login, owner=server_roles.table_owner(conn)
        )
    if not server_roles.may_create_roles(conn):
        raise PermissionDenied("admin.init_needs_createrole", login=login)


def set_up_team_mode(url_text: str, prefix: str | None = None) -> TeamModeReport:
    """``baton admin init``: schema, group roles, grants and row-level security (again)."""
    url = parse_url(url_text)
    if url.get_backend_name() != "postgresql":
        raise InvalidInput("admin.not_postgresql", field="db", url=redact(url))
    db = open_database(url_text)
    try:
        with db.write() as session:
            conn = server_roles.server(session)
            _require_runner(conn)
            stored = server_roles.stored_groups(conn)
            if prefix is not None:
                server_roles.check_prefix(prefix)
                if stored is not None and stored.prefix != prefix:
                    raise InvalidInput(
                        "admin.prefix_mismatch",
                        field="role_prefix",
                        prefix=prefix,
                        stored=stored.prefix,
                    )
            groups = stored or GroupRoles(prefix or server_roles.default_prefix(url.database or ""))
            created = server_roles.ensure_groups(conn, groups)
            server_roles.record_groups(conn, groups)
            undecided = _apply(conn, groups)
            server_logins.install_login_functions(conn, groups.name(Role.ADMIN.value))
            tables = len(row_security.existing_tables(conn)) - len(undecided)
    finally:
        db.close()
    return TeamModeReport(
        redact(url), groups.prefix, tuple(created), tables, tuple(undecided), stored is None
    )


def reapply(connection: Connection) -> list[str] | None:
    """Privileges and policies again, in the caller's transaction (a migration), when the
    database is in team mode; the undecided tables (None: not in team mode)."""
    if connection.dialect.name != "postgresql":
        return None
    conn = server_roles.server(connection)
    groups = server_roles.stored_groups(conn)
    if groups is None:
        return None
    return _apply(conn, groups)
