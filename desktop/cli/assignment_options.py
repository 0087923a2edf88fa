"""The options of ``baton reassign``, ``baton distribute`` and ``baton workload``
(handled in :mod:`desktop.cli.assignment`)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from desktop.cli.numbers import record_id

if TYPE_CHECKING:  # what add_subparsers returns (not subscriptable at run time)
    Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]

_WHO = "who acts (default $BATON_USER; in team mode the signed-in login)"
_TEAM = "team id (default: the user's team, else the first team)"


def add_assignment_commands(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "reassign", parents=[common], help="give leads to another rep (team leads, admins)"
    )
    p.add_argument("leads", type=record_id, nargs="+", metavar="LEAD")
    p.add_argument("--to", required=True, metavar="EMAIL", help="the rep who takes them")
    p.add_argument("--reason", required=True, metavar="TEXT", help="why (kept in the history)")
    p.add_argument("--allow-away", action="store_true", help="even if the rep is away today")
    p.add_argument("--user", metavar="EMAIL", help=_WHO)
    p.set_defaults(handler=("assignment", "reassign"))

    p = sub.add_parser(
        "distribute",
        parents=[common],
        help="give the team's unassigned new leads to its reps, weighted by free capacity",
    )
    p.add_argument("--team", type=record_id, metavar="TEAM", help=_TEAM)
    p.add_argument(
        "--dry-run", action="store_true", help="print the plan only: nothing is assigned"
    )
    p.add_argument(
        "--rebalance-days",
        type=int,
        metavar="N",
        help="instead: move leads nobody worked for N days to other reps",
    )
    p.add_argument("--json", action="store_true")
    p.add_argument("--user", metavar="EMAIL", help=_WHO)
    p.set_defaults(handler=("assignment", "distribute"))

    p = sub.add_parser(
        "workload", parents=[common], help="each rep's open leads, callbacks, calls, capacity"
    )
    p.add_argument("--team", type=record_id, metavar="TEAM", help=_TEAM)
    p.add_argument("--json", action="store_true")
    p.add_argument("--user", metavar="EMAIL", help="pick this user's team")
    p.set_defaults(handler=("assignment", "workload"))
