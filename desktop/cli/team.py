"""``baton team`` and ``baton team set``: a team's working rules."""

from __future__ import annotations

import argparse
import json
import os
from typing import Any

from desktop.cli.context import EXIT_OK, database, now
from desktop.cli.output import print_json
from models.core.errors import InvalidInput
from models.teams.rules import list_teams, update_settings
from models.teams.users import user_by_email


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if args.hours:
        start, sep, end = args.hours.partition("-")
        if not sep:
            raise InvalidInput("cli.team.hours_format", field="hours", value=args.hours)
        changes.setdefault("business_hours", {}).update(start=start.strip(), end=end.strip())
    if args.weekdays:
        try:
            days = [int(d) for d in args.weekdays.split(",")]
        except ValueError:
            raise InvalidInput(
                "cli.team.weekdays_format", field="weekdays", value=args.weekdays
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


def _set(args: argparse.Namespace) -> None:
    changes = _changes(args)
    if not changes:
        raise InvalidInput("cli.team.nothing_to_change", field="team")
    email = args.user or os.environ.get("BATON_USER")
    if not email:
        raise InvalidInput("cli.team.who", field="user")
    with database(args, write=True) as db, db.write() as session:
        team_id = args.team or list_teams(session)[0].id
        user_id = user_by_email(session, email).id
        update_settings(session, user_id, team_id, changes, now(args))


def team(args: argparse.Namespace) -> int:
    if args.team_command == "set":
        _set(args)
    with database(args) as db, db.read() as session:
        teams = list_teams(session)
    if args.json:
        print_json(teams)
    else:
        for t in teams:
            print(f"{t.id:4d}  {t.name}")
            print(f"      {json.dumps(t.settings, ensure_ascii=False)}")
    return EXIT_OK
