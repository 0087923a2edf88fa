"""``baton user away|back|capacity``: when a rep is away and how many leads they carry.

Distribution never gives leads to a rep who is away or full; the workload view shows
both. The user themself, their team lead or an administrator records away periods; a
team lead or an administrator sets the capacity.
"""

from __future__ import annotations

import argparse

from desktop.cli.actor import acting_user
from desktop.cli.context import EXIT_OK, database, now, speak
from desktop.cli.handoffs import iso_day
from desktop.cli.output import say
from desktop.i18n.translate import QT_TRANSLATE_NOOP
from models.teams.away import add_away, remove_away
from models.teams.capacity import set_capacity
from models.teams.users import user_by_email

AWAY = QT_TRANSLATE_NOOP("Cli", "%1 is away from %2 to %3 (away period %4).")
BACK = QT_TRANSLATE_NOOP("Cli", "Away period %1 removed.")
CAPACITY = QT_TRANSLATE_NOOP("Cli", "%1 now carries up to %2 open leads.")


def user_away(args: argparse.Namespace) -> int:
    first = iso_day(args.start, "--from")
    last = iso_day(args.end, "--to")
    assert first is not None and last is not None  # required options
    with database(args, write=True) as db, db.write() as session:
        target = user_by_email(session, args.email)
        added = add_away(
            session, acting_user(session, args), target.id, first, last, args.note, now(args)
        )
    speak(args.lang)
    period = added.away
    print(say(AWAY, target.display_name, period.starts_on, period.ends_on, period.id))
    return EXIT_OK


def user_back(args: argparse.Namespace) -> int:
    with database(args, write=True) as db, db.write() as session:
        remove_away(session, acting_user(session, args), args.away_id, now(args))
    speak(args.lang)
    print(say(BACK, args.away_id))
    return EXIT_OK


def user_capacity(args: argparse.Namespace) -> int:
    with database(args, write=True) as db, db.write() as session:
        target = user_by_email(session, args.email)
        set_capacity(session, acting_user(session, args), target.id, args.capacity, now(args))
    speak(args.lang)
    print(say(CAPACITY, target.display_name, args.capacity))
    return EXIT_OK
