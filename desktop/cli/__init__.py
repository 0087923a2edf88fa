"""The ``baton`` command: with no subcommand it opens the app; subcommands run headless.

Exit codes: 0 success, 2 bad input or an unusable database (a message on stderr says
which and why), 1 anything else. Nothing is written when a command fails.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, is_dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from models.core.errors import BatonError, InvalidInput, NotFound
from models.db.database import Database, default_url, open_database

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


def _url(args: argparse.Namespace, *, demo: bool = False) -> str:
    return args.db or os.environ.get("BATON_DATABASE_URL") or default_url(demo=demo)


def _translator(language: str | None) -> None:
    """Headless commands speak the user's language too (labels and messages)."""
    from PySide6.QtCore import QCoreApplication

    from desktop.i18n import languages as i18n

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    if not hasattr(app, "_baton_translators"):
        app._baton_translators = i18n.install(app, i18n.choose(language))  # type: ignore[attr-defined]


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, frozenset | set | tuple):
        return list(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_json_default)
    sys.stdout.write("\n")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(text: str, width: int) -> str:
    """Pad or cut ``text`` to ``width`` terminal columns (full-width characters count 2)."""
    out, used = [], 0
    for ch in text:
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + w > width:
            break
        out.append(ch)
        used += w
    return "".join(out) + " " * (width - used)


@contextmanager
def _database(args: argparse.Namespace, *, create_dirs: bool = False) -> Iterator[Database]:
    """The database the command works on, closed when the command is done."""
    db = open_database(_url(args), create_dirs=create_dirs)
    try:
        yield db
    finally:
        db.close()


# -- Commands -------------------------------------------------------------------------
def cmd_demo(args: argparse.Namespace) -> int:
    from models import demo

    with _database(args, create_dirs=True) as db:
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


