"""``baton users`` and ``baton user add|role|deactivate``.

Once the database has an active administrator, managing users is theirs: the command
acts as ``--user`` (or ``$BATON_USER``, or the signed-in login in team mode, see
:mod:`desktop.cli.actor`). Before that (a database being set up) users are added with
no one acting.
"""

from __future__ import annotations

import argparse

from sqlalchemy.orm import Session

from desktop.cli.actor import acting_user, optional_acting_user
from desktop.cli.context import EXIT_OK, database, now, speak
from desktop.cli.output import line, print_json, say
from desktop.i18n.translate import QT_TRANSLATE_NOOP
from models.core.errors import NotFound, PermissionDenied
from models.teams.identity import team_mode
from models.teams.rules import team_of
from models.teams.server_users import change_role_with_login
from models.teams.users import (
    add_user,
    deactivate_user,
    list_users,
    user_by_email,
)

ADDED = QT_TRANSLATE_NOOP("Cli", "Added user %1: %2 <%3> (%4)")
ROLE_CHANGED = QT_TRANSLATE_NOOP("Cli", "%1 <%2> is now: %3")
DEACTIVATED = QT_TRANSLATE_NOOP(
    "Cli", "%1 <%2> deactivated (calls let go: %3); their leads wait for a team lead to reassign."
)


def users(args: argparse.Namespace) -> int:
    with database(args) as db, db.read() as session:
        found = list_users(session)
    if args.json:
        print_json(found)
        return EXIT_OK
    speak(args.lang)
    from desktop.i18n import labels

    for u in found:
        print(line(f"{u.id:4d}", (u.display_name, 20), (labels.role(u.role), 20), u.email))
    return EXIT_OK


def _team(session: Session, args: argparse.Namespace, actor_id: int | None) -> int | None:
    """``--team``, else the acting administrator's team (the first team; None: no team)."""
    if args.team is not None:
        return int(args.team)
    try:
        return team_of(session, actor_id).id
    except NotFound:
        return None


def user_add(args: argparse.Namespace) -> int:
    with database(args, write=True, create=True) as db, db.write() as session:
        actor_id = optional_acting_user(session, args)
        user = add_user(
            session,
            actor_id=actor_id,
            email=args.email,
            display_name=args.name,
            role=args.role,
            team_id=_team(session, args, actor_id),
            now=now(args),
        ).user
    speak(args.lang)
    from desktop.i18n import labels

    print(say(ADDED, user.id, user.display_name, user.email, labels.role(user.role)))
    return EXIT_OK


def user_role(args: argparse.Namespace) -> int:
    with database(args, write=True) as db, db.write() as session:
        target = user_by_email(session, args.email)
        user = change_role_with_login(
            session, acting_user(session, args), target.id, args.role, now(args)
        )
    speak(args.lang)
    from desktop.i18n import labels

    print(say(ROLE_CHANGED, user.user.display_name, user.user.email, labels.role(args.role)))
    return EXIT_OK


def user_deactivate(args: argparse.Namespace) -> int:
    with database(args, write=True) as db, db.write() as session:
        if team_mode(session):  # the login must go too: baton admin deactivate does both
            raise PermissionDenied("admin.deactivate_with_login", email=args.email)
        target = user_by_email(session, args.email)
        done = deactivate_user(session, acting_user(session, args), target.id, now(args))
    speak(args.lang)
    print(say(DEACTIVATED, done.user.display_name, done.user.email, done.claims_released))
    return EXIT_OK
