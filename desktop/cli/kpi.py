"""The shared KPIs from the command line: ``baton kpi`` (every figure of the dashboard, as
text tables or JSON) and ``baton report campaigns`` (per campaign and content asset, as a
CSV or a self-contained HTML page).

Both only read, as the user :func:`optional_acting_user` names (a team lead reads their
own team); on a local database naming nobody they read every team. The period:
``--since``/``--until`` (days on the team's calendar), or ``--period``, by default the
last 30 days.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import datetime

from sqlalchemy.orm import Session

from desktop.cli.actor import optional_acting_user
from desktop.cli.context import EXIT_OK, database, now, speak
from desktop.cli.handoffs import iso_day
from desktop.cli.kpi_options import DEFAULT_PERIOD
from desktop.cli.output import print_json, say, tell, write_output
from desktop.i18n.translate import QT_TRANSLATE_NOOP
from models.core.entities import Team, User
from models.core.errors import InvalidInput
from models.reporting import (
    KpiFilter,
    Period,
    campaign_csv,
    campaign_html,
    campaign_report,
    dashboard,
    named_period,
)
from models.reporting.definitions import Figure, english
from models.reporting.filters import team_zone
from models.teams.users import user_by_email

REPORT_WRITTEN = QT_TRANSLATE_NOOP(
    "Cli", "Wrote the campaign report (%1 campaigns, %2 contents) to %3."
)


def _period(
    session: Session, args: argparse.Namespace, team_id: int | None, at: datetime
) -> Period:
    """``--since``/``--until`` or ``--period`` (default: the last 30 days), the days on
    the team's calendar (today: the team's today)."""
    since, until = iso_day(args.since, "--since"), iso_day(args.until, "--until")
    if args.period is not None and since is not None:
        raise InvalidInput("cli.kpi.period_twice", field="--period")
    if until is not None and since is None:
        raise InvalidInput("cli.kpi.until_alone", field="--until")
    today = at.astimezone(team_zone(session, team_id)).date()
    if since is not None:
        return Period(since, until if until is not None else max(since, today))
    return named_period(args.period or DEFAULT_PERIOD, today)


def _filter(session: Session, args: argparse.Namespace, viewer: int | None) -> KpiFilter:
    calendar = args.team  # whose days: the team's, else the viewer's team's
    if calendar is None and viewer is not None:
        user = session.get(User, viewer)
        calendar = user.team_id if user is not None else None
    rep = user_by_email(session, args.rep).id if args.rep else None
    return KpiFilter(
        period=_period(session, args, calendar, now(args)),
        team_id=args.team,
        rep_id=rep,
        campaign=args.campaign,
        industry=args.industry,
        definition_version=args.definition_version,
    )


def _names(session: Session, kpi: KpiFilter) -> tuple[str | None, str | None]:
    team = session.get(Team, kpi.team_id) if kpi.team_id is not None else None
    rep = session.get(User, kpi.rep_id) if kpi.rep_id is not None else None
    return (team.name if team else None, rep.display_name if rep else None)


def kpi(args: argparse.Namespace) -> int:
    with database(args) as db, db.read() as session:
        viewer = optional_acting_user(session, args)
        board = dashboard(session, viewer, _filter(session, args, viewer))
        names = _names(session, board.filter)
    if args.json:
        print_json({**asdict(board), "definitions": {f.value: english(f) for f in Figure}})
        return EXIT_OK
    speak(args.lang)
    from desktop.cli.kpi_text import print_dashboard

    print_dashboard(board, *names, definitions=args.definitions)
    return EXIT_OK


def report_campaigns(args: argparse.Namespace) -> int:
    with database(args) as db, db.read() as session:
        viewer = optional_acting_user(session, args)
        report = campaign_report(session, viewer, _filter(session, args, viewer))
    from desktop.i18n.languages import choose

    language = choose(args.lang)
    if args.format == "html":
        data = campaign_html(report, language=language).encode("utf-8")
    else:
        data = campaign_csv(report, language=language, encoding=args.encoding)
    speak(args.lang)
    where = write_output(args.output, data)
    tell(args.output, say(REPORT_WRITTEN, len(report.campaigns), len(report.assets), where))
    return EXIT_OK
