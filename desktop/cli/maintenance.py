"""``baton rescore``: recompute every score and priority (engagement decays with time)."""

from __future__ import annotations

import argparse
import time

from desktop.cli.context import EXIT_OK, database, now
from models.scoring.rescore import rescore_all


def rescore(args: argparse.Namespace) -> int:
    with database(args, write=True) as db:
        started = time.perf_counter()
        report = rescore_all(db, now(args))
        print(f"Rescored {report.leads:,} leads in {time.perf_counter() - started:.1f} s.")
    return EXIT_OK
