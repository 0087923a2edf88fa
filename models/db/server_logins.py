"""People's server logins: created, joined to their group, retired, their sessions ended.

Creating a login needs ``CREATEROLE``, which on PostgreSQL up to 15 is nearly a
superuser's power (such a role may grant itself any non-superuser role). So Baton's
administrators do not get it: they call three ``SECURITY DEFINER`` functions, owned by
whoever ran ``baton admin init`` (who has it), that do exactly one thing each and check
first that the caller is an active Baton administrator of this database or the owner
of its tables:

- ``baton_create_login(login, verifier, role)``: a new LOGIN role with the password's
  verifier (hashed here, by libpq, never sent in clear), or an existing login reused
  (another Baton database on the same server), made a member of the role's group. A
  login that bypasses Baton's rules (superuser, role creation, row-security bypass,
  replication, owning the tables) or that cannot log in is refused.
- ``baton_retire_login(login)``: for a deactivated user's login, out of this database's
  groups, and NOLOGIN unless another Baton database on the server still has them.
- ``baton_move_login(login, role)``: a user whose role changed, out of the old role's
  group and into the new one's.
- ``baton_end_sessions(login)``: that login's sessions on this database ended, when the
  functions' owner may (NULL when the server does not allow it).

Roles are part of PostgreSQL's transactions: the login, its membership and the Baton
user commit or roll back together with the caller's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from psycopg import sql

from models.core.errors import InvalidInput
from models.db.row_security import schema
from models.db.server_roles import MAX_NAME, Server

_ALLOWED = """
  SELECT coalesce({s}.baton_user_role() = 'admin', false)
      OR pg_has_role(session_user, (SELECT tableowner FROM pg_tables
                                    WHERE schemaname = {schema} AND tablename = 'lead'),
                     'MEMBER')
"""
_GUARD = """
BEGIN
  IF NOT {s}.baton_may_manage_users() THEN
    RAISE EXCEPTION 'only a Baton administrator manages logins' USING ERRCODE = '42501';
  END IF;
  IF retiring AND NOT EXISTS (SELECT 1 FROM {s}.user_account
                              WHERE db_login = login AND NOT active) THEN
    RAISE EXCEPTION 'the login % is no deactivated user''s', login USING ERRCODE = '42501';
  END IF;
END
"""
_CREATE = """
DECLARE
  grp text;
  existing record;
BEGIN
  PERFORM {s}.baton_check_manager(login, false);
  SELECT db_role INTO grp FROM {s}.server_role WHERE role = baton_role;
  IF grp IS NULL THEN
    RAISE EXCEPTION 'no group for the role %', baton_role USING ERRCODE = '22023';
  END IF;
  SELECT rolcanlogin, rolsuper OR rolcreaterole OR rolbypassrls OR rolreplication
         OR pg_has_role(rolname, (SELECT tableowner FROM pg_tables
                                  WHERE schemaname = {schema} AND tablename = 'lead'),
                        'MEMBER') AS privileged
    INTO existing FROM pg_roles WHERE rolname = login;
  IF NOT FOUND THEN
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', login, verifier);
    EXECUTE format('GRANT %I TO %I', grp, login);
    RETURN true;
  END IF;
  IF NOT existing.rolcanlogin OR existing.privileged THEN
    RAISE EXCEPTION 'the login % cannot be a Baton user', login USING ERRCODE = '42501';
  END IF;
  EXECUTE format('GRANT %I TO %I', grp, login);
  RETURN false;
END
"""
_RETIRE = """
DECLARE
  grp text;
BEGIN
  PERFORM {s}.baton_check_manager(login, true);
  FOR grp IN
    SELECT g.rolname FROM pg_auth_members AS m
      JOIN pg_roles AS g ON g.oid = m.roleid JOIN pg_roles AS u ON u.oid = m.member
     WHERE u.rolname = login
       AND g.rolname IN (SELECT db_role FROM {s}.server_role
                         UNION SELECT left(db_role, -length(role)) || 'member'
                                 FROM {s}.server_role)
  LOOP
    EXECUTE format('REVOKE %I FROM %I', grp, login);
  END LOOP;
  IF EXISTS (SELECT 1 FROM pg_auth_members AS m JOIN pg_roles AS u ON u.oid = m.member
              WHERE u.rolname = login) THEN
    RETURN false;
  END IF;
  BEGIN
    EXECUTE format('ALTER ROLE %I NOLOGIN', login);
  EXCEPTION WHEN insufficient_privilege THEN
    RETURN false;
  END;
  RETURN true;
END
"""
_MOVE = """
DECLARE
  grp text;
  target text;
BEGIN
  PERFORM {s}.baton_check_manager(login, false);
  SELECT db_role INTO target FROM {s}.server_role WHERE role = baton_role;
  IF target IS NULL THEN
    RAISE EXCEPTION 'no group for the role %', baton_role USING ERRCODE = '22023';
  END IF;
  FOR grp IN
    SELECT g.rolname FROM pg_auth_members AS m
      JOIN pg_roles AS g ON g.oid = m.roleid JOIN pg_roles AS u ON u.oid = m.member
     WHERE u.rolname = login AND g.rolname <> target
       AND g.rolname IN (SELECT db_role FROM {s}.server_role)
  LOOP
    EXECUTE format('REVOKE %I FROM %I', grp, login);
  END LOOP;
  EXECUTE format('GRANT %I TO %I', target, login);
END
"""
_END = """
DECLARE
  ended integer;
