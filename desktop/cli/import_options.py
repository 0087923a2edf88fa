"""The options of ``baton import leads|touches FILE`` (handled in :mod:`desktop.cli.imports`)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # what add_subparsers returns (not subscriptable at run time)
    Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]


def add_import_commands(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "import",
        parents=[common],
        help="import leads or engagements from a marketing tool's export (CSV or XLSX)",
    )
    kinds = p.add_subparsers(dest="import_kind", metavar="KIND", required=True)
    for kind, text in (
        ("leads", "people and their companies (merged into the leads Baton has)"),
        ("touches", "engagements of leads Baton has (downloads, seminars, visits...)"),
    ):
        k = kinds.add_parser(kind, parents=[common], help=text)
        k.add_argument("file", metavar="FILE")
        k.add_argument(
            "--preset",
            metavar="P",
            help="the tool whose export this is (default: recognised from the columns)",
        )
        k.add_argument("--mapping", metavar="FILE", help="a JSON mapping: field -> column")
        k.add_argument("--sheet", metavar="NAME", help="the XLSX sheet to read")
        k.add_argument(
            "--dry-run",
            action="store_true",
            help="read, check and count as the import would; store nothing (rolled back)",
        )
        k.add_argument("--json", action="store_true")
        k.add_argument("--rejected", metavar="FILE", help="write the rejected rows to this CSV")
        k.add_argument("--user", metavar="EMAIL", help="who imports (default $BATON_USER)")
        k.set_defaults(handler=("imports", "import_file"))
