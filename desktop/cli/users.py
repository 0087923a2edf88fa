"""``baton users`` and ``baton user add``."""

from __future__ import annotations

import argparse

from desktop.cli.context import EXIT_OK, database
from desktop.cli.output import line, print_json
from models.teams.users import add_user, list_users


def users(args: argparse.Namespace) -> int:
    with database(args) as db, db.read() as session:
        found = list_users(session)
    if args.json:
        print_json(found)
    else:
        for u in found:
            print(line(f"{u.id:4d}", (u.display_name, 20), (u.role, 10), u.email))
    return EXIT_OK


def user_add(args: argparse.Namespace) -> int:
    with database(args, write=True, create=True) as db, db.write() as session:
        user = add_user(session, email=args.email, display_name=args.name, role=args.role).user
    print(f"Added user {user.id}: {user.display_name} <{user.email}> ({user.role})")
    return EXIT_OK
