"""Who may read the shared KPIs (Action.READ_REPORTS, enforced in models/reporting/): team
leads their own team (a filter without a team narrowed to it, another team refused),
marketing and admins every team, reps and field reps nobody's; and the filters' own
refusals. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from models.core.errors import InvalidInput, NotFound, PermissionDenied
from models.db.database import Database
from models.reporting import (
    KpiFilter,
    Period,
    campaign_report,
    dashboard,
    leads_behind,
    named_period,
)
from models.reporting.filters import MAX_DAYS
from models.reporting.options import choices
from tests.kpi_data import Cast, call, cast, jst, lead, november


def _world(db: Database) -> Cast:
    c = cast(db)
    p = c.people
    for team, owner, n in ((p.team, p.a, 3), (p.other_team, p.d, 2)):
        for k in range(n):
            at = jst(f"2026-11-0{k + 2} 10:00")
            made = lead(db, f"T{team}-{k}", team=team, owner=owner, mql=at, first_call=at)
            call(db, made, owner, at, "no_answer")
    return c


def _mqls(db: Database, user_id: int | None, kpi: KpiFilter) -> tuple[int | None, int]:
    with db.read() as session:
        board = dashboard(session, user_id, kpi)
    return board.filter.team_id, board.funnel.steps[0].leads


def test_who_reads_which_team(db: Database) -> None:
    c = _world(db)
    p = c.people
    assert _mqls(db, p.lead, november()) == (p.team, 3)  # narrowed to their team
    assert _mqls(db, p.lead, november(team_id=p.team)) == (p.team, 3)
    assert _mqls(db, p.other_lead, november()) == (p.other_team, 2)
    assert _mqls(db, c.marketing, november()) == (None, 5)
    assert _mqls(db, c.marketing, november(team_id=p.other_team)) == (p.other_team, 2)
    assert _mqls(db, p.admin, november()) == (None, 5)
    assert _mqls(db, None, november()) == (None, 5)  # a local reading naming nobody
    with db.read() as session:
        behind = leads_behind(session, p.lead, november(), "working", 10)
        report = campaign_report(session, p.lead, november())
    assert behind.total == 3
    assert report.filter.team_id == p.team and report.team_name == "東京チーム"
    with db.read() as session:
        own = choices(session, p.lead, jst("2026-11-20 10:00"))
        every = choices(session, c.marketing, jst("2026-11-20 10:00"))
    assert [t for t, _ in own.teams] == [p.team] and not own.every_team
    assert {r.team_id for r in own.reps} == {p.team}
    assert {t for t, _ in every.teams} == {p.team, p.other_team} and every.every_team


@pytest.mark.parametrize("who", ["a", "field_rep"])
def test_reps_and_field_reps_are_refused(db: Database, who: str) -> None:
    c = _world(db)
    user = getattr(c.people, who)
    for read in (
        lambda s: dashboard(s, user, november()),
        lambda s: leads_behind(s, user, november(), "mql", 5),
        lambda s: campaign_report(s, user, november()),
        lambda s: choices(s, user, jst("2026-11-20 10:00")),
    ):
        with pytest.raises(PermissionDenied) as refused, db.read() as session:
            read(session)
        assert refused.value.key == "user.action_not_allowed"
        assert refused.value.params["permission"] == "read_reports"


def test_a_team_lead_is_refused_another_team(db: Database) -> None:
    c = _world(db)
    with pytest.raises(PermissionDenied) as refused, db.read() as session:
        dashboard(session, c.people.lead, november(team_id=c.people.other_team))
    assert refused.value.key == "user.other_team"


def test_an_inactive_user_an_unknown_team_and_unstorable_text(db: Database) -> None:
    c = _world(db)
    with pytest.raises(NotFound) as gone, db.read() as session:
        dashboard(session, c.people.gone, november())
    assert gone.value.key == "user.not_active"
    with pytest.raises(NotFound) as unknown, db.read() as session:
        dashboard(session, c.marketing, november(team_id=987_654))
    assert unknown.value.key == "team.not_found"
    with pytest.raises(InvalidInput) as nul, db.read() as session:
        dashboard(session, c.marketing, november(campaign="秋の\x00セミナー"))
    assert nul.value.key == "text.bad_character" and nul.value.params["field"] == "campaign"


def test_periods() -> None:
    today = date(2026, 11, 20)
    assert named_period("this-month", today) == Period(date(2026, 11, 1), today)
    assert named_period("last-month", today) == Period(date(2026, 10, 1), date(2026, 10, 31))
    assert named_period("last-30-days", today) == Period(date(2026, 10, 22), today)
    assert named_period("this-quarter", today) == Period(date(2026, 10, 1), today)
    assert named_period("last-month", date(2026, 1, 5)) == Period(
        date(2025, 12, 1), date(2025, 12, 31)
    )
    with pytest.raises(InvalidInput) as unknown:
        named_period("yesterday", today)
    assert unknown.value.key == "kpi.period_unknown"
    with pytest.raises(InvalidInput) as backwards:
        Period(date(2026, 11, 2), date(2026, 11, 1))
    assert backwards.value.key == "kpi.period_order"
    with pytest.raises(InvalidInput) as long:
        Period(date(2020, 1, 1), date(2020, 1, 1).replace(year=2024))
    assert long.value.key == "kpi.period_too_long" and long.value.params["limit"] == MAX_DAYS
