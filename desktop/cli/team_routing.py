"""``baton team routing list|add|remove``: which field reps take which leads.

The rules are the team's (the team-rules dialog edits the same): the first rule matching
a lead's company (region, industry, company size; none given: any) gives its field reps,
who take turns. ``add`` appends a rule; ``remove N`` takes the N-th away (as ``list``
numbers them). Changes go through :func:`models.teams.rules.update_settings`: a team
lead or an administrator, codes checked, field reps that are field sales.
"""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.orm import Session

from desktop.cli.actor import acting_user
from desktop.cli.context import EXIT_OK, database, now, speak
from desktop.cli.output import print_json
from desktop.i18n import labels
from desktop.i18n.translate import QT_TRANSLATE_NOOP, translate
from models.core.entities import User
from models.core.errors import InvalidInput, NotFound
from models.teams.rules import TeamInfo, list_teams, team_of, update_settings
from models.teams.users import user_by_email

CTX = "TeamRules"

RULE = QT_TRANSLATE_NOOP("TeamRules", "%1. Regions: %2 / Industries: %3 / Sizes: %4 → %5")
ANY = QT_TRANSLATE_NOOP("TeamRules", "any")
INACTIVE = QT_TRANSLATE_NOOP("TeamRules", "%1 (inactive)")
NO_RULES = QT_TRANSLATE_NOOP("TeamRules", "No routing rules: every active field rep takes turns.")
FALLBACK = QT_TRANSLATE_NOOP(
    "TeamRules", "A lead no rule matches goes to every active field rep in turn."
)


def _filled(template: str, *values: object) -> str:
    text = translate(CTX, template)
    for n, value in enumerate(values, 1):
        text = text.replace(f"%{n}", str(value))
    return text


def _names(values: list[str], label: Any) -> str:
    return ", ".join(label(v) for v in values) if values else translate(CTX, ANY)


def rule_lines(session: Session, rules: list[dict[str, Any]]) -> list[str]:
    """Each rule in words, numbered from 1 (the number ``remove`` takes)."""
    lines = []
    for number, rule in enumerate(rules, start=1):
        reps = []
        for user_id in rule.get("field_reps", []):
            user = session.get(User, user_id)
            name = f"{user.display_name} <{user.email}>" if user else f"#{user_id}"
            reps.append(name if user is None or user.active else _filled(INACTIVE, name))
        lines.append(
            _filled(
                RULE,
                number,
                _names(rule.get("regions", []), labels.region),
                _names(rule.get("industries", []), labels.industry),
                _names(rule.get("size_bands", []), labels.size_band),
                ", ".join(reps),
            )
        )
    return lines


def _changed(args: argparse.Namespace, session: Session, team: TeamInfo) -> list[dict[str, Any]]:
    rules = [dict(rule) for rule in team.settings["routing"]]
    if args.routing_command == "add":
        rules.append(
            {
                "regions": list(dict.fromkeys(args.region or [])),
                "industries": list(dict.fromkeys(args.industry or [])),
                "size_bands": list(dict.fromkeys(args.size or [])),
                "field_reps": list(
                    dict.fromkeys(user_by_email(session, e).id for e in args.field_rep)
                ),
            }
        )
        return rules
    if not 1 <= args.number <= len(rules):
        raise InvalidInput(
            "cli.team.routing_no_rule", field="number", value=args.number, count=len(rules)
        )
    del rules[args.number - 1]
    return rules


def routing(args: argparse.Namespace) -> int:
    command = args.routing_command
    if command in ("add", "remove"):
        with database(args, write=True) as db, db.write() as session:
            user_id = acting_user(session, args)
            team = team_of(session, user_id) if args.team is None else _team(session, args.team)
            args.team = team.id  # the rules listed next
            changed = _changed(args, session, team)
            update_settings(session, user_id, team.id, {"routing": changed}, now(args))
    with database(args) as db, db.read() as session:
        team = team_of(session, None) if args.team is None else _team(session, args.team)
        rules = list(team.settings["routing"])
        if args.json:
            print_json(rules)
            return EXIT_OK
        speak(args.lang)
        lines = rule_lines(session, rules)
    for text in lines:
        print(text)
    print(translate(CTX, FALLBACK if lines else NO_RULES))
    return EXIT_OK


def _team(session: Session, team_id: int) -> TeamInfo:
    for team in list_teams(session):
        if team.id == team_id:
            return team
    raise NotFound("team.not_found", team_id=team_id)
