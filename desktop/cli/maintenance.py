"""Looking after a database: ``baton init``, ``baton migrate`` and ``baton rescore``."""

from __future__ import annotations

import argparse
import time

from desktop.cli.context import EXIT_OK, database, now, url
from models.db.database import init_database, migrate_database
from models.leads.reentry import return_from_nurture
from models.scoring.rescore import rescore_all


def init(args: argparse.Namespace) -> int:
    """Create an empty Baton database (a current one is left as it is)."""
    report = init_database(url(args))
    if report.changed:
        print(f"Created an empty Baton database (schema {report.after}) at {report.where}.")
    else:
        print(f"{report.where} already holds a Baton database (schema {report.after}).")
    return EXIT_OK


def migrate(args: argparse.Namespace) -> int:
    """Upgrade a database made by an older Baton (a current one is left as it is)."""
    report = migrate_database(url(args))
    if report.changed:
        print(f"Upgraded {report.where} from schema {report.before} to {report.after}.")
    else:
        print(f"{report.where} is up to date (schema {report.after}); nothing to do.")
    return EXIT_OK


def rescore(args: argparse.Namespace) -> int:
    """Bring back the leads whose re-entry date from nurture has come, then recompute
    every score and priority (engagement decays with time)."""
    at = now(args)
    with database(args, write=True) as db:
        started = time.perf_counter()
        with db.write() as session:
            back = return_from_nurture(session, at, skip_locked=False)
        if back.lead_ids:
            print(f"{len(back.lead_ids):,} leads came back from nurture.")
        report = rescore_all(db, at)
        print(f"Rescored {report.leads:,} leads in {time.perf_counter() - started:.1f} s.")
    return EXIT_OK
