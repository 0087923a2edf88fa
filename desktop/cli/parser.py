"""The command line: options and subcommands.

Each subcommand names its handler as ``(module, function)`` inside ``desktop.cli``; the
module is imported only when the command runs, so ``baton queue`` loads neither the app
nor the other commands.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from desktop.cli.assignment_options import add_assignment_commands
from desktop.cli.import_options import add_import_commands
from desktop.cli.kpi_options import add_kpi_commands
from desktop.cli.numbers import record_id, stored_count
from desktop.cli.people_options import add_people_commands

#: A command's handler: (module in desktop.cli, function in it).
Handler = tuple[str, str]

GUI: Handler = ("gui", "gui")

#: ``baton queue --sort``: the window's sorts (models.leads.queue.SortKey, "_" as "-").
SORTS = (
    "priority",
    "name",
    "company",
    "industry",
    "score",
    "last-touch",
    "last-call",
    "attempts",
    "why-now",
    "stage",
    "owner",
)


if TYPE_CHECKING:  # what add_subparsers returns (not subscriptable at run time)
    Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]


def _count(text: str) -> int:
    """A whole number, 0 or more (SQLite reads LIMIT -1 as "all", PostgreSQL refuses it)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} is less than 0")
    return value


def _common() -> argparse.ArgumentParser:
    """Options every command takes, before or after its name."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        help="database URL or SQLite file (default: $BATON_DATABASE_URL or the user data folder)",
    )
    common.add_argument(
        "--lang",
        choices=("ja", "en"),
        default=argparse.SUPPRESS,
        help="language of the UI and of printed labels (default: system)",
    )
    # The clock, for tests and reproducible scripts (also $BATON_NOW): an ISO instant.
    common.add_argument("--now", metavar="ISO", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return common


def _work_commands(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("call", parents=[common], help="log a call on a lead")
    p.add_argument("lead", type=record_id, metavar="LEAD")
    p.add_argument(
        "--outcome",
        required=True,
        metavar="O",
        help="connected, no_answer, voicemail, busy, gatekeeper, wrong_number, "
        "callback_requested, meeting_booked, not_interested, do_not_call",
    )
    p.add_argument("--note", metavar="TEXT")
    p.add_argument(
        "--callback", metavar="ISO-DATETIME", help="call back at (local time if no zone)"
    )
    p.add_argument("--meeting", metavar="ISO-DATETIME", help="meeting booked at")
    p.add_argument("--temperature", choices=("hot", "warm", "cold"))
    p.add_argument("--duration", type=stored_count, metavar="SECONDS")
    p.add_argument(
        "--bant",
        nargs="*",
        metavar="FIELD=VALUE[:EVIDENCE]",
        help="budget/authority/need/timeline answers, e.g. budget=planned",
    )
    p.add_argument(
        "--user", metavar="EMAIL", help="who called (default $BATON_USER; never guessed)"
    )
    p.set_defaults(handler=("work", "call"))

    p = sub.add_parser("recycle", parents=[common], help="return a lead to nurture")
    p.add_argument("lead", type=record_id, metavar="LEAD")
    p.add_argument(
        "--reason",
        required=True,
        metavar="R",
        help="no_budget, timing, no_authority, no_need, competitor, unreachable, bad_data, other",
    )
    p.add_argument("--until", metavar="DATE", help="re-entry date (YYYY-MM-DD)")
    p.add_argument("--note", metavar="TEXT")
    p.add_argument("--user", metavar="EMAIL")
    p.set_defaults(handler=("work", "recycle"))

    p = sub.add_parser(
        "phone", parents=[common], help="enter a new phone number for a lead (after a wrong number)"
    )
    p.add_argument("lead", type=record_id, metavar="LEAD")
    p.add_argument("number", metavar="NUMBER", help="as written, e.g. 03-1234-5678")
    p.add_argument("--user", metavar="EMAIL")
    p.set_defaults(handler=("work", "phone"))

    p = sub.add_parser("promote", parents=[common], help="hand a lead off to field sales")
    p.add_argument("lead", type=record_id, metavar="LEAD")
    p.add_argument(
        "--to", metavar="EMAIL", help="the field rep (default: the routing rules' suggestion)"
    )
    p.add_argument("--meeting", metavar="ISO", help="meeting time (default: the booked one)")
    p.add_argument("--note", metavar="TEXT", help="note to the field rep (your recommendation)")
    p.add_argument(
        "--override", metavar="REASON", help="team leads: hand off a lead that misses criteria"
    )
    p.add_argument("--user", metavar="EMAIL")
    p.set_defaults(handler=("handoff_work", "promote_lead"))

    p = sub.add_parser("respond", parents=[common], help="field sales: accept or reject a handoff")
    p.add_argument("handoff", type=record_id, nargs="?", metavar="HANDOFF")
    answer = p.add_mutually_exclusive_group(required=True)
    answer.add_argument("--accept", action="store_true")
    answer.add_argument(
        "--reject",
        metavar="REASON",
        help="not_reachable, not_a_fit, no_budget, timing, duplicate, other",
    )
    answer.add_argument(
        "--csv", metavar="FILE", help="answers from a CSV: handoff,answer,reason,text,return_to"
    )
    p.add_argument("--text", metavar="TEXT", help="why, in a few words (needed for other)")
    p.add_argument(
        "--to", choices=("queue", "nurture"), default="queue", help="where a rejected lead goes"
    )
    p.add_argument("--user", metavar="EMAIL")
    p.set_defaults(handler=("handoff_work", "respond_handoff"))


def _team_commands(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("team", parents=[common], help="show or change a team's working rules")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=("team", "team"), team_command="show")
    team_sub = p.add_subparsers(dest="team_command", metavar="ACTION")
    team_set = team_sub.add_parser("set", parents=[common], help="change the rules")
    team_set.add_argument("--team", type=record_id, help="team id (default: the first team)")
    team_set.add_argument("--hours", metavar="START-END", help="business hours, e.g. 09:00-18:00")
    team_set.add_argument("--weekdays", metavar="0,1,2,3,4", help="business days (Monday = 0)")
    team_set.add_argument("--holidays", metavar="COUNTRY", help="holiday calendar (JP) or none")
    team_set.add_argument("--timezone", metavar="ZONE", help="e.g. Asia/Tokyo")
    team_set.add_argument("--sla-minutes", type=int, help="speed-to-lead target for the 1st call")
    team_set.add_argument(
        "--max-unanswered",
        type=int,
        help="unanswered attempts before the app suggests returning the lead to nurture",
    )
    team_set.add_argument("--period-days", type=int, help="...within this many days")
    team_set.add_argument(
        "--response-days", type=int, metavar="N", help="business days field sales have to answer"
    )
    team_set.add_argument("--user", metavar="EMAIL", help="who changes them (team lead/admin)")
    team_set.add_argument("--json", action="store_true")
    team_set.set_defaults(handler=("team", "team"))
    _routing_commands(team_sub, common)


def _routing_commands(team_sub: Subcommands, common: argparse.ArgumentParser) -> None:
    """``baton team routing list|add|remove``: which field reps take which leads."""
    shared = argparse.ArgumentParser(add_help=False, parents=[common])
    shared.add_argument("--team", type=record_id, help="team id (default: the first team)")
    shared.add_argument("--user", metavar="EMAIL", help="who changes them (team lead/admin)")
    shared.add_argument("--json", action="store_true")
    handler = {"handler": ("team_routing", "routing")}
    p = team_sub.add_parser("routing", parents=[shared], help="which field reps take which leads")
    p.set_defaults(routing_command="list", **handler)
    sub = p.add_subparsers(dest="routing_command", metavar="ACTION")
    sub.add_parser("list", parents=[shared], help="the rules, numbered").set_defaults(**handler)
    add = sub.add_parser("add", parents=[shared], help="a rule at the end (none given: any)")
    add.add_argument("--region", action="append", metavar="R", help="e.g. kanto (repeatable)")
    add.add_argument("--industry", action="append", metavar="I", help="e.g. manufacturing")
    add.add_argument("--size", action="append", metavar="S", help="company size, e.g. 50-299")
    add.add_argument(
        "--field-rep", action="append", required=True, metavar="EMAIL", help="(repeatable)"
    )
    add.set_defaults(**handler)
    remove = sub.add_parser("remove", parents=[shared], help="take the N-th rule away")
    remove.add_argument("number", type=int, metavar="N")
    remove.set_defaults(**handler)


def _definition_commands(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "definition", parents=[common], help="the handoff definition: show, draft, approve"
    )
    actions = p.add_subparsers(dest="definition_command", metavar="ACTION", required=True)
    handler = ("definition", "definition")

    def action(name: str, text: str) -> argparse.ArgumentParser:
        command = actions.add_parser(name, parents=[common], help=text)
        command.set_defaults(handler=handler)
        return command

    show = action("show", "a version in words (default: the one in effect)")
    show.add_argument("version", type=record_id, nargs="?", metavar="VERSION")
    show.add_argument("--json", action="store_true")
    listing = action("list", "every version, with who proposed and approved it")
    listing.add_argument("--json", action="store_true")
    diff = action("diff", "what changed from version A to version B, in words")
    diff.add_argument("old", type=record_id, metavar="A")
    diff.add_argument("new", type=record_id, metavar="B")
    export = action("export", "write a version as a TOML file (default: the one in effect)")
    export.add_argument("version", type=record_id, nargs="?", metavar="VERSION")
    export.add_argument("-o", "--output", required=True, metavar="FILE")
    imported = action("import", "create a draft from a TOML file")
    imported.add_argument("file", metavar="FILE")
    draft = action("draft", "create a draft (a copy of the version in effect, or --from)")
    draft.add_argument("--from", dest="based_on", type=record_id, metavar="VERSION")
    draft.add_argument("--name", metavar="TEXT")
    for name, text in (
        ("propose", "put a draft up for approval"),
        ("withdraw", "withdraw a draft or a proposal"),
        ("whatif", "which working leads a version would qualify, against the one in effect"),
    ):
        action(name, text).add_argument("version", type=record_id, metavar="VERSION")
    approve = action("approve", "approve a proposed version for your side")
    approve.add_argument("version", type=record_id, metavar="VERSION")
    approve.add_argument(
        "--effective", metavar="DATE", help="in effect from (YYYY-MM-DD or ISO; default: now)"
    )
    for acting in (draft, imported, approve, actions.choices["propose"]):
        acting.add_argument("--user", metavar="EMAIL", help="who acts (default $BATON_USER)")
    actions.choices["withdraw"].add_argument("--user", metavar="EMAIL")


def _summary_commands(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "handoff",
        parents=[common],
        help="write a lead's handoff summary (its latest handoff, else a preview)",
    )
    p.add_argument("lead", type=record_id, metavar="LEAD")
    p.add_argument("--format", choices=("pdf", "html", "md", "json"), required=True)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the file (- for stdout)")
    p.set_defaults(handler=("handoffs", "handoff"))

    p = sub.add_parser(
        "handoffs",
        parents=[common],
        help="the handoffs of a period: a CSV, or each one's summary into a folder",
    )
    p.add_argument("--since", required=True, metavar="DATE", help="from this day (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="up to and including this day")
    p.add_argument("--field-rep", metavar="EMAIL", help="only the handoffs to this field rep")
    p.add_argument("--format", choices=("csv", "pdf", "html", "md", "json"), default="csv")
    p.add_argument(
        "--encoding",
        choices=("utf-8-sig", "utf-8", "cp932"),
        default="utf-8-sig",
        help="the CSV's (default: UTF-8 with a byte-order mark, which Excel reads)",
    )
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE|FOLDER",
        help="the CSV (- for stdout), or the summaries' folder",
    )
    p.set_defaults(handler=("handoffs", "handoffs"))


def parser() -> argparse.ArgumentParser:
    common = _common()
    main = argparse.ArgumentParser(
        prog="baton",
        parents=[common],
        description="Baton, the inside-sales workstation. Without a command it opens the app.",
    )
    main.add_argument(
        "--demo",
        action="store_true",
        help="open the app on the demo database (created with demo data on first use)",
    )
    main.add_argument("--user", metavar="EMAIL", help="open as this user instead of asking")
    main.set_defaults(user=None, handler=GUI)
    sub = main.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("demo", parents=[common], help="fill an empty database with demo data")
    p.add_argument("--leads", type=int, default=5_000, help="how many leads (default 5000)")
    p.add_argument("--seed", type=int, default=1, help="random seed: same seed, same data")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.set_defaults(handler=("demo", "demo"))

    p = sub.add_parser("init", parents=[common], help="create an empty Baton database")
    p.set_defaults(handler=("maintenance", "init"))

    p = sub.add_parser(
        "migrate", parents=[common], help="upgrade a database made by an older Baton"
    )
    p.set_defaults(handler=("maintenance", "migrate"))

    p = sub.add_parser("queue", parents=[common], help="print the queue in priority order")
    p.add_argument("--rep", metavar="EMAIL", help="only this rep's leads")
    p.add_argument("--limit", type=_count, default=50)
    p.add_argument(
        "--sort",
        choices=SORTS,
        default="priority",
        help="order by this column, as the window's headers do (default: priority)",
    )
    p.add_argument(
        "--asc", action="store_true", help="ascending (default: descending, highest first)"
    )
    meets = p.add_mutually_exclusive_group()
    meets.add_argument(
        "--qualified",
        action="store_true",
        help="only leads that meet the handoff definition in effect (booked meetings included)",
    )
    meets.add_argument(
        "--one-away",
        action="store_true",
        help="only leads one criterion away from the handoff definition",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=("queue", "queue"))

    p = sub.add_parser("lead", parents=[common], help="print one lead with its score explained")
    p.add_argument("id", type=record_id)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=("queue", "lead"))

    _work_commands(sub, common)

    p = sub.add_parser("due", parents=[common], help="callbacks that are due now")
    p.add_argument("--rep", metavar="EMAIL")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=("queue", "due"))

    _team_commands(sub, common)
    add_assignment_commands(sub, common)

    p = sub.add_parser("rescore", parents=[common], help="recompute every score and priority")
    p.set_defaults(handler=("maintenance", "rescore"))

    add_people_commands(sub, common)
    add_import_commands(sub, common)
    _definition_commands(sub, common)
    _summary_commands(sub, common)
    add_kpi_commands(sub, common)
    return main
