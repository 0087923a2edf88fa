"""``baton demo`` and the demo data behind ``baton --demo``.

The only module of the app that imports :mod:`models.demo` (an import-linter contract
keeps it so); the app receives :func:`fill` through its start options.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from desktop.cli.context import EXIT_OK, database
from models.db.database import Database


def fill(
    db: Database,
    leads: int,
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> object:
    """Fill an empty database with ``leads`` demo leads (the app's ``--demo`` first start)."""
    from models import demo  # Faker loads only when demo data is made

    return demo.generate(db, leads=leads, progress=progress, cancelled=cancelled)


def demo(args: argparse.Namespace) -> int:
    from models import demo

    with database(args, write=True, create=True) as db:
        started = time.perf_counter()

        def progress(done: int, total: int) -> None:
            if not args.quiet:
                print(f"\r{done:>9,} / {total:,} leads", end="", file=sys.stderr, flush=True)

        report = demo.generate(db, leads=args.leads, seed=args.seed, progress=progress)
        if not args.quiet:
            print(file=sys.stderr)
        elapsed = time.perf_counter() - started
        print(
            f"{report.leads:,} leads, {report.accounts:,} companies, {report.touches:,} touches, "
            f"{report.calls:,} calls, {report.users} users in {elapsed:.1f} s → {db.display_url}"
        )
    return EXIT_OK
