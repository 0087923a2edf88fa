"""Who carries which lead, from the command line: ``baton reassign``, ``baton distribute``
and ``baton workload``.

``reassign`` and ``distribute`` (without ``--dry-run``) act as the user
:func:`acting` resolves; ``distribute --dry-run`` and ``workload`` only read (the team:
``--team``, else the named user's, else the first one).
"""

from __future__ import annotations

import argparse
from dataclasses import asdict

from sqlalchemy.orm import Session

from desktop.cli.actor import optional_acting_user
from desktop.cli.context import EXIT_OK, database, now, speak
from desktop.cli.output import line, print_json, say, width
from desktop.i18n.translate import QT_TRANSLATE_NOOP
from models.leads.assignment import reassign as reassign_leads
from models.leads.distribution import Distributed, Plan, plan_distribution
from models.leads.distribution import distribute as distribute_leads
from models.leads.rebalance import plan_rebalance, rebalance
from models.leads.workload import Workload, workload_for
from models.teams.rules import team_of
from models.teams.users import get_user, user_by_email

REASSIGNED = QT_TRANSLATE_NOOP("Cli", "Leads reassigned to %2: %1")
UNCHANGED = QT_TRANSLATE_NOOP("Cli", "Leads that were %2's already: %1")
MOVED = QT_TRANSLATE_NOOP("Cli", "lead %1  %2: %3 → %4")
NOBODY = QT_TRANSLATE_NOOP("Cli", "(unassigned)")
PLAN_DRY = QT_TRANSLATE_NOOP("Cli", "Distribution plan for %1 (dry run: nothing assigned):")
PLAN_DONE = QT_TRANSLATE_NOOP("Cli", "Distributed the new leads of %1:")
REBALANCE_DRY = QT_TRANSLATE_NOOP(
    "Cli", "Rebalancing plan for %1, leads untouched for %2 days (dry run: nothing assigned):"
)
REBALANCE_DONE = QT_TRANSLATE_NOOP("Cli", "Rebalanced %1, leads untouched for %2 days:")
RECEIVER = QT_TRANSLATE_NOOP("Cli", "%1: receives %2 (open %3, capacity %4, free %5)")
PLACED = QT_TRANSLATE_NOOP("Cli", "lead %1  %2 → %3")
NOT_PLACED = QT_TRANSLATE_NOOP("Cli", "Leads not placed: %1")
NOT_PLACED_LINE = QT_TRANSLATE_NOOP("Cli", "lead %1  %2: %3")
NOTHING = QT_TRANSLATE_NOOP("Cli", "No lead to place.")
WORKLOAD_OF = QT_TRANSLATE_NOOP("Cli", "Workload of %1, %2 (unassigned new leads: %3)")
HEADERS = (
    QT_TRANSLATE_NOOP("Cli", "Rep"),
    QT_TRANSLATE_NOOP("Cli", "Open"),
    QT_TRANSLATE_NOOP("Cli", "Free/cap."),
    QT_TRANSLATE_NOOP("Cli", "Overdue"),
    QT_TRANSLATE_NOOP("Cli", "Due today"),
    QT_TRANSLATE_NOOP("Cli", "SLA missed"),
    QT_TRANSLATE_NOOP("Cli", "Calls today"),
    QT_TRANSLATE_NOOP("Cli", "Connect (week)"),
    QT_TRANSLATE_NOOP("Cli", "Status"),
)


def acting(session: Session, args: argparse.Namespace) -> int:
    """Who acts: the one place these commands ask (``--user``, ``$BATON_USER``, or the
    signed-in login in team mode)."""
    from desktop.cli.actor import acting_user

    return acting_user(session, args)


def _team(session: Session, args: argparse.Namespace, user_id: int | None) -> int:
    return int(args.team) if args.team is not None else team_of(session, user_id).id


def _named(session: Session, args: argparse.Namespace) -> int | None:
    """The user ``--user`` names, to pick their team (reading commands act as nobody)."""
    from desktop.cli.actor import named_user

    email = named_user(args)
    return user_by_email(session, email).id if email else None


