"""``baton demo`` and the demo data behind ``baton --demo``.

The only module of the app that imports :mod:`models.demo` (an import-linter contract
keeps it so); the app receives :func:`fill` through its start options.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from desktop.cli.context import EXIT_OK, database, speak
from desktop.cli.output import say
from desktop.i18n.translate import QT_TRANSLATE_NOOP
from models.db.database import Database

DEMO_MADE = QT_TRANSLATE_NOOP(
    "Cli", "%1 leads, %2 companies, %3 touches, %4 calls, %5 users in %6 s → %7"
)


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
        where = db.display_url
    speak(args.lang)
    print(
        say(
            DEMO_MADE,
            f"{report.leads:,}",
            f"{report.accounts:,}",
            f"{report.touches:,}",
            f"{report.calls:,}",
            report.users,
            f"{elapsed:.1f}",
            where,
        )
    )
    return EXIT_OK
