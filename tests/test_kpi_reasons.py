"""Reasons over time and response rate by industry (models/reporting/reasons.py,
industry.py) on worlds counted by hand, on SQLite and PostgreSQL: weekly buckets for a
month, monthly ones for a quarter, cut on the Tokyo clock.

November 2026 runs over six weeks (Mondays 26 Oct, 2, 9, 16, 23 and 30 Nov).
"""

from __future__ import annotations

from datetime import date

import pytest

from models.db.database import Database
from models.reporting import KpiFilter, Period, dashboard
from models.reporting.reasons import ReasonCounts
from tests.kpi_data import Cast, call, cast, handoff, jst, lead, november, recycle

WEEKS = (
    date(2026, 10, 26),
    date(2026, 11, 2),
    date(2026, 11, 9),
    date(2026, 11, 16),
    date(2026, 11, 23),
    date(2026, 11, 30),
)
QUARTER = Period(date(2026, 9, 1), date(2026, 11, 30))


def _counts(rows: tuple[ReasonCounts, ...]) -> dict[str, tuple[int, ...]]:
    return {r.code: r.counts for r in rows}


def _reasons_world(db: Database) -> Cast:
    c = cast(db)
    p = c.people
    mql = jst("2026-08-01 10:00")
    r = {n: lead(db, f"R{n}", team=p.team, owner=p.a, mql=mql) for n in range(1, 7)}
    r7 = lead(db, "R7", team=p.other_team, owner=p.d, mql=mql)
    recycle(db, r[1], p.a, jst("2026-11-03 10:00"), "timing")
    recycle(db, r[2], p.a, jst("2026-11-10 10:00"), "timing")
    recycle(db, r[3], p.a, jst("2026-11-09 00:05"), "no_budget")  # Sunday 8th in UTC
    recycle(db, r[4], p.field_rep, jst("2026-11-17 10:00"), "handoff_rejected:timing")
    recycle(db, r[5], p.a, jst("2026-10-30 10:00"), "no_need")  # before the period
    recycle(db, r[6], p.a, jst("2026-11-20 10:00"), None)  # type: ignore[arg-type]
    recycle(db, r7, p.d, jst("2026-11-04 10:00"), "competitor")
    h = {"status": "rejected"}
    handoff(
        db, r[4], p.a, jst("2026-11-13 10:00"), **h, code="timing", answered=jst("2026-11-17 10:00")
    )
    handoff(
        db,
        r[1],
        p.a,
        jst("2026-11-02 10:00"),
        **h,
        code="not_a_fit",
        version=2,
        answered=jst("2026-11-04 10:00"),
    )
    handoff(
        db,
        r[2],
        p.a,
        jst("2026-11-04 10:00"),
        status="accepted",
        version=2,
        override="予算は口頭で確認",
    )
    handoff(
        db,
        r7,
        p.d,
        jst("2026-11-03 10:00"),
        **h,
        code="duplicate",
        answered=jst("2026-11-05 10:00"),
    )
    handoff(db, r[5], p.a, jst("2026-11-20 10:00"), **h, answered=jst("2026-11-24 10:00"))
    handoff(db, r[6], p.lead, jst("2026-11-18 10:00"), override="<b>部長判断</b>")
    handoff(db, r[5], p.lead, jst("2026-10-20 10:00"), override="前月")
    return c


def test_reasons_per_week(db: Database) -> None:
    c = _reasons_world(db)
    with db.read() as session:
        trend = dashboard(session, c.marketing, november()).reasons
    assert (trend.unit, trend.buckets) == ("week", WEEKS)
    assert [r.code for r in trend.returns] == [
        "timing",
        "competitor",
        "handoff_rejected",
        "no_budget",
        "other",
    ]
    assert _counts(trend.returns) == {
        "timing": (0, 1, 1, 0, 0, 0),
        "competitor": (0, 1, 0, 0, 0, 0),
        "handoff_rejected": (0, 0, 0, 1, 0, 0),
        "no_budget": (0, 0, 1, 0, 0, 0),  # 00:05 on Monday the 9th in Tokyo
        "other": (0, 0, 0, 1, 0, 0),
    }
    assert trend.returns[0].total == 2
    assert _counts(trend.rejections) == {
        "timing": (0, 0, 0, 1, 0, 0),
        "not_a_fit": (0, 1, 0, 0, 0, 0),
        "duplicate": (0, 1, 0, 0, 0, 0),
        "other": (0, 0, 0, 0, 1, 0),
    }
    assert (trend.overrides, trend.overrides_total) == ((0, 1, 0, 1, 0, 0), 2)


