"""Activity per rep and per day (models/reporting/activity.py) on a world counted by hand,
on SQLite and PostgreSQL: calls that stand, reaches, promotions credited to the promoter
on its day, calls per hour over at least an hour, talk time per reach, days cut on the
team's clock (a call at 00:10 in Tokyo is on that Tokyo day, the day before in UTC).

=====  ====================  ===================================================
rep    Tokyo day             calls (outcome, seconds)
=====  ====================  ===================================================
A      Sat 31 Oct 23:59      connected (before the period)
A      Sun 1 Nov 00:00       busy (the period's first instant)
A      Mon 16 Nov            09:00 no answer, 10:30 connected 300 s, 11:00 no answer,
                             10:45 connected 999 s superseded by a correction
A      Tue 17 Nov 23:30      connected 600 s
A      Wed 18 Nov 00:10      no answer
B      Mon 16 Nov            13:00 meeting booked 900 s, 13:20 busy
D      Mon 16 Nov 10:00      connected 120 s (Osaka)
=====  ====================  ===================================================

Handoffs: A on 16 Nov, B on 17 Nov, D on 16 Nov, A on 31 Oct (before the period).
"""

from __future__ import annotations

from datetime import date

import pytest

from models.db.database import Database
from models.reporting import dashboard
from models.reporting.activity import ActivityFigures
from tests.kpi_data import Cast, call, cast, handoff, jst, lead, november, touch


def _world(db: Database) -> Cast:
    c = cast(db)
    p = c.people
    mql = jst("2026-10-01 10:00")
    la = lead(db, "La", team=p.team, owner=p.a, mql=mql)
    lb = lead(db, "Lb", team=p.team, owner=p.b, mql=mql)
    ld = lead(db, "Ld", team=p.other_team, owner=p.d, mql=mql)
    touch(db, la, jst("2026-09-01 10:00"), "C1", None)
    for at, outcome, seconds, superseded in (
        ("2026-10-31 23:59", "connected", 60, False),
        ("2026-11-01 00:00", "busy", None, False),
        ("2026-11-16 09:00", "no_answer", None, False),
        ("2026-11-16 10:30", "connected", 300, False),
        ("2026-11-16 11:00", "no_answer", 20, False),
        ("2026-11-16 10:45", "connected", 999, True),
        ("2026-11-17 23:30", "connected", 600, False),
        ("2026-11-18 00:10", "no_answer", None, False),
    ):
        call(db, la, p.a, jst(at), outcome, seconds=seconds, superseded=superseded)
    call(db, lb, p.b, jst("2026-11-16 13:00"), "meeting_booked", seconds=900)
    call(db, lb, p.b, jst("2026-11-16 13:20"), "busy", seconds=10)
    call(db, ld, p.d, jst("2026-11-16 10:00"), "connected", seconds=120)
    handoff(db, la, p.a, jst("2026-11-16 15:00"))
    handoff(db, lb, p.b, jst("2026-11-17 10:00"))
    handoff(db, ld, p.d, jst("2026-11-16 16:00"))
    handoff(db, la, p.a, jst("2026-10-31 12:00"))
    return c


def _plain(f: ActivityFigures) -> tuple[int, int, int, int, float]:
    return (f.calls, f.reaches, f.promotions, f.talk_seconds, f.hours)


