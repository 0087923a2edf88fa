"""The domain's messages about setting up team mode: group roles, logins, who may do it.

Part of the catalogue of :mod:`models.core.messages` (its docstring says how keys and
parameters work); stable key -> English template.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

ADMIN_MESSAGES: Final[Mapping[str, str]] = {
    # -- baton admin init (models/db/server_security.py, server_roles.py) ------------------
    "admin.not_postgresql": (
        "Team mode needs a PostgreSQL server; {url} is not one "
        "(expected postgresql://LOGIN@HOST/DATABASE)."
    ),
    "admin.init_not_owner": (
        "The login {login} does not own Baton's tables in this database ({owner} does): "
        "run baton admin init as their owner."
    ),
    "admin.init_needs_createrole": (
        "The login {login} cannot create roles: run baton admin init as the database's "
        "owner with the CREATEROLE right, or as a superuser."
    ),
    "admin.prefix_empty": "The role prefix is empty.",
    "admin.prefix_too_long": (
        "The role prefix “{prefix}” is too long: the longest group role would be {length} "
        "bytes, and PostgreSQL allows 63."
    ),
    "admin.prefix_mismatch": (
        "This database's group roles start with “{stored}”, not “{prefix}”: run baton admin "
        "init without --role-prefix (or with that prefix)."
    ),
    "admin.role_taken": (
        "A role named {role} exists on the server and is not a Baton group role (it can "
        "log in or has special rights): choose another prefix with --role-prefix."
    ),
    "admin.roles_inconsistent": (
        "The group roles recorded for this database do not follow one prefix ({roles}): "
        "run baton admin init again as the owner of its tables."
    ),
    # -- baton admin add-user / deactivate (models/teams/server_users.py) -----------------
    "admin.not_team_mode": (
        "This database is not set up for team mode: run baton admin init first."
    ),
    "admin.not_admin": (
        "The login {login} is not an active Baton administrator of this database: sign in "
        "as one (--db postgresql://ADMIN@HOST/DATABASE) to manage users."
    ),
    "admin.login_too_long": (
        "The email {email} cannot be a server login: it is {length} bytes long, and "
        "PostgreSQL allows 63."
    ),
    "admin.login_taken": "Another Baton user of this database signs in as {login} already.",
    "admin.login_unusable": (
        "A role named {login} exists on the server but cannot be a Baton user's login (it "
        "cannot log in, or has rights that go around Baton's rules)."
    ),
    "admin.deactivate_with_login": (
        "In team mode {email} also has a server login: use “baton admin deactivate {email}”, "
        "which deactivates both."
    ),
    "admin.password_empty": "The new login needs a password; none was given.",
    "admin.password_mismatch": "The two passwords typed differ: nothing was changed.",
}
