"""Row-level security: who the signed-in user is, in SQL, and one policy per rule.

The identity functions answer for the session's login (``session_user``: the person who
signed in, whatever role they ``SET``): their Baton user id, role and team, and the leads
handed to them, read from ``user_account`` where ``db_login`` is that login and the user
is active (a deactivated user is nobody: every policy is false). They are ``SECURITY
DEFINER`` (they read ``user_account`` whatever the caller may read), ``STABLE``, with a
fixed ``search_path`` and every name qualified, and owned by the schema owner. They are
PL/pgSQL reading ``SELECT … INTO``: the query's plan is kept for the session, where a SQL
function that cannot be inlined (a ``SECURITY DEFINER`` one never is) is parsed and
planned again in every statement that calls it (measured on PostgreSQL 15: 21 µs a call
as SQL, 10 µs as PL/pgSQL ``RETURN (SELECT …)``, 6 µs with ``INTO``; a rep's UPDATE of a
lead calls them ten times, and logging a call runs about twenty statements).

Policies call them as ``(SELECT fn())``: an init plan, evaluated once per statement
rather than once per row, so the queue's top 50 stays an index walk. Each policy is for
one role's group (``TO group``: PostgreSQL only plans the policies of the roles the user
belongs to) and also requires that the user's Baton role is that role, so a login left
in a group after a role change gets nothing from it.

:func:`apply_policies` enables row security on every table of :data:`TABLES` and
replaces Baton's policies (named ``baton_<command>_<role>``) in the caller's
transaction; a table of the schema that is not decided gets row security with no policy.
"""

from __future__ import annotations

from psycopg import sql

from models.core.enums import Role
from models.db.server_roles import GroupRoles, Server
from models.db.table_rules import TABLES, merged

#: Function name -> (return type, the query returning one value: {s} is the schema).
FUNCTIONS: dict[str, tuple[str, str]] = {
    "baton_user_id": (
        "integer",
        "SELECT id FROM {s}.user_account WHERE db_login = session_user::text AND active",
    ),
    "baton_user_role": (
        "text",
        "SELECT role FROM {s}.user_account WHERE db_login = session_user::text AND active",
    ),
    "baton_user_team": (
        "integer",
        "SELECT team_id FROM {s}.user_account WHERE db_login = session_user::text AND active",
    ),
    "baton_handed_leads": (
        "integer[]",
        "SELECT coalesce(array_agg(DISTINCT h.lead_id), ARRAY[]::integer[])"
        " FROM {s}.handoff AS h WHERE h.field_rep_id = {s}.baton_user_id()",
    ),
}
#: How far ahead of the server a desktop's clock may be (a claim's lease, a version's date).
CLOCK_ALLOWANCE = "interval '5 minutes'"


def schema(conn: Server) -> str:
    row = conn.execute("SELECT current_schema()").fetchone()
    assert row is not None and row[0] is not None
    name: str = row[0]
    return name


def install_functions(conn: Server, owner: str) -> None:
    """Create (or replace) the identity functions, owned by ``owner``, callable by no one
    but the owner until :mod:`models.db.grants` grants them to the member group."""
    s = sql.Identifier(schema(conn))
    for name, (returns, body) in FUNCTIONS.items():
        function = sql.SQL("{}.{}").format(s, sql.Identifier(name))
        conn.execute(
            sql.SQL(
                "CREATE OR REPLACE FUNCTION {function}() RETURNS {returns}"
                " LANGUAGE plpgsql STABLE SECURITY DEFINER"
                " SET search_path = pg_catalog, pg_temp"
                " AS {body}"
            ).format(
                function=function,
                returns=sql.SQL(returns),
                body=sql.Literal(
                    sql.SQL("DECLARE answer {}; BEGIN {} INTO answer; RETURN answer; END")
                    .format(sql.SQL(returns), sql.SQL(body).format(s=s))
                    .as_string(conn.raw)
                ),
            )
        )
        conn.execute(
            sql.SQL("ALTER FUNCTION {}() OWNER TO {}").format(function, sql.Identifier(owner))
        )
        conn.execute(sql.SQL("REVOKE ALL ON FUNCTION {}() FROM PUBLIC").format(function))


def _placeholders(conn: Server, table: str) -> dict[str, sql.Composable]:
    s = sql.Identifier(schema(conn))

    def call(name: str) -> sql.Composable:
        return sql.SQL("(SELECT {}.{}())").format(s, sql.Identifier(name))

    return {
        "t": sql.Identifier(table),
        "me": call("baton_user_id"),
        "team": call("baton_user_team"),
        "handed": call("baton_handed_leads"),
        "lead": sql.SQL("{}.{}").format(s, sql.Identifier("lead")),
        "users": sql.SQL("{}.{}").format(s, sql.Identifier("user_account")),
        "now": sql.SQL("(now() AT TIME ZONE 'UTC' + {})").format(sql.SQL(CLOCK_ALLOWANCE)),
    }


def policy_name(command: str, role: str) -> str:
    return f"baton_{command.lower()}_{role}"


def existing_tables(conn: Server) -> list[str]:
    """The tables of the schema (Baton's and anything added since)."""
    rows = conn.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    ).fetchall()
    return [row[0] for row in rows]


def _drop_policies(conn: Server, table: str) -> None:
    names = conn.execute(
        "SELECT policyname FROM pg_policies"
        " WHERE schemaname = current_schema() AND tablename = %s AND policyname LIKE 'baton\\_%%'",
        (table,),
    ).fetchall()
    for (name,) in names:
        conn.execute(
            sql.SQL("DROP POLICY {} ON {}").format(sql.Identifier(name), sql.Identifier(table))
        )


def apply_policies(conn: Server, groups: GroupRoles) -> list[str]:
    """Row security on every table, Baton's policies replaced; returns the tables of the
    schema no rule decides (row security on, no policy: only the owner reaches them)."""
    role_of = sql.SQL("(SELECT {}.{}())").format(
        sql.Identifier(schema(conn)), sql.Identifier("baton_user_role")
    )
    undecided = []
    for table in existing_tables(conn):
        conn.execute(
            sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(sql.Identifier(table))
        )
        _drop_policies(conn, table)
        if table not in TABLES:
            undecided.append(table)
            continue
        values = _placeholders(conn, table)
        for (command, role), grant in sorted(merged(table).items()):
            is_role = sql.SQL("{} = {}").format(role_of, sql.Literal(Role(role).value))
            clauses = [
                sql.SQL("CREATE POLICY {} ON {} AS PERMISSIVE FOR {} TO {}").format(
                    sql.Identifier(policy_name(command, role)),
                    sql.Identifier(table),
                    sql.SQL(command),
                    sql.Identifier(groups.name(role)),
                )
            ]
            for keyword, condition in (("USING", grant.using), ("WITH CHECK", grant.check)):
                if condition is not None:
                    clauses.append(
                        sql.SQL(keyword + " ({} AND ({}))").format(
                            is_role, sql.SQL(condition).format(**values)
                        )
                    )
            conn.execute(sql.SQL(" ").join(clauses))
    return undecided
