"""Record ids and stored whole numbers on the command line: refused by the parser, with
the range, when no row could hold them (INTEGER columns, 32-bit on PostgreSQL; SQLite
would not even take a number past 64 bits), instead of failing in the database driver."""

from __future__ import annotations

import argparse

#: The largest id an INTEGER column holds on both databases.
MAX_ID = 2**31 - 1


def _whole(text: str, low: int, what: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not low <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(f"{text} is not {what} ({low} to {MAX_ID:,})")
    return value


def record_id(text: str) -> int:
    """A lead, team, handoff or definition version's id: a whole number, 1 or more."""
    return _whole(text, 1, "an id")


def stored_count(text: str) -> int:
    """A number stored as it is (a call's seconds): 0 or more, what INTEGER holds (the
    domain has its own, smaller limits)."""
    return _whole(text, 0, "a storable number")
