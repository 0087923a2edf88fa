"""The options of ``baton kpi`` and ``baton report campaigns`` (handled in
:mod:`desktop.cli.kpi`): the period and the filters both take, and each one's output."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from desktop.cli.numbers import record_id

if TYPE_CHECKING:  # what add_subparsers returns (not subscriptable at run time)
    Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]

#: ``--period``: models.reporting.filters.NamedPeriod's values.
PERIODS = ("this-month", "last-month", "last-30-days", "this-quarter")
#: The period when none is given.
DEFAULT_PERIOD = "last-30-days"


def _filters(common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    shared = argparse.ArgumentParser(add_help=False, parents=[common])
    shared.add_argument("--since", metavar="DATE", help="from this day (YYYY-MM-DD)")
    shared.add_argument(
        "--until", metavar="DATE", help="up to and including this day (default: today)"
    )
    shared.add_argument(
        "--period", choices=PERIODS, help=f"a named period (default: {DEFAULT_PERIOD})"
    )
    shared.add_argument(
        "--team", type=record_id, metavar="ID", help="one team (team leads: their own, the default)"
    )
    shared.add_argument("--rep", metavar="EMAIL", help="one rep's leads, calls and handoffs")
    shared.add_argument("--campaign", metavar="NAME", help="leads with a touch in this campaign")
    shared.add_argument("--industry", metavar="CODE", help="e.g. manufacturing")
    shared.add_argument(
        "--definition-version",
        type=record_id,
        metavar="N",
        help="only handoffs made under this version of the handoff definition",
    )
    shared.add_argument("--user", metavar="EMAIL", help="who reads (default $BATON_USER)")
    return shared


def add_kpi_commands(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    shared = _filters(common)
    p = sub.add_parser(
        "kpi",
        parents=[shared],
        help="the shared KPIs: funnel, activity, speed to lead, reasons, industries",
    )
    p.add_argument("--json", action="store_true", help="every figure as JSON")
    p.add_argument("--definitions", action="store_true", help="print what each number counts")
    p.set_defaults(handler=("kpi", "kpi"))

    p = sub.add_parser("report", parents=[common], help="reports for the monthly review")
    reports = p.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    campaigns = reports.add_parser(
        "campaigns",
        parents=[shared],
        help="per campaign and content: leads sent, reached, promoted, accepted, returned",
    )
    campaigns.add_argument("--format", choices=("csv", "html"), default="csv")
    campaigns.add_argument(
        "--encoding",
        choices=("utf-8-sig", "utf-8", "cp932"),
        default="utf-8-sig",
        help="the CSV's (default: UTF-8 with a byte-order mark, which Excel reads)",
    )
    campaigns.add_argument(
        "-o", "--output", default="-", metavar="FILE", help="the file (default: - for stdout)"
    )
    campaigns.set_defaults(handler=("kpi", "report_campaigns"))
