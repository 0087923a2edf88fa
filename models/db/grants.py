"""Privileges of the group roles: what :data:`models.db.table_rules.TABLES` lets each do.

Privileges say which commands a role's group may run on a table at all (an UPDATE
limited to some columns is a column grant); the policies of :mod:`models.db.row_security`
say on which rows. Every member may connect to the database (nobody else but its owner:
``CONNECT`` is taken from ``PUBLIC``), use the schema and its sequences, and call the
identity functions. Everything is revoked first, so running it again after a change of
the rules leaves exactly what they say.
"""

from __future__ import annotations

from psycopg import sql

from models.db.row_security import FUNCTIONS, existing_tables, schema
from models.db.server_roles import GroupRoles, Server
from models.db.table_rules import TABLES, merged


def _revoke_everything(conn: Server, table: sql.Composable, groups: GroupRoles) -> None:
    everyone = sql.SQL(", ").join([sql.SQL("PUBLIC"), *map(sql.Identifier, groups.all)])
    conn.execute(sql.SQL("REVOKE ALL ON TABLE {} FROM {}").format(table, everyone))


def grant_tables(conn: Server, groups: GroupRoles) -> None:
    """Each table's privileges per group, as the rules say (none for an undecided table)."""
    for name in existing_tables(conn):
        table = sql.Identifier(name)
        _revoke_everything(conn, table, groups)
        if name not in TABLES:
            continue
        for (command, role), grant in sorted(merged(name).items()):
            privilege: sql.Composable = sql.SQL(command)
            if grant.columns:
                privilege = sql.SQL("{} ({})").format(
                    privilege, sql.SQL(", ").join(map(sql.Identifier, grant.columns))
                )
            conn.execute(
                sql.SQL("GRANT {} ON TABLE {} TO {}").format(
                    privilege, table, sql.Identifier(groups.name(role))
                )
            )


def grant_member(conn: Server, groups: GroupRoles) -> None:
    """What every member may do: connect, use the schema and its sequences, call the
    identity functions."""
    member = sql.Identifier(groups.member)
    database = sql.Identifier(_database(conn))
    conn.execute(sql.SQL("REVOKE CONNECT, TEMPORARY ON DATABASE {} FROM PUBLIC").format(database))
    conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(database, member))
    s = sql.Identifier(schema(conn))
    conn.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(s, member))
    conn.execute(sql.SQL("GRANT USAGE ON ALL SEQUENCES IN SCHEMA {} TO {}").format(s, member))
    for name in FUNCTIONS:
        conn.execute(
            sql.SQL("GRANT EXECUTE ON FUNCTION {}.{}() TO {}").format(
                s, sql.Identifier(name), member
            )
        )


def _database(conn: Server) -> str:
    row = conn.execute("SELECT current_database()").fetchone()
    assert row is not None
    name: str = row[0]
    return name
