"""A team's workload (models/leads/workload.py) and away periods (models/teams/away.py)
on both backends: each figure counted on the team's calendar, inactive and away members
marked, a fixed handful of queries whatever the number of leads; who may record an
away period."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, func, select, update

from models.core.entities import AuditEntry, User
from models.core.errors import InvalidInput, NotFound, PermissionDenied
from models.db.database import Database
from models.leads.workload import workload
from models.teams.away import add_away, away_periods, remove_away
from tests.assignment_data import NOW, TODAY, away, call, make_leads, people

# Friday 2026-11-20 in Tokyo: the day began at 15:00 UTC the day before, the week on Monday.
DAY_START = datetime.fromisoformat("2026-11-19T15:00:00+00:00")
WEEK_START = datetime.fromisoformat("2026-11-15T15:00:00+00:00")


def test_each_members_figures(db: Database) -> None:
    p = people(db, capacity=10)
    with db.write() as session:
        session.execute(update(User).where(User.id == p.b).values(capacity=3))
    working = make_leads(db, 4, owner=p.a, team=p.team, stage="working")
    make_leads(db, 1, owner=p.a, team=p.team, next_callback_at=NOW - timedelta(hours=2))
    make_leads(db, 1, owner=p.a, team=p.team, next_callback_at=NOW + timedelta(hours=3))
    make_leads(db, 1, owner=p.a, team=p.team, next_callback_at=NOW + timedelta(hours=20))
    make_leads(db, 1, owner=p.a, team=p.team, sla_met=False)  # breach recorded
    make_leads(db, 1, owner=p.a, team=p.team, sla_due_at=NOW - timedelta(minutes=1))  # not yet
    make_leads(db, 1, owner=p.a, team=p.team, sla_due_at=NOW + timedelta(minutes=5))
    make_leads(db, 2, owner=p.a, team=p.team, stage="promoted", sla_met=False)  # closed
    make_leads(db, 1, owner=p.a, team=p.team, do_not_call=True)  # not callable
    make_leads(db, 5, owner=p.b, team=p.team)  # over capacity
    make_leads(db, 2, team=p.team)  # unassigned, new
    lead = working[0]
    call(db, lead, p.a, NOW - timedelta(hours=1), "connected")
    call(db, lead, p.a, DAY_START + timedelta(minutes=1), "no_answer")  # today, 00:01 JST
    call(db, lead, p.a, DAY_START - timedelta(minutes=1), "meeting_booked")  # yesterday
    call(db, lead, p.a, WEEK_START + timedelta(minutes=1), "voicemail")  # Monday
    call(db, lead, p.a, WEEK_START - timedelta(minutes=1), "connected")  # last week
    call(db, lead, p.b, NOW - timedelta(minutes=5), "busy")
    with db.read() as session:
        load = workload(session, p.team, NOW)
    assert (load.today, load.week_start) == (TODAY, date(2026, 11, 16))
    assert load.unassigned_new == 2
    members = {m.user_id: m for m in load.members}
    assert set(members) == {p.a, p.b, p.c, p.lead}  # reps and team leads, active ones
    a = members[p.a]
    assert a.open_leads == 10
    assert (a.callbacks_overdue, a.callbacks_due_today, a.sla_breaches) == (1, 1, 2)
    assert (a.calls_today, a.calls_week, a.connects_week) == (2, 4, 2)
    assert a.connect_rate_week == pytest.approx(0.5)
    assert (a.capacity, a.free_capacity) == (10, 0)
    b = members[p.b]
    assert (b.open_leads, b.capacity, b.free_capacity) == (5, 3, 0)
    assert (b.calls_today, b.connect_rate_week) == (1, 0.0)
    c = members[p.c]
    assert (c.open_leads, c.free_capacity, c.connect_rate_week) == (0, 10, None)
    assert all(m.available for m in load.members)


def test_inactive_members_with_leads_and_away_members_are_marked(db: Database) -> None:
    p = people(db)
    make_leads(db, 2, owner=p.gone, team=p.team)
    away(db, p.b, TODAY - timedelta(days=2), TODAY)
    away(db, p.b, TODAY + timedelta(days=10), TODAY + timedelta(days=12))
    away(db, p.c, TODAY + timedelta(days=1), TODAY + timedelta(days=1))
    with db.read() as session:
        load = workload(session, p.team, NOW)
    members = {m.user_id: m for m in load.members}
    gone = members[p.gone]
    assert not gone.active and gone.open_leads == 2 and not gone.available
    assert load.members[-1].user_id == p.gone  # inactive last
    b, c = members[p.b], members[p.c]
    assert b.away is not None and b.away.ends_on == TODAY and not b.available
    assert b.next_away is not None and b.next_away.starts_on == TODAY + timedelta(days=10)
    assert c.away is None and c.available
    assert c.next_away is not None and c.next_away.starts_on == TODAY + timedelta(days=1)


def test_an_unknown_team_is_refused(db: Database) -> None:
    people(db)
    with pytest.raises(NotFound) as refused, db.read() as session:
        workload(session, 987_654, NOW)
    assert refused.value.key == "team.not_found"


def test_a_fixed_handful_of_queries_whatever_the_leads(db: Database) -> None:
    p = people(db)
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        statements.append(statement)

    def queries() -> int:
        statements.clear()
        event.listen(db.engine, "before_cursor_execute", count)
        try:
            with db.read() as session:
                workload(session, p.team, NOW)
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
        return len([s for s in statements if s.lstrip().upper().startswith("SELECT")])

    few = queries()
    for rep in (p.a, p.b, p.c):
        make_leads(db, 40, owner=rep, team=p.team)
    assert queries() == few <= 8


def test_away_periods_who_may_record_them(db: Database) -> None:
    p = people(db)
    first, last = TODAY + timedelta(days=3), TODAY + timedelta(days=4)
    with db.write() as session:
        mine = add_away(session, p.a, p.a, first, last, " 研修 ", NOW)  # themself
        theirs = add_away(session, p.lead, p.b, first, first, "", NOW)  # their team lead
        add_away(session, p.admin, p.d, first, first, "", NOW)  # an administrator
    assert mine.away.note == "研修" and theirs.away.note is None
    assert mine.changes.users
    for actor, user in ((p.a, p.b), (p.other_lead, p.a), (p.lead, p.d)):
        with pytest.raises(PermissionDenied) as refused, db.write() as session:
            add_away(session, actor, user, first, last, "", NOW)
        assert refused.value.key == "away.not_allowed"
    with pytest.raises(PermissionDenied), db.write() as session:
        remove_away(session, p.c, mine.away.id, NOW)
    with db.write() as session:
        remove_away(session, p.lead, mine.away.id, NOW)
    with db.read() as session:
        assert away_periods(session, p.a) == []
        assert [a.id for a in away_periods(session, p.b)] == [theirs.away.id]
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions == ["away_added"] * 3 + ["away_removed"]
    with pytest.raises(NotFound) as missing, db.write() as session:
        remove_away(session, p.lead, mine.away.id, NOW)
    assert missing.value.key == "away.not_found"


def test_away_dates_and_note_are_checked(db: Database) -> None:
    p = people(db)
    with pytest.raises(InvalidInput) as refused, db.write() as session:
        add_away(session, p.a, p.a, TODAY, TODAY - timedelta(days=1), "", NOW)
    assert refused.value.key == "away.dates_order"
    assert refused.value.params["field"] == "ends_on"
    with pytest.raises(InvalidInput) as refused, db.write() as session:
        add_away(session, p.a, p.a, TODAY, TODAY, "休\x00暇", NOW)
    assert refused.value.key == "text.bad_character"
    with pytest.raises(InvalidInput) as refused, db.write() as session:
        add_away(session, p.a, p.a, TODAY, TODAY, "x" * 201, NOW)
    assert refused.value.key == "text.too_long"
    with db.read() as session:
        assert session.scalar(select(func.count(AuditEntry.id))) == 0


def test_the_workload_is_read_by_who_may_read_reports_of_that_team(db: Database) -> None:
    from models.leads.workload import workload_for

    p = people(db)
    with db.read() as session:
        assert workload_for(session, p.lead, p.team, NOW).members
        assert workload_for(session, p.admin, p.other_team, NOW) is not None
        with pytest.raises(PermissionDenied):
            workload_for(session, p.a, p.team, NOW)  # a rep
        with pytest.raises(PermissionDenied):
            workload_for(session, p.other_lead, p.team, NOW)  # another team's lead
