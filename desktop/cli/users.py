"""``baton users`` and ``baton user add``."""

from __future__ import annotations

import argparse

from desktop.cli.context import EXIT_OK, database, speak
from desktop.cli.output import line, print_json, say
from desktop.i18n.translate import QT_TRANSLATE_NOOP
from models.teams.users import add_user, list_users

ADDED = QT_TRANSLATE_NOOP("Cli", "Added user %1: %2 <%3> (%4)")


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


def user_add(args: argparse.Namespace) -> int:
    with database(args, write=True, create=True) as db, db.write() as session:
        user = add_user(session, email=args.email, display_name=args.name, role=args.role).user
    speak(args.lang)
    from desktop.i18n import labels

    print(say(ADDED, user.id, user.display_name, user.email, labels.role(user.role)))
    return EXIT_OK