def test_activity_per_rep_per_day_and_in_all(db: Database) -> None:
    c = _world(db)
    p = c.people
    with db.read() as session:
        activity = dashboard(session, c.marketing, november()).activity
    total = activity.total
    assert _plain(total) == (9, 4, 3, 1920, 7.0)
    assert total.reach_rate == pytest.approx(4 / 9)
    assert total.promotions_per_reach == pytest.approx(3 / 4)
    assert total.promotions_per_call == pytest.approx(3 / 9)
    assert total.calls_per_hour == pytest.approx(9 / 7)
    assert total.talk_seconds_per_reach == pytest.approx(480.0)

    reps = {r.user_id: r for r in activity.reps}
    assert [r.user_id for r in activity.reps] == [p.a, p.d, p.b]  # by name: 佐藤, 大阪, 鈴木
    assert reps[p.a].name == "佐藤 A"
    assert _plain(reps[p.a].figures) == (6, 2, 1, 900, 5.0)
    assert reps[p.a].figures.calls_per_hour == pytest.approx(1.2)
    assert _plain(reps[p.b].figures) == (2, 1, 1, 900, 1.0)  # 20 minutes count as an hour
    assert _plain(reps[p.d].figures) == (1, 1, 1, 120, 1.0)

    days = {d.day: d.figures for d in activity.days}
    assert len(activity.days) == 30 and activity.days[0].day == date(2026, 11, 1)
    assert _plain(days[date(2026, 11, 1)]) == (1, 0, 0, 0, 1.0)
    assert _plain(days[date(2026, 11, 16)]) == (6, 3, 2, 1320, 4.0)
    assert _plain(days[date(2026, 11, 17)]) == (1, 1, 1, 600, 1.0)  # 23:30, and B's handoff
    assert _plain(days[date(2026, 11, 18)]) == (1, 0, 0, 0, 1.0)  # 00:10 Tokyo, 17th in UTC
    assert days[date(2026, 11, 2)].reach_rate is None and days[date(2026, 11, 2)].calls == 0

    cells = {(x.user_id, x.day): x.figures for x in activity.cells}
    assert len(cells) == 7
    assert _plain(cells[(p.a, date(2026, 11, 16))]) == (3, 1, 1, 300, 2.0)
    assert cells[(p.a, date(2026, 11, 16))].calls_per_hour == pytest.approx(1.5)
    b_17 = cells[(p.b, date(2026, 11, 17))]  # a handoff without a call that day
    assert _plain(b_17) == (0, 0, 1, 0, 0.0)
    assert b_17.calls_per_hour is None and b_17.promotions_per_call is None


def test_activity_filters(db: Database) -> None:
    c = _world(db)
    p = c.people
    with db.read() as session:
        tokyo = dashboard(session, c.marketing, november(team_id=p.team)).activity
        rep_b = dashboard(session, c.marketing, november(rep_id=p.b)).activity
        campaign = dashboard(session, c.marketing, november(campaign="C1")).activity
        nothing = dashboard(session, c.marketing, november(industry="finance")).activity
    assert _plain(tokyo.total) == (8, 3, 2, 1800, 6.0)
    assert [r.user_id for r in tokyo.reps] == [p.a, p.b]
    assert _plain(rep_b.total) == (2, 1, 1, 900, 1.0)
    assert _plain(campaign.total) == (6, 2, 1, 900, 5.0)  # La's calls and handoff only
    assert _plain(nothing.total) == (0, 0, 0, 0, 0.0)
    assert nothing.reps == () and nothing.cells == () and len(nothing.days) == 30
    assert nothing.total.reach_rate is None and nothing.total.calls_per_hour is None


def test_days_follow_summer_time(db: Database) -> None:
    """A team in Berlin: summer time ends on Sunday 25 October 2026 (03:00 CEST becomes
    02:00 CET), and each call falls on the day Berlin's clock shows."""
    from datetime import UTC, datetime

    from sqlalchemy import update

    from models.core.entities import Team
    from models.reporting import KpiFilter, Period

    c = cast(db)
    p = c.people
    with db.write() as session:
        session.execute(
            update(Team)
            .where(Team.id == p.other_team)
            .values(settings={"timezone": "Europe/Berlin"})
        )
    ld = lead(db, "Berlin", team=p.other_team, owner=p.d, mql=jst("2026-10-01 10:00"))
    for utc in (
        "2026-10-24 21:30",  # 23:30 CEST on the 24th
        "2026-10-24 22:30",  # 00:30 CEST on the 25th
        "2026-10-25 22:30",  # 23:30 CET on the 25th (under summer time: the 26th)
        "2026-10-25 23:30",  # 00:30 CET on the 26th
        "2026-10-31 22:59",  # 23:59 CET on the 31st, the period's last minute
        "2026-10-31 23:00",  # 1 November in Berlin: after the period
    ):
        at = datetime.fromisoformat(utc).replace(tzinfo=UTC)
        call(db, ld, p.d, at, "no_answer")
    kpi = KpiFilter(Period(date(2026, 10, 1), date(2026, 10, 31)), team_id=p.other_team)
    with db.read() as session:
        board = dashboard(session, c.marketing, kpi)
    assert board.zone == "Europe/Berlin"
    calls = {d.day.day: d.figures.calls for d in board.activity.days if d.figures.calls}
    assert calls == {24: 1, 25: 2, 26: 1, 31: 1}