def reassign(args: argparse.Namespace) -> int:
    with database(args, write=True) as db, db.write() as session:
        actor = acting(session, args)
        target = user_by_email(session, args.to)
        result = reassign_leads(
            session,
            actor,
            args.leads,
            target.id,
            args.reason,
            now(args),
            allow_away=args.allow_away,
        )
        names = {target.id: target.display_name}
        for moved in result.leads:
            if moved.from_user_id is not None and moved.from_user_id not in names:
                names[moved.from_user_id] = _name(session, moved.from_user_id)
    speak(args.lang)
    print(say(REASSIGNED, result.moved, result.to_name))
    for moved in result.leads:
        if moved.moved:
            before = names.get(moved.from_user_id, "") if moved.from_user_id else say(NOBODY)
            print("  " + say(MOVED, moved.lead_id, moved.lead, before, result.to_name))
    unchanged = len(result.leads) - result.moved
    if unchanged:
        print(say(UNCHANGED, unchanged, result.to_name))
    return EXIT_OK


def _name(session: Session, user_id: int) -> str:
    return get_user(session, user_id).display_name


def distribute(args: argparse.Namespace) -> int:
    days = args.rebalance_days
    at = now(args)
    if args.dry_run:
        with database(args) as db, db.read() as session:
            team = _team(session, args, _named(session, args))
            if days is None:
                plan = plan_distribution(session, team, at)
            else:
                plan = plan_rebalance(session, team, at, days)
    else:
        with database(args, write=True) as db, db.write() as session:
            actor = acting(session, args)
            team = _team(session, args, actor)
            done: Distributed = (
                distribute_leads(session, actor, team, at)
                if days is None
                else rebalance(session, actor, team, at, days)
            )
            plan = done.plan
    if args.json:
        print_json({**asdict(plan), "applied": not args.dry_run})
        return EXIT_OK
    speak(args.lang)
    _print_plan(plan, dry_run=args.dry_run, days=days)
    return EXIT_OK


def _print_plan(plan: Plan, *, dry_run: bool, days: int | None) -> None:
    if days is None:
        print(say(PLAN_DRY if dry_run else PLAN_DONE, plan.team_name))
    else:
        print(say(REBALANCE_DRY if dry_run else REBALANCE_DONE, plan.team_name, days))
    from desktop.i18n import assignment_labels as words

    for r in plan.receivers:
        text = say(RECEIVER, r.name, r.receives, r.open_leads, r.capacity, r.free_capacity)
        print("  " + (f"{text} — {words.status(True, r.away)}" if r.away else text))
    if not plan.placements and not plan.unplaced:
        print(say(NOTHING))
        return
    names = {r.user_id: r.name for r in plan.receivers}
    for p in plan.placements:
        print("  " + say(PLACED, p.lead_id, p.lead, names.get(p.to_user_id, p.to_name)))
    if plan.unplaced:
        print(say(NOT_PLACED, len(plan.unplaced)))
        for u in plan.unplaced:
            print("  " + say(NOT_PLACED_LINE, u.lead_id, u.lead, words.unplaced(u.reason)))


def workload(args: argparse.Namespace) -> int:
    with database(args) as db, db.read() as session:
        viewer = optional_acting_user(session, args)
        team = _team(session, args, viewer or _named(session, args))
        load = workload_for(session, viewer, team, now(args))
    if args.json:
        print_json(asdict(load))
        return EXIT_OK
    speak(args.lang)
    _print_workload(load)
    return EXIT_OK


def _print_workload(load: Workload) -> None:
    from desktop.i18n import assignment_labels as words
    from desktop.i18n import formats

    print(say(WORKLOAD_OF, load.team_name, formats.date_text(load.today), load.unassigned_new))
    rows = [tuple(say(h) for h in HEADERS)]
    for m in load.members:
        status = words.status(m.active, m.away)
        if m.next_away is not None:
            status += f" ({words.next_away(m.next_away)})"
        rows.append(
            (
                m.name,
                str(m.open_leads),
                f"{m.free_capacity}/{m.capacity}",
                str(m.callbacks_overdue),
                str(m.callbacks_due_today),
                str(m.sla_breaches),
                str(m.calls_today),
                words.rate(m.connect_rate_week),
                status,
            )
        )
    widths = [max(width(row[i]) for row in rows) for i in range(len(HEADERS))]
    for row in rows:
        print(line(*((cell, w) for cell, w in zip(row[:-1], widths, strict=False)), row[-1]))