BEGIN
  PERFORM {s}.baton_check_manager(login, true);
  BEGIN
    SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) INTO ended
      FROM pg_stat_activity
     WHERE usename = login AND datname = current_database() AND pid <> pg_backend_pid();
  EXCEPTION WHEN insufficient_privilege THEN
    RETURN NULL;
  END;
  RETURN ended;
END
"""
#: name -> (arguments, return type, language, body).
LOGIN_FUNCTIONS: dict[str, tuple[str, str, str, str]] = {
    "baton_may_manage_users": ("", "boolean", "sql", _ALLOWED),
    "baton_check_manager": ("login text, retiring boolean", "void", "plpgsql", _GUARD),
    "baton_create_login": (
        "login text, verifier text, baton_role text",
        "boolean",
        "plpgsql",
        _CREATE,
    ),
    "baton_retire_login": ("login text", "boolean", "plpgsql", _RETIRE),
    "baton_move_login": ("login text, baton_role text", "void", "plpgsql", _MOVE),
    "baton_end_sessions": ("login text", "integer", "plpgsql", _END),
}


def install_login_functions(conn: Server, admin_group: str) -> None:
    """Create (or replace) the login functions, owned by the session's login (who may
    create roles), callable by the admin group only."""
    name = schema(conn)
    s = sql.Identifier(name)
    for function, (arguments, returns, language, body) in LOGIN_FUNCTIONS.items():
        conn.execute(
            sql.SQL(
                "CREATE OR REPLACE FUNCTION {s}.{f}({args}) RETURNS {returns}"
                " LANGUAGE {language} VOLATILE SECURITY DEFINER"
                " SET search_path = pg_catalog, pg_temp AS {body}"
            ).format(
                s=s,
                f=sql.Identifier(function),
                args=sql.SQL(arguments),
                returns=sql.SQL(returns),
                language=sql.SQL(language),
                body=sql.Literal(
                    sql.SQL(body).format(s=s, schema=sql.Literal(name)).as_string(conn.raw)
                ),
            )
        )
        signature = sql.SQL("{}.{}({})").format(
            s, sql.Identifier(function), sql.SQL(_types(arguments))
        )
        conn.execute(sql.SQL("REVOKE ALL ON FUNCTION {} FROM PUBLIC").format(signature))
        conn.execute(
            sql.SQL("GRANT EXECUTE ON FUNCTION {} TO {}").format(
                signature, sql.Identifier(admin_group)
            )
        )


def _types(arguments: str) -> str:
    return ", ".join(a.split()[1] for a in arguments.split(", ") if a)


def login_name(email: str) -> str:
    """The server login of a user: their email, lowercased (at most 63 bytes)."""
    login = email.strip().lower()
    size = len(login.encode())
    if size > MAX_NAME:
        raise InvalidInput("admin.login_too_long", field="email", email=email, length=size)
    return login


@dataclass(frozen=True)
class LoginState:
    """An existing role of that name: whether it can be a Baton user's login."""

    can_log_in: bool
    privileged: bool

    @property
    def usable(self) -> bool:
        return self.can_log_in and not self.privileged


def login_state(conn: Server, login: str) -> LoginState | None:
    """The role named ``login`` on the server (None: there is none yet)."""
    row = conn.execute(
        "SELECT rolcanlogin, rolsuper OR rolcreaterole OR rolbypassrls OR rolreplication"
        " OR pg_has_role(rolname, (SELECT tableowner FROM pg_tables"
        "   WHERE schemaname = current_schema() AND tablename = 'lead'), 'MEMBER')"
        " FROM pg_roles WHERE rolname = %s",
        (login,),
    ).first()
    if row is None:
        return None
    can_log_in, privileged = row
    return LoginState(bool(can_log_in), bool(privileged))


def verifier(conn: Server, login: str, password: str) -> str:
    """The password's verifier (SCRAM-SHA-256 on a current server), computed by libpq as
    ``\\password`` does: the password itself never reaches the server or its log."""
    hashed: bytes = conn.raw.pgconn.encrypt_password(password.encode(), login.encode())
    return hashed.decode()


def _call(conn: Server, function: str, *args: str | None) -> object:
    s = sql.Identifier(schema(conn))
    placeholders = sql.SQL(", ").join([sql.Placeholder()] * len(args))
    row = conn.execute(
        sql.SQL("SELECT {}.{}({})").format(s, sql.Identifier(function), placeholders), args
    ).fetchone()
    return row[0] if row is not None else None


def create_login(conn: Server, login: str, password: str | None, role: str) -> bool:
    """The login made (or reused: ``password`` None) and joined to ``role``'s group;
    True when it was made."""
    hashed = verifier(conn, login, password) if password is not None else None
    return bool(_call(conn, "baton_create_login", login, hashed, role))


def retire_login(conn: Server, login: str) -> bool:
    """A deactivated user's login out of this database's groups; True when it can no
    longer log in at all (False: another Baton database on the server still has it)."""
    return bool(_call(conn, "baton_retire_login", login))


def move_login(conn: Server, login: str, role: str) -> None:
    """A user whose role changed: their login out of their old role's group, into the
    new role's (so the server's rules follow the role at once)."""
    _call(conn, "baton_move_login", login, role)


def end_sessions(conn: Server, login: str) -> int | None:
    """End that login's sessions on this database (None: the server does not allow it)."""
    ended = _call(conn, "baton_end_sessions", login)
    return int(ended) if isinstance(ended, int) else None
