"""Looking after a database: ``baton init``, ``baton migrate`` and ``baton rescore``."""

from __future__ import annotations

import argparse
import time

from desktop.cli.context import EXIT_OK, database, now, speak, url
from desktop.cli.output import say
from desktop.i18n.translate import QT_TRANSLATE_NOOP
from models.db.database import init_database, migrate_database
from models.leads.reentry import return_from_nurture
from models.scoring.rescore import rescore_all

CREATED = QT_TRANSLATE_NOOP("Cli", "Created an empty Baton database (schema %1) at %2.")
ALREADY = QT_TRANSLATE_NOOP("Cli", "%1 already holds a Baton database (schema %2).")
UPGRADED = QT_TRANSLATE_NOOP("Cli", "Upgraded %1 from schema %2 to %3.")
UP_TO_DATE = QT_TRANSLATE_NOOP("Cli", "%1 is up to date (schema %2); nothing to do.")
CAME_BACK = QT_TRANSLATE_NOOP("Cli", "%1 leads came back from nurture.")
RESCORED = QT_TRANSLATE_NOOP("Cli", "Rescored %1 leads in %2 s.")


def init(args: argparse.Namespace) -> int:
    """Create an empty Baton database (a current one is left as it is)."""
    report = init_database(url(args))
    speak(args.lang)
    if report.changed:
        print(say(CREATED, report.after, report.where))
    else:
        print(say(ALREADY, report.where, report.after))
    return EXIT_OK


def migrate(args: argparse.Namespace) -> int:
    """Upgrade a database made by an older Baton (a current one is left as it is)."""
    report = migrate_database(url(args))
    speak(args.lang)
    if report.changed:
        print(say(UPGRADED, report.where, report.before, report.after))
    else:
        print(say(UP_TO_DATE, report.where, report.after))
    return EXIT_OK


def rescore(args: argparse.Namespace) -> int:
    """Bring back the leads whose re-entry date from nurture has come, then recompute
    every score and priority (engagement decays with time)."""
    at = now(args)
    with database(args, write=True) as db:
        started = time.perf_counter()
        with db.write() as session:
            back = return_from_nurture(session, at, skip_locked=False)
        report = rescore_all(db, at)
        elapsed = time.perf_counter() - started
    speak(args.lang)
    if back.lead_ids:
        print(say(CAME_BACK, f"{len(back.lead_ids):,}"))
    print(say(RESCORED, f"{report.leads:,}", f"{elapsed:.1f}"))
    return EXIT_OK