def cmd_queue(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from desktop.i18n import labels
    from models.leads.queue import ANY_OWNER, QueueQuery, queue_page
    from models.teams.users import user_by_email

    _translator(args.lang)
    with _database(args) as db, db.read() as session:
        query = QueueQuery()
        if args.rep:
            query = replace(query, owner=user_by_email(session, args.rep).id)
        else:
            query = replace(query, owner=ANY_OWNER)
        rows = queue_page(session, query, limit=args.limit)
    if args.json:
        _print_json([dict(asdict(r), why_now_text=labels.why_now(r.why_now)) for r in rows])
        return EXIT_OK
    for r in rows:
        print(
            f"{r.priority:6.1f}  {r.score:3d} {r.grade}  {_cell(str(r.id), 7)}"
            f"{_cell(r.name, 18)}  {_cell(r.company, 30)}  {_cell(labels.why_now(r.why_now), 34)}"
            f"  {_cell(labels.stage(r.stage), 10)}  {r.owner_name or '-'}"
        )
    return EXIT_OK


def cmd_lead(args: argparse.Namespace) -> int:
    from desktop.i18n import labels
    from models.leads.detail import lead_detail

    _translator(args.lang)
    with _database(args) as db, db.read() as session:
        detail = lead_detail(session, args.id, datetime.now(UTC))
    if args.json:
        data = asdict(detail)
        data["why_now_text"] = labels.why_now(detail.why_now)
        for c in data["score"]["contributions"]:
            c["label"] = (
                labels.fit_factor(c["factor"])
                if c["part"] == "fit"
                else labels.touch_kind(c["factor"])
            )
        _print_json(data)
        return EXIT_OK
    card = detail.score
    print(f"#{detail.id} {detail.name}" + (f" ({detail.name_kana})" if detail.name_kana else ""))
    print(f"  {detail.title or ''}  {detail.company}  {labels.industry(detail.industry)}")
    print(f"  {detail.phone or ''}  {detail.email or ''}")
    owner = detail.owner_name or "-"
    print(f"  {labels.stage(detail.stage)} · {owner} · {labels.why_now(detail.why_now)}")
    print(
        f"  {card.score} {card.grade}  (fit {card.fit:.0f}/{card.fit_max:.0f}, "
        f"engagement {card.engagement:.1f}/{card.engagement_max:.0f})"
    )
    for c in card.contributions:
        if c.part == "fit":
            factor = _cell(labels.fit_factor(c.factor), 22)
            value = _cell(labels.fit_value(c.factor, c.value), 30)
            print(f"    {factor} {value} +{c.points:.0f}")
        else:
            kind = _cell(labels.touch_kind(c.factor), 22)
            print(f"    {kind} ×{c.count:<3d} {c.raw:6.1f} → +{c.points:.1f}")
    print()
    for t in detail.touches:
        when = labels.datetime_short(t.occurred_at)
        kind = _cell(labels.touch_kind(t.kind), 22)
        print(f"  {when}  {kind} {t.content_title or ''}  [{t.campaign or ''}]")
    return EXIT_OK


def cmd_rescore(args: argparse.Namespace) -> int:
    from models.scoring.rescore import rescore_all

    with _database(args) as db:
        started = time.perf_counter()
        report = rescore_all(db, datetime.now(UTC))
        print(f"Rescored {report.leads:,} leads in {time.perf_counter() - started:.1f} s.")
    return EXIT_OK


def cmd_users(args: argparse.Namespace) -> int:
    from models.teams.users import list_users

    with _database(args) as db, db.read() as session:
        users = list_users(session)
    if args.json:
        _print_json(users)
    else:
        for u in users:
            print(f"{u.id:4d}  {_cell(u.display_name, 20)} {_cell(u.role, 10)} {u.email}")
    return EXIT_OK


def cmd_user_add(args: argparse.Namespace) -> int:
    from models.teams.users import add_user

    with _database(args, create_dirs=True) as db, db.write() as session:
        user = add_user(session, email=args.email, display_name=args.name, role=args.role).user
    print(f"Added user {user.id}: {user.display_name} <{user.email}> ({user.role})")
    return EXIT_OK


def _when(value: str | None, option: str) -> datetime | None:
    """An ISO date-time from the command line; without a zone it is local time."""
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInput(
            f"{option}: {value!r} is not an ISO date-time (for example 2026-11-24T10:00).",
            field=option,
        ) from None
    return parsed.astimezone() if parsed.tzinfo is None else parsed


def _bant(items: list[str]) -> dict[str, Any]:
    from models.leads.calls import BantAnswer

    answers: dict[str, BantAnswer] = {}
    for item in items:
        field, sep, rest = item.partition("=")
        if not sep or not field or not rest:
            raise InvalidInput(
                f"--bant {item!r}: expected FIELD=VALUE or FIELD=VALUE:EVIDENCE "
                "(for example budget=planned or need=explicit:'manual work').",
                field="bant",
            )
        value, _colon, evidence = rest.partition(":")
        answers[field.strip()] = BantAnswer(value.strip(), evidence.strip())
    return answers


def _actor(session: Any, args: argparse.Namespace, lead_id: int) -> int:
    """Who is acting: --user, else $BATON_USER, else the lead's owner."""
    from models.core.entities import Lead
    from models.teams.users import user_by_email

    email = args.user or os.environ.get("BATON_USER")
    if email:
        return user_by_email(session, email).id
    lead = session.get(Lead, lead_id)
    if lead is None:
        raise NotFound(f"No lead with id {lead_id}.", lead_id=lead_id)
    if lead.owner_id is None:
        raise InvalidInput(
            f"Lead {lead_id} has no owner: say who is acting with --user EMAIL.", field="user"
        )
    return int(lead.owner_id)


def cmd_call(args: argparse.Namespace) -> int:
    from models.leads.calls import CallDraft, NextStep, log_call

    now = datetime.now(UTC)
    callback_at = _when(args.callback, "--callback")
    meeting_at = _when(args.meeting, "--meeting")
    step = NextStep.CALLBACK if callback_at else NextStep.MEETING if meeting_at else NextStep.NONE
    bant = _bant(args.bant or [])
    with _database(args) as db, db.write() as session:
        draft = CallDraft(
            lead_id=args.lead,
            outcome=args.outcome,
            started_at=now - timedelta(seconds=args.duration or 0),
            duration_seconds=args.duration,
            notes=args.note or "",
            temperature=args.temperature,
            bant=bant,
            next_step=step,
            callback_at=callback_at,
            meeting_at=meeting_at,
        )
        result = log_call(session, _actor(session, args, args.lead), draft, now)
    print(f"Logged call {result.call_id} on lead {result.lead_id} ({args.outcome}).")
    return EXIT_OK


def cmd_recycle(args: argparse.Namespace) -> int:
    from models.leads.actions import RecycleInput, recycle

    try:
        until = date.fromisoformat(args.until) if args.until else None
    except ValueError:
        raise InvalidInput(
            f"--until: {args.until!r} is not a date (for example 2027-04-01).", field="until"
        ) from None
    with _database(args) as db, db.write() as session:
        recycle(
            session,
            _actor(session, args, args.lead),
            RecycleInput(args.lead, args.reason, until, args.note or ""),
            datetime.now(UTC),
        )
    print(f"Lead {args.lead} returned to nurture ({args.reason}).")
    return EXIT_OK


def cmd_due(args: argparse.Namespace) -> int:
    from models.leads.follow_ups import due_callbacks
    from models.teams.users import user_by_email

    with _database(args) as db, db.read() as session:
        owner = user_by_email(session, args.rep).id if args.rep else None
        due = due_callbacks(session, datetime.now(UTC), owner_id=owner)
    if args.json:
        _print_json(due)
        return EXIT_OK
    for d in due:
        when = d.callback_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(
            f"{when}  {_cell(str(d.lead_id), 7)}{_cell(d.name, 18)}  {_cell(d.company, 30)}  "
            f"{d.phone or '-':<16} {d.owner_name or '-'}"
        )
    return EXIT_OK


def _team_changes(args: argparse.Namespace) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if args.hours:
        start, sep, end = args.hours.partition("-")
        if not sep:
            raise InvalidInput(
                f"--hours {args.hours!r}: expected START-END, e.g. 09:00-18:00.", field="hours"
            )
        changes.setdefault("business_hours", {}).update(start=start.strip(), end=end.strip())
    if args.weekdays:
        try:
            days = [int(d) for d in args.weekdays.split(",")]
        except ValueError:
            raise InvalidInput(
                f"--weekdays {args.weekdays!r}: expected numbers 0-6 (Monday = 0), e.g. 0,1,2,3,4.",
                field="weekdays",
            ) from None
        changes.setdefault("business_hours", {})["weekdays"] = days
    if args.holidays:
        changes["holiday_country"] = None if args.holidays.lower() == "none" else args.holidays
    if args.timezone:
        changes["timezone"] = args.timezone
    if args.sla_minutes is not None:
        changes["sla_minutes"] = args.sla_minutes
    for name in ("max_unanswered", "period_days"):
        value = getattr(args, name)
        if value is not None:
            changes.setdefault("attempts", {})[name] = value
    return changes


def cmd_team(args: argparse.Namespace) -> int:
    from models.teams.rules import list_teams, update_settings
    from models.teams.users import user_by_email

    with _database(args) as db:
        if args.team_command == "set":
            changes = _team_changes(args)
            if not changes:
                raise InvalidInput("Nothing to change: give at least one option.", field="team")
            email = args.user or os.environ.get("BATON_USER")
            if not email:
                raise InvalidInput("Say who is changing the rules with --user EMAIL.", field="user")
            with db.write() as session:
                team_id = args.team or list_teams(session)[0].id
                user_id = user_by_email(session, email).id
                update_settings(session, user_id, team_id, changes, datetime.now(UTC))
        with db.read() as session:
            teams = list_teams(session)
    if args.json:
        _print_json(teams)
    else:
        for team in teams:
            print(f"{team.id:4d}  {team.name}")
            print(f"      {json.dumps(team.settings, ensure_ascii=False)}")
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop.main.app import StartOptions, run

    return run(
        StartOptions(
            url=_url(args, demo=args.demo),
            language=args.lang,
            demo=args.demo,
            user_email=args.user,
        )
    )


# -- Parser ---------------------------------------------------------------------------
def _count(text: str) -> int:
    """A whole number, 0 or more (SQLite reads LIMIT -1 as "all", PostgreSQL refuses it)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} is less than 0")
    return value


def parser() -> argparse.ArgumentParser:
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
    main.set_defaults(user=None)
    sub = main.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("demo", parents=[common], help="fill an empty database with demo data")
    p.add_argument("--leads", type=int, default=5_000, help="how many leads (default 5000)")
    p.add_argument("--seed", type=int, default=1, help="random seed: same seed, same data")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("queue", parents=[common], help="print the queue in priority order")
    p.add_argument("--rep", metavar="EMAIL", help="only this rep's leads")
    p.add_argument("--limit", type=_count, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_queue)

    p = sub.add_parser("lead", parents=[common], help="print one lead with its score explained")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_lead)

    p = sub.add_parser("call", parents=[common], help="log a call on a lead")
    p.add_argument("lead", type=int, metavar="LEAD")
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
    p.add_argument("--duration", type=int, metavar="SECONDS")
    p.add_argument(
        "--bant",
        nargs="*",
        metavar="FIELD=VALUE[:EVIDENCE]",
        help="budget/authority/need/timeline answers, e.g. budget=planned",
    )
    p.add_argument(
        "--user", metavar="EMAIL", help="who called (default $BATON_USER, else the owner)"
    )
    p.set_defaults(func=cmd_call)

    p = sub.add_parser("recycle", parents=[common], help="return a lead to nurture")
    p.add_argument("lead", type=int, metavar="LEAD")
    p.add_argument(
        "--reason",
        required=True,
        metavar="R",
        help="no_budget, timing, no_authority, no_need, competitor, unreachable, bad_data, other",
    )
    p.add_argument("--until", metavar="DATE", help="re-entry date (YYYY-MM-DD)")
    p.add_argument("--note", metavar="TEXT")
    p.add_argument("--user", metavar="EMAIL")
    p.set_defaults(func=cmd_recycle)

    p = sub.add_parser("due", parents=[common], help="callbacks that are due now")
    p.add_argument("--rep", metavar="EMAIL")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_due)

    p = sub.add_parser("team", parents=[common], help="show or change a team's working rules")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_team, team_command="show")
    team_sub = p.add_subparsers(dest="team_command", metavar="ACTION")
    team_set = team_sub.add_parser("set", parents=[common], help="change the rules")
    team_set.add_argument("--team", type=int, help="team id (default: the first team)")
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
    team_set.add_argument("--user", metavar="EMAIL", help="who changes them (team lead/admin)")
    team_set.add_argument("--json", action="store_true")
    team_set.set_defaults(func=cmd_team)

    p = sub.add_parser("rescore", parents=[common], help="recompute every score and priority")
    p.set_defaults(func=cmd_rescore)

    p = sub.add_parser("users", parents=[common], help="list the users")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_users)

    p = sub.add_parser("user", parents=[common], help="manage users")
    user_sub = p.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = user_sub.add_parser("add", parents=[common], help="add a user")
    add.add_argument("email")
    add.add_argument("--name", required=True)
    add.add_argument(
        "--role", required=True, choices=("rep", "team_lead", "field_rep", "marketing", "admin")
    )
    add.set_defaults(func=cmd_user_add)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    for name in ("db", "lang"):
        if not hasattr(args, name):
            setattr(args, name, None)
    func = getattr(args, "func", cmd_gui)
    if func is not cmd_gui and args.command is not None and getattr(args, "demo", False):
        print("baton: --demo opens the app; use 'baton demo' to fill a database.", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        result: int = func(args)
    except BatonError as exc:
        from desktop.i18n import messages as errors

        _translator(args.lang)
        print(f"baton: {errors.message(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # output piped into head and closed early
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print("baton: interrupted; nothing was written.", file=sys.stderr)
        return EXIT_FAILED
    return result
