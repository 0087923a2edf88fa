"""``baton admin init|add-user|deactivate``: team mode on a PostgreSQL server.

``init`` is run by the owner of the database (with CREATEROLE, or a superuser): the
schema, the group roles, grants and row-level security, again whenever it is run.
``add-user`` and ``deactivate`` act as the login in ``--db``: a Baton administrator (or,
to add the first ones, the owner). A new login's password is asked twice at the terminal,
or read as one line from standard input with ``--password-stdin``; it is never a
command-line argument.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable

from desktop.cli.context import EXIT_OK, database, now, speak, url
from desktop.cli.output import say
from desktop.i18n.translate import QT_TRANSLATE_NOOP
from models.core.errors import InvalidInput
from models.db.server_security import set_up_team_mode
from models.teams import server_users

#: Asks a new login's password at the terminal (tests give their own answer).
ask_password: Callable[[str], str] = getpass.getpass

SET_UP = QT_TRANSLATE_NOOP(
    "Cli",
    "Team mode is set up on %1 (schema %2): group roles %3*, grants and row-level "
    "security on %4 tables.",
)
APPLIED_AGAIN = QT_TRANSLATE_NOOP(
    "Cli",
    "Team mode on %1 (schema %2): grants and row-level security applied again on %3 "
    "tables (group roles %4*).",
)
ROLES_MADE = QT_TRANSLATE_NOOP("Cli", "Group roles created: %1")
UNDECIDED = QT_TRANSLATE_NOOP(
    "Cli", "No rule decides these tables, so only their owner reaches them: %1"
)
ADDED = QT_TRANSLATE_NOOP("Cli", "Added %1 <%2> (%3), who signs in as %4.")
REUSED = QT_TRANSLATE_NOOP(
    "Cli",
    "Added %1 <%2> (%3), who signs in as %4: that login existed on the server "
    "already, its password is unchanged.",
)
DEACTIVATED = QT_TRANSLATE_NOOP("Cli", "Deactivated %1 <%2>.")
RETIRED = QT_TRANSLATE_NOOP("Cli", "The login %1 can no longer sign in.")
LEFT = QT_TRANSLATE_NOOP(
    "Cli",
    "The login %1 left this database; another Baton database on this server still "
    "has it, so it can still sign in there.",
)
ENDED = QT_TRANSLATE_NOOP("Cli", "Sessions ended: %1.")
NOT_ENDED = QT_TRANSLATE_NOOP(
    "Cli",
    "Their open sessions could not be ended (the server does not allow it); they "
    "can no longer read or change anything in Baton.",
)


def init(args: argparse.Namespace) -> int:
    report = set_up_team_mode(url(args), args.role_prefix)
    speak(args.lang)
    if report.first_time:
        print(say(SET_UP, report.where, report.schema, report.prefix, report.tables))
    else:
        print(say(APPLIED_AGAIN, report.where, report.schema, report.tables, report.prefix))
    if report.created:
        print(say(ROLES_MADE, ", ".join(report.created)))
    if report.undecided:
        print(say(UNDECIDED, ", ".join(report.undecided)), file=sys.stderr)
    return EXIT_OK


def _password(args: argparse.Namespace) -> str:
    """The new login's password: one line of standard input, or asked twice."""
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = ask_password("Password for the new login: ")
    if first and ask_password("The same password again: ") != first:
        raise InvalidInput("admin.password_mismatch", field="password")
    return first


def add_user(args: argparse.Namespace) -> int:
    with database(args, write=True) as db, db.write() as session:
        added = server_users.add_with_login(
            session,
            email=args.email,
            role=args.role,
            display_name=args.name or args.email.split("@", 1)[0],
            team_id=args.team,
            password=lambda: _password(args),
            now=now(args),
        )
    speak(args.lang)
    from desktop.i18n import labels

    user = added.user
    said = ADDED if added.created else REUSED
    print(say(said, user.display_name, user.email, labels.role(user.role), added.login))
    return EXIT_OK


def deactivate(args: argparse.Namespace) -> int:
    with database(args, write=True) as db:
        with db.write() as session:
            done = server_users.deactivate_with_login(session, args.email, now(args))
        ended: int | None = 0
        if done.login is not None:
            with db.write() as session:
                ended = server_users.end_sessions(session, done.login)
    speak(args.lang)
    print(say(DEACTIVATED, done.user.display_name, done.user.email))
    if done.login is not None:
        print(say(RETIRED if done.retired else LEFT, done.login))
        print(say(ENDED, ended) if ended is not None else say(NOT_ENDED))
    return EXIT_OK
