"""``baton team`` and ``baton team set``: a team's working rules.

``baton team`` prints each team's rules as a table in the user's language; ``--json``
prints them for scripts. The rules' names and values in words (:func:`rule_rows`) are
the team-rules dialog's too (context "TeamRules"), and load no Qt in English.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import Any

from desktop.cli.actor import acting_user
from desktop.cli.context import EXIT_OK, database, now, speak
from desktop.cli.output import line, print_json, width
from desktop.i18n.translate import QT_TRANSLATE_NOOP, translate
from models.core.errors import InvalidInput
from models.teams.rules import TeamInfo, list_teams, team_of, update_settings

CTX = "TeamRules"

#: The rules' names, as the table and the dialog show them.
TEAM = QT_TRANSLATE_NOOP("TeamRules", "Team")
BUSINESS_HOURS = QT_TRANSLATE_NOOP("TeamRules", "Business hours")
BUSINESS_DAYS = QT_TRANSLATE_NOOP("TeamRules", "Business days")
TIME_ZONE = QT_TRANSLATE_NOOP("TeamRules", "Time zone")
HOLIDAYS = QT_TRANSLATE_NOOP("TeamRules", "Holiday calendar")
FIRST_CALL = QT_TRANSLATE_NOOP("TeamRules", "First-call target (SLA)")
UNANSWERED = QT_TRANSLATE_NOOP("TeamRules", "Unanswered attempts")
RESPONSE_DAYS = QT_TRANSLATE_NOOP("TeamRules", "Field sales answer within")
ROUTING = QT_TRANSLATE_NOOP("TeamRules", "Routing to field sales")
BUSINESS_DAYS_COUNT = QT_TRANSLATE_NOOP("TeamRules", "%1 business days")
ROUTING_COUNT = QT_TRANSLATE_NOOP("TeamRules", "%1 rules (baton team routing list)")

#: Monday first, as the rules number them (0-6).
WEEKDAYS = (
    QT_TRANSLATE_NOOP("TeamRules", "Mon"),
    QT_TRANSLATE_NOOP("TeamRules", "Tue"),
    QT_TRANSLATE_NOOP("TeamRules", "Wed"),
    QT_TRANSLATE_NOOP("TeamRules", "Thu"),
    QT_TRANSLATE_NOOP("TeamRules", "Fri"),
    QT_TRANSLATE_NOOP("TeamRules", "Sat"),
    QT_TRANSLATE_NOOP("TeamRules", "Sun"),
)
#: The holiday calendars a team picks from (``holidays`` country codes), and none.
HOLIDAY_CALENDARS = {"JP": QT_TRANSLATE_NOOP("TeamRules", "Japan")}
NO_HOLIDAYS = QT_TRANSLATE_NOOP("TeamRules", "None")
TIME_ZONES = {"Asia/Tokyo": QT_TRANSLATE_NOOP("TeamRules", "Japan time")}
MINUTES = QT_TRANSLATE_NOOP("TeamRules", "%1 min of business time")
ATTEMPTS = QT_TRANSLATE_NOOP("TeamRules", "%1 within %2 days")


def tr(text: str) -> str:
    return translate(CTX, text)


def _filled(template: str, *values: object) -> str:
    text = tr(template)
    for n, value in enumerate(values, 1):
        text = text.replace(f"%{n}", str(value))
    return text


def weekday_names(days: Iterable[int]) -> str:
    return " ".join(tr(WEEKDAYS[d]) for d in sorted(days) if 0 <= d < len(WEEKDAYS))


def holiday_name(code: str | None) -> str:
    if not code:
        return tr(NO_HOLIDAYS)
    source = HOLIDAY_CALENDARS.get(code)
    return tr(source) if source is not None else code


def time_zone_name(zone: str) -> str:
    source = TIME_ZONES.get(zone)
    return tr(source) if source is not None else zone


def rule_rows(settings: dict[str, Any]) -> list[tuple[str, str]]:
    """A team's rules in words: (name, value) for each, in the user's language."""
    hours = settings["business_hours"]
    attempts = settings["attempts"]
    return [
        (tr(BUSINESS_HOURS), f"{hours['start']}–{hours['end']}"),
        (tr(BUSINESS_DAYS), weekday_names(hours["weekdays"])),
        (tr(TIME_ZONE), time_zone_name(settings["timezone"])),
        (tr(HOLIDAYS), holiday_name(settings["holiday_country"])),
        (tr(FIRST_CALL), _filled(MINUTES, settings["sla_minutes"])),
        (tr(UNANSWERED), _filled(ATTEMPTS, attempts["max_unanswered"], attempts["period_days"])),
        (tr(RESPONSE_DAYS), _filled(BUSINESS_DAYS_COUNT, settings["handoff_response_days"])),
        (tr(ROUTING), _filled(ROUTING_COUNT, len(settings["routing"]))),
    ]


def print_table(teams: list[TeamInfo]) -> None:
    """Each team's rules, one per line, their names in one aligned column."""
    for n, team in enumerate(teams):
        rows = [(tr(TEAM), f"{team.name} ({team.id})"), *rule_rows(team.settings)]
        columns = max(width(name) for name, _value in rows)
        if n:
            print()
        for name, value in rows:
            print(line((name, columns), value))


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
    if getattr(args, "response_days", None) is not None:
        changes["handoff_response_days"] = args.response_days
    for name in ("max_unanswered", "period_days"):
        value = getattr(args, name)
        if value is not None:
            changes.setdefault("attempts", {})[name] = value
    return changes


def _set(args: argparse.Namespace) -> None:
    changes = _changes(args)
    if not changes:
        raise InvalidInput("cli.team.nothing_to_change", field="team")
    with database(args, write=True) as db, db.write() as session:
        user_id = acting_user(session, args)
        team_id = args.team or team_of(session, user_id).id
        update_settings(session, user_id, team_id, changes, now(args))


def team(args: argparse.Namespace) -> int:
    if args.team_command == "set":
        _set(args)
    with database(args) as db, db.read() as session:
        teams = list_teams(session)
    if args.json:
        print_json(teams)
        return EXIT_OK
    speak(args.lang)
    print_table(teams)
    return EXIT_OK