def test_reasons_filtered(db: Database) -> None:
    c = _reasons_world(db)
    with db.read() as session:
        tokyo = dashboard(session, c.marketing, november(team_id=c.people.team)).reasons
        v2 = dashboard(session, c.marketing, november(definition_version=2)).reasons
    assert "competitor" not in _counts(tokyo.returns)
    assert set(_counts(tokyo.rejections)) == {"timing", "not_a_fit", "other"}
    assert set(_counts(v2.rejections)) == {"not_a_fit"}
    assert v2.overrides == (0, 1, 0, 0, 0, 0)
    assert _counts(v2.returns) == _counts(_all_returns(db, c))


def _all_returns(db: Database, c: Cast) -> tuple[ReasonCounts, ...]:
    """Returns do not depend on the definition version."""
    with db.read() as session:
        return dashboard(session, c.marketing, november()).reasons.returns


def test_reasons_per_month(db: Database) -> None:
    c = _reasons_world(db)
    p = c.people
    extra = lead(db, "R8", team=p.team, owner=p.a, mql=jst("2026-08-01 10:00"))
    recycle(db, extra, p.a, jst("2026-09-30 23:30"), "timing")  # September in Tokyo
    recycle(db, extra, p.a, jst("2026-10-01 00:30"), "timing")  # 30 Sep in UTC: October
    with db.read() as session:
        trend = dashboard(session, c.marketing, KpiFilter(QUARTER)).reasons
    assert trend.unit == "month"
    assert trend.buckets == (date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 1))
    returns = _counts(trend.returns)
    assert returns["timing"] == (1, 1, 2)
    assert returns["no_need"] == (0, 1, 0)
    assert trend.overrides == (0, 1, 2)


def _industry_world(db: Database) -> Cast:
    c = cast(db)
    p = c.people
    mql = jst("2026-08-01 10:00")

    def made(name: str, industry: str | None, team: int = p.team, owner: int = p.a) -> int:
        return lead(db, name, team=team, owner=owner, mql=mql, industry=industry)

    m1, m2 = made("M1", "manufacturing"), made("M2", "manufacturing")
    i1, x = made("I1", "it_software"), made("X", None)
    o1 = made("O1", "manufacturing", team=p.other_team, owner=p.d)
    for lead_id, at, outcome in (
        (m1, "2026-10-05 10:00", "no_answer"),
        (m1, "2026-10-06 10:00", "connected"),
        (m1, "2026-11-02 10:00", "no_answer"),
        (m2, "2026-09-30 23:30", "connected"),  # September in Tokyo
        (m2, "2026-10-07 10:00", "busy"),
        (m2, "2026-10-08 10:00", "busy"),
        (i1, "2026-11-03 10:00", "connected"),
        (i1, "2026-11-04 10:00", "connected"),
        (x, "2026-10-09 10:00", "connected"),
        (m1, "2026-08-31 10:00", "connected"),  # before the period
    ):
        call(db, lead_id, p.a, jst(at), outcome)
    call(db, m2, p.a, jst("2026-11-09 10:00"), "connected", superseded=True)
    call(db, o1, p.d, jst("2026-11-05 10:00"), "connected")
    return c


def test_response_rate_by_industry_per_month(db: Database) -> None:
    c = _industry_world(db)
    with db.read() as session:
        response = dashboard(session, c.marketing, KpiFilter(QUARTER)).industries
        tokyo = dashboard(session, c.marketing, KpiFilter(QUARTER, team_id=c.people.team))
    assert response.unit == "month"
    assert [t.industry for t in response.industries] == ["manufacturing", "it_software", None]
    manufacturing = response.industries[0]
    assert [(m.called, m.reached) for m in manufacturing.months] == [(1, 1), (2, 1), (2, 1)]
    assert [m.rate for m in manufacturing.months] == pytest.approx([1.0, 0.5, 0.5])
    assert (manufacturing.called, manufacturing.reached) == (5, 3)
    assert manufacturing.months[0].month == date(2026, 9, 1)
    it = response.industries[1]
    assert [(m.called, m.reached) for m in it.months] == [(0, 0), (0, 0), (1, 1)]
    assert it.months[0].rate is None
    unknown = response.industries[2]
    assert [(m.called, m.reached) for m in unknown.months] == [(0, 0), (1, 1), (0, 0)]
    ours = tokyo.industries.industries[0]  # Osaka's rep's call left out
    assert [(m.called, m.reached) for m in ours.months] == [(1, 1), (2, 1), (1, 0)]
