"""The options of the commands about people: ``baton users``, ``baton user
add|role|deactivate|away|back|capacity``, ``baton login|logout`` and ``baton admin
init|add-user|deactivate`` (handled in :mod:`desktop.cli.users`,
:mod:`desktop.cli.availability`, :mod:`desktop.cli.sign_in`, :mod:`desktop.cli.admin`)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from desktop.cli.numbers import record_id

if TYPE_CHECKING:  # what add_subparsers returns (not subscriptable at run time)
    Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]

#: ``baton user add --role`` and ``baton user role``: models.core.enums.Role's values.
ROLES = ("rep", "team_lead", "field_rep", "marketing", "admin")


def add_people_commands(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    _user_commands(sub, common)
    _admin_commands(sub, common)


def _user_commands(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("users", parents=[common], help="list the users")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=("users", "users"))

    p = sub.add_parser("user", parents=[common], help="manage users")
    user_sub = p.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = user_sub.add_parser("add", parents=[common], help="add a user")
    add.add_argument("email")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--team", type=record_id, metavar="ID", help="team id (default: the admin's)")
    add.set_defaults(handler=("users", "user_add"))
    role = user_sub.add_parser("role", parents=[common], help="give a user another role")
    role.add_argument("email")
    role.add_argument("role", choices=ROLES)
    role.set_defaults(handler=("users", "user_role"))
    deactivate = user_sub.add_parser(
        "deactivate", parents=[common], help="deactivate a user (their leads stay theirs)"
    )
    deactivate.add_argument("email")
    deactivate.set_defaults(handler=("users", "user_deactivate"))
    away = user_sub.add_parser("away", parents=[common], help="record that a user is away")
    away.add_argument("email")
    away.add_argument("--from", dest="start", required=True, metavar="DATE")
    away.add_argument("--to", dest="end", required=True, metavar="DATE", help="last day away")
    away.add_argument("--note", default="", metavar="TEXT")
    away.set_defaults(handler=("availability", "user_away"))
    back = user_sub.add_parser("back", parents=[common], help="remove an away period")
    back.add_argument("away_id", type=record_id, metavar="AWAY-ID")
    back.set_defaults(handler=("availability", "user_back"))
    capacity = user_sub.add_parser(
        "capacity", parents=[common], help="how many open leads a rep carries"
    )
    capacity.add_argument("email")
    capacity.add_argument("capacity", type=int, metavar="N")
    capacity.set_defaults(handler=("availability", "user_capacity"))
    for command in (add, role, deactivate):
        command.add_argument(
            "--user", metavar="EMAIL", help="the administrator acting (default $BATON_USER)"
        )
    for command in (away, back, capacity):
        command.add_argument("--user", metavar="EMAIL", help="who acts (default $BATON_USER)")

    p = sub.add_parser(
        "login", parents=[common], help="save your server password in the system keychain"
    )
    p.set_defaults(handler=("sign_in", "login"))
    p = sub.add_parser("logout", parents=[common], help="remove the saved server password")
    p.set_defaults(handler=("sign_in", "logout"))


def _admin_commands(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    """``baton admin init|add-user|deactivate``: team mode on a PostgreSQL server."""
    p = sub.add_parser(
        "admin", parents=[common], help="team mode on a PostgreSQL server: set up, add people"
    )
    actions = p.add_subparsers(dest="admin_command", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init",
        parents=[common],
        help="create or upgrade the schema, group roles, grants and row-level security "
        "(the database owner, with CREATEROLE)",
    )
    init.add_argument(
        "--role-prefix", metavar="PREFIX", help="group roles' names start so (default: baton_DB_)"
    )
    init.set_defaults(handler=("admin", "init"))
    add = actions.add_parser(
        "add-user", parents=[common], help="a Baton user and their server login, in one step"
    )
    add.add_argument("email", metavar="EMAIL", help="also their login (lowercased)")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--team", type=record_id, metavar="TEAM", help="team id (default: your team)")
    add.add_argument("--name", metavar="NAME", help="display name (default: before the @)")
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the new login's password as one line of standard input (default: asked)",
    )
    add.set_defaults(handler=("admin", "add_user"))
    off = actions.add_parser(
        "deactivate", parents=[common], help="a user can no longer sign in; sessions ended"
    )
    off.add_argument("email", metavar="EMAIL")
    off.set_defaults(handler=("admin", "deactivate"))
