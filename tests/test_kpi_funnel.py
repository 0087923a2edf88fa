"""The funnel, 初回接点後の商談化率 and time to promotion, speed to lead, and the leads
behind a bar (models/reporting/), on a world where every number is known by hand, on
SQLite and PostgreSQL.

November 2026 on the Tokyo clock. The leads (Tokyo's unless said):

=====  ==========  =========  =========  ==========================  ========
lead   MQL         1st call   reached    handoff                     SLA met
=====  ==========  =========  =========  ==========================  ========
L1     11/02 10:00 +3 min     yes        +2 days, v1, accepted       yes
L2     11/03 10:00 +30 min    yes        +10 days, v2, rejected      yes
L3     11/05 10:00 +2 h       yes        -                           no
L4     11/06 10:00 +10 h      no         -                           no
L5     11/07 10:00 -          -          -                           -
L6     11/08 10:00 +30 h      yes        +5 days, v2, pending        no
L7     10/31 23:59 +1 h       yes        +1 day (MQL in October)     yes
L8     11/10 10:00 +5:00 min  yes        - (Osaka)                   yes
L9     11/12 10:00 -          10/01 (an earlier round)               -
L10    11/01 00:00 -          -          - (the first instant)       -
=====  ==========  =========  =========  ==========================  ========
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from models.db.database import Database
from models.reporting import FunnelStage, KpiFilter, Period, dashboard, leads_behind
from models.reporting.funnel import STAGES
from tests.kpi_data import Cast, call, cast, handoff, jst, lead, november


def _world(db: Database) -> tuple[Cast, dict[str, int]]:
    c = cast(db)
    p = c.people
    ids: dict[str, int] = {}

    def made(
        name: str,
        mql: str,
        after: timedelta | None,
        reached: bool,
        sla: bool | None,
        team: int = p.team,
        owner: int = p.a,
    ) -> int:
        at = jst(mql)
        first = at + after if after is not None else None
        ids[name] = lead(
            db,
            name,
            team=team,
            owner=owner,
            mql=at,
            first_call=first,
            reached=first if reached else None,
            sla_met=sla,
        )
        if first is not None:
            call(db, ids[name], owner, first, "connected" if reached else "no_answer")
        return ids[name]

    made("L1", "2026-11-02 10:00", timedelta(minutes=3), True, True)
    made("L2", "2026-11-03 10:00", timedelta(minutes=30), True, True)
    made("L3", "2026-11-05 10:00", timedelta(hours=2), True, False)
    made("L4", "2026-11-06 10:00", timedelta(hours=10), False, False)
    made("L5", "2026-11-07 10:00", None, False, None)
    made("L6", "2026-11-08 10:00", timedelta(hours=30), True, False, owner=p.b)
    made("L7", "2026-10-31 23:59", timedelta(hours=1), True, True)
    made("L8", "2026-11-10 10:00", timedelta(minutes=5), True, True, team=p.other_team, owner=p.d)
    ids["L9"] = lead(
        db,
        "L9",
        team=p.team,
        owner=p.a,
        mql=jst("2026-11-12 10:00"),
        reached=jst("2026-10-01 10:00"),
    )
    made("L10", "2026-11-01 00:00", None, False, None)
    handoff(db, ids["L1"], p.a, jst("2026-11-04 10:00"), status="accepted")
    handoff(
        db, ids["L2"], p.a, jst("2026-11-13 10:00"), status="rejected", version=2, code="timing"
    )
    handoff(db, ids["L6"], p.b, jst("2026-11-13 10:00"), version=2)
    handoff(db, ids["L7"], p.a, jst("2026-11-02 00:59"), status="accepted")
    return c, ids


def _counts(board: object) -> list[int]:
    return [s.leads for s in board.funnel.steps]  # type: ignore[attr-defined]


def test_the_funnel_conversion_and_speed_by_hand(db: Database) -> None:
    c, _ids = _world(db)
    with db.read() as session:
        board = dashboard(session, c.marketing, november())
    assert [s.stage for s in board.funnel.steps] == [s.value for s in STAGES]
    assert _counts(board) == [9, 6, 5, 3, 1]
    steps = board.funnel.steps
    assert steps[0].drop_off is None and steps[0].of_mql == 1.0
    assert [s.drop_off for s in steps[1:]] == pytest.approx([3 / 9, 1 / 6, 2 / 5, 2 / 3])
    assert steps[4].of_mql == pytest.approx(1 / 9)

    conversion = board.conversion
    assert (conversion.reached, conversion.promoted) == (5, 3)
    assert conversion.rate == pytest.approx(3 / 5)
    assert conversion.median_days == pytest.approx(5.0)  # 2, 5 and 10 days
    assert {b.key: b.leads for b in conversion.buckets} == {
        "0-1": 0,
        "1-3": 1,
        "3-7": 1,
        "7-14": 1,
        "14-30": 0,
        "30+": 0,
    }

    speed = board.speed
    assert speed.leads == 9
    assert {b.key: b.leads for b in speed.buckets} == {
        "5m": 2,  # L1 (3 min) and L8 (5:00 min, the bucket's last second)
        "1h": 1,
        "4h": 1,
        "24h": 1,
        "over_24h": 1,
        "not_called": 3,  # L5, L9 (called in an earlier round only), L10
    }
    assert (speed.sla_met, speed.sla_missed, speed.sla_pending) == (3, 3, 3)
    assert speed.sla_share == pytest.approx(0.5)


def test_an_even_number_of_promotions_has_the_mean_of_the_middle_two(db: Database) -> None:
    c, _ids = _world(db)
    with db.read() as session:
        board = dashboard(session, c.marketing, november(team_id=c.people.team, rep_id=c.people.a))
    # Rep A's leads of Tokyo: L1 (2 days), L2 (10 days) promoted; L6 is B's.
    assert _counts(board) == [7, 4, 3, 2, 1]
    assert board.conversion.median_days == pytest.approx(6.0)


def test_filters_narrow_the_funnel(db: Database) -> None:
    c, _ids = _world(db)
    p = c.people
    with db.read() as session:
        tokyo = dashboard(session, c.marketing, november(team_id=p.team))
        osaka = dashboard(session, c.marketing, november(team_id=p.other_team))
        v2 = dashboard(session, c.marketing, november(definition_version=2))
        last_day = KpiFilter(Period(date(2026, 10, 31), date(2026, 10, 31)))
        october = dashboard(session, c.marketing, last_day)
    assert _counts(tokyo) == [8, 5, 4, 3, 1]
    assert _counts(osaka) == [1, 1, 1, 0, 0]
    # Version 2: L2 and L6 handed off under it, neither accepted; the stages before it stay.
    assert _counts(v2) == [9, 6, 5, 2, 0]
    assert v2.conversion.median_days == pytest.approx(7.5)  # 5 and 10 days
    # 31 October on the Tokyo clock: L7 (23:59) only; L10 (1 November 00:00) is not in it.
    assert _counts(october) == [1, 1, 1, 1, 1]


def test_the_leads_behind_a_bar(db: Database) -> None:
    c, ids = _world(db)
    with db.read() as session:
        reached = leads_behind(session, c.marketing, november(), "reached", 2)
        lost = leads_behind(
            session, c.marketing, november(), FunnelStage.PROMOTED, 10, dropped=True
        )
        uncalled = leads_behind(session, c.marketing, november(), "working", 10, dropped=True)
        mql = leads_behind(session, c.marketing, november(), "mql", 0, dropped=True)
    assert reached.total == 5
    assert reached.lead_ids == (ids["L8"], ids["L6"])  # the newest MQLs first, capped
    assert (lost.total, set(lost.lead_ids)) == (2, {ids["L3"], ids["L8"]})
    assert lost.dropped and lost.stage == "promoted"
    assert set(uncalled.lead_ids) == {ids["L5"], ids["L9"], ids["L10"]}
    assert (mql.total, mql.lead_ids, mql.dropped) == (9, (), False)


def test_an_unknown_stage_is_refused(db: Database) -> None:
    from models.core.errors import InvalidInput

    c, _ids = _world(db)
    with pytest.raises(InvalidInput) as refused, db.read() as session:
        leads_behind(session, c.marketing, november(), "won", 5)
    assert refused.value.key == "kpi.stage_unknown"
    assert "won" in str(refused.value)


def test_a_fixed_handful_of_statements_whatever_the_leads(db: Database) -> None:
    from typing import Any

    from sqlalchemy import event

    c, _ids = _world(db)
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        statements.append(statement)

    def selects() -> int:
        statements.clear()
        event.listen(db.engine, "before_cursor_execute", count)
        try:
            with db.read() as session:
                dashboard(session, c.marketing, november())
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
        return len([s for s in statements if s.lstrip().upper().startswith("SELECT")])

    few = selects()
    for n in range(30):
        at = jst(f"2026-11-{1 + n % 28:02d} 10:00")
        made = lead(db, f"X{n}", team=c.people.team, owner=c.people.a, mql=at, first_call=at)
        call(db, made, c.people.a, at, "connected")
    assert selects() == few <= 12
