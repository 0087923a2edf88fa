"""Distribution and rebalancing (models/leads/distribution.py, rebalance.py) on both
backends: weighted by free capacity, fair ties over many rounds, nobody over capacity,
inactive and away reps never chosen, unplaced leads listed with why, plans confirmed
before they are applied."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import delete, func, select, update

from models.core.entities import AssignmentChange, AuditEntry, Lead, Team, User
from models.core.errors import ConcurrentChange, InvalidInput, PermissionDenied
from models.db.database import Database, open_database
from models.leads.distribution import Unplaced, distribute, plan_distribution
from models.leads.rebalance import rebalance
from tests.assignment_data import NOW, TODAY, away, claim, make_leads, owners, people


def _capacity(db: Database, **capacities: int) -> None:
    with db.write() as session:
        for email, capacity in capacities.items():
            session.execute(
                update(User).where(User.email == f"{email}@baton.test").values(capacity=capacity)
            )


def _deactivate(db: Database, *user_ids: int) -> None:
    with db.write() as session:
        session.execute(update(User).where(User.id.in_(user_ids)).values(active=False))


def test_shares_follow_free_capacity_and_the_best_leads_interleave(db: Database) -> None:
    p = people(db)
    _capacity(db, a=40, b=20, c=10)
    make_leads(db, 10, owner=p.a, team=p.team, stage="working")  # A: 30 free
    make_leads(db, 10, owner=p.b, team=p.team, stage="working")  # B: 10 free
    _deactivate(db, p.c)
    ids = make_leads(db, 20, team=p.team, priority=90)
    with db.read() as session:
        plan = plan_distribution(session, p.team, NOW)
    shares = Counter(pl.to_user_id for pl in plan.placements)
    assert shares == {p.a: 15, p.b: 5}
    assert not plan.unplaced
    assert [pl.lead_id for pl in plan.placements] == ids  # highest priority first
    # The best four leads do not all go to the rep with the most room.
    assert {pl.to_user_id for pl in plan.placements[:4]} == {p.a, p.b}
    assert {r.user_id: (r.free_capacity, r.receives) for r in plan.receivers} == {
        p.a: (30, 15),
        p.b: (10, 5),
    }


def test_nobody_goes_over_capacity_and_the_rest_is_listed_with_why(db: Database) -> None:
    p = people(db)
    _capacity(db, a=3, b=2, c=0)
    make_leads(db, 1, owner=p.a, team=p.team)
    ids = make_leads(db, 10, team=p.team)
    with db.write() as session:
        done = distribute(session, p.lead, p.team, NOW)
    assert done.applied
    placed = Counter(pl.to_user_id for pl in done.plan.placements)
    assert placed == {p.a: 2, p.b: 2}
    assert len(done.plan.unplaced) == 6
    assert {u.reason for u in done.plan.unplaced} == {Unplaced.AT_CAPACITY}
    assert {u.lead_id for u in done.plan.unplaced} == set(ids[4:])  # the lowest priorities
    assert Counter(owners(db, ids).values()) == {p.a: 2, p.b: 2, None: 6}


def test_inactive_and_away_reps_are_never_chosen(db: Database) -> None:
    p = people(db)
    away(db, p.b, TODAY, TODAY + timedelta(days=3))
    _deactivate(db, p.c)
    ids = make_leads(db, 12, team=p.team)
    with db.write() as session:
        done = distribute(session, p.lead, p.team, NOW)
    assert set(owners(db, ids).values()) == {p.a}
    receivers = {r.user_id: r for r in done.plan.receivers}
    assert set(receivers) == {p.a, p.b}  # the inactive rep is not a receiver at all
    assert receivers[p.b].away is not None and receivers[p.b].receives == 0
    # Team leads receive leads only by a reassignment.
    assert p.lead not in receivers


def test_with_every_rep_away_or_none_active_the_leads_wait_with_why(db: Database) -> None:
    p = people(db)
    ids = make_leads(db, 3, team=p.team)
    for rep in (p.a, p.b, p.c):
        away(db, rep, TODAY, TODAY)
    with db.read() as session:
        plan = plan_distribution(session, p.team, NOW)
    assert not plan.placements
    assert [(u.lead_id, u.reason) for u in plan.unplaced] == [(i, Unplaced.ALL_AWAY) for i in ids]
    _deactivate(db, p.a, p.b, p.c)
    with db.read() as session:
        plan = plan_distribution(session, p.team, NOW)
    assert {u.reason for u in plan.unplaced} == {Unplaced.NO_REP}


def test_fair_over_many_rounds_and_not_always_the_oldest_member(db: Database) -> None:
    """One lead a round, each round's lead worked and closed: the first pick rotates."""
    p = people(db)
    firsts = []
    for _round in range(30):
        (lead_id,) = make_leads(db, 1, team=p.team)
        with db.write() as session:
            done = distribute(session, p.lead, p.team, NOW)
            session.execute(update(Lead).where(Lead.id == lead_id).values(stage="promoted"))
        firsts.append(done.plan.placements[0].to_user_id)
    assert Counter(firsts) == {p.a: 10, p.b: 10, p.c: 10}
    assert firsts[:6] == [p.a, p.b, p.c, p.a, p.b, p.c]


def test_a_batch_with_equal_room_rotates_from_who_received_least_recently(db: Database) -> None:
    p = people(db)
    with db.write() as session:  # C received last, A before: B has waited longest
        (first,) = make_leads(db, 1, owner=p.a, team=p.team, stage="promoted")
        session.add(AssignmentChange(lead_id=first, to_user_id=p.a, changed_by=p.lead))
        session.flush()
        session.add(AssignmentChange(lead_id=first, to_user_id=p.c, changed_by=p.lead))
    ids = make_leads(db, 4, team=p.team, priority=99)
    with db.read() as session:
        plan = plan_distribution(session, p.team, NOW)
    order = [pl.to_user_id for pl in plan.placements if pl.lead_id in ids]
    assert order == [p.b, p.a, p.c, p.b]


def test_a_dry_run_writes_nothing_and_applying_is_audited(db: Database) -> None:
    p = people(db)
    ids = make_leads(db, 6, team=p.team)
    with db.write() as session:
        dry = distribute(session, p.lead, p.team, NOW, dry_run=True)
    assert not dry.applied and dry.changes.empty
    assert set(owners(db, ids).values()) == {None}
    with db.write() as session:
        done = distribute(session, p.lead, p.team, NOW, expected=dry.plan.assignments)
    assert done.plan.assignments == dry.plan.assignments
    assert done.changes.lead_ids == frozenset(ids) and done.changes.queue
    with db.read() as session:
        reasons = session.scalars(select(AssignmentChange.reason)).all()
        audits = session.scalar(
            select(func.count(AuditEntry.id)).where(AuditEntry.action == "reassigned")
        )
        teams = set(session.scalars(select(Lead.team_id).where(Lead.id.in_(ids))))
    assert reasons == ["distribution"] * 6 and audits == 6 and teams == {p.team}


def test_a_plan_that_changed_since_it_was_shown_is_not_applied(db: Database) -> None:
    p = people(db)
    make_leads(db, 4, team=p.team)
    with db.read() as session:
        shown = plan_distribution(session, p.team, NOW)
    make_leads(db, 1, team=p.team, priority=99)  # a lead arrives meanwhile
    with pytest.raises(ConcurrentChange) as refused, db.write() as session:
        distribute(session, p.lead, p.team, NOW, expected=shown.assignments)
    assert refused.value.key == "assignment.plan_changed"
    assert refused.value.params["team"] == "東京チーム"
    with db.read() as session:
        assert session.scalar(select(func.count(AssignmentChange.id))) == 0


def test_who_may_distribute(db: Database) -> None:
    p = people(db)
    make_leads(db, 2, team=p.team)
    for actor, key in ((p.a, "user.action_not_allowed"), (p.other_lead, "user.other_team")):
        for dry_run in (True, False):
            with pytest.raises(PermissionDenied) as refused, db.write() as session:
                distribute(session, actor, p.team, NOW, dry_run=dry_run)
            assert refused.value.key == key
    with db.write() as session:
        assert distribute(session, p.admin, p.team, NOW).applied


def test_leads_of_no_team_belong_to_the_only_team(db: Database) -> None:
    p = people(db)
    homeless = make_leads(db, 2)  # no team
    theirs = make_leads(db, 2, team=p.other_team)
    with db.read() as session:
        plan = plan_distribution(session, p.team, NOW)
    assert not plan.placements  # two teams: a lead of no team is nobody's to distribute
    with db.write() as session:
        session.execute(update(User).where(User.team_id == p.other_team).values(team_id=None))
        session.execute(update(Lead).where(Lead.id.in_(theirs)).values(team_id=None))
        session.execute(delete(Team).where(Team.id == p.other_team))
    with db.read() as session:
        plan = plan_distribution(session, p.team, NOW)
    assert {pl.lead_id for pl in plan.placements} == set(homeless + theirs)


def test_rebalance_moves_untouched_leads_to_other_reps(db: Database) -> None:
    p = people(db)
    old = NOW - timedelta(days=30)
    stale = make_leads(db, 6, owner=p.a, team=p.team, stage="working", mql_at=old)
    called = make_leads(
        db, 1, owner=p.a, team=p.team, stage="working", mql_at=old, last_call_at=NOW
    )
    engaged = make_leads(
        db, 1, owner=p.a, team=p.team, mql_at=old, last_touch_at=NOW - timedelta(days=2)
    )
    promised = make_leads(
        db, 1, owner=p.a, team=p.team, mql_at=old, next_callback_at=NOW + timedelta(days=1)
    )
    on_phone = make_leads(db, 1, owner=p.a, team=p.team, mql_at=old)
    claim(db, on_phone[0], p.a)
    fresh = make_leads(db, 1, owner=p.a, team=p.team)
    with db.write() as session:
        dry = rebalance(session, p.lead, p.team, NOW, untouched_days=14, dry_run=True)
    assert {pl.lead_id for pl in dry.plan.placements} == set(stale)
    assert all(pl.from_user_id == p.a and pl.to_user_id != p.a for pl in dry.plan.placements)
    with db.write() as session:
        done = rebalance(session, p.lead, p.team, NOW, 14, expected=dry.plan.assignments)
    assert Counter(owners(db, stale).values()) == {p.b: 3, p.c: 3}
    kept = called + engaged + promised + on_phone + fresh
    assert set(owners(db, kept).values()) == {p.a}
    assert done.changes.lead_ids == frozenset(stale)
    with db.read() as session:
        assert set(session.scalars(select(AssignmentChange.reason))) == {"rebalance"}
    # Just given to B and C: not untouched any more.
    with db.read() as session:
        again = rebalance(session, p.lead, p.team, NOW, 14, dry_run=True).plan
    assert not again.placements and not again.unplaced


def test_rebalance_never_gives_a_lead_back_to_its_own_rep(db: Database) -> None:
    p = people(db)
    _deactivate(db, p.b, p.c)
    old = NOW - timedelta(days=30)
    ids = make_leads(db, 2, owner=p.a, team=p.team, mql_at=old)
    with db.read() as session:
        plan = rebalance(session, p.lead, p.team, NOW, 14, dry_run=True).plan
    assert not plan.placements
    assert [(u.lead_id, u.reason) for u in plan.unplaced] == [(i, Unplaced.ONLY_OWNER) for i in ids]


@pytest.mark.parametrize("days", [0, -3, 366])
def test_rebalance_days_are_checked(db: Database, days: int) -> None:
    p = people(db)
    with pytest.raises(InvalidInput) as refused, db.read() as session:
        rebalance(session, p.lead, p.team, NOW, days, dry_run=True)
    assert refused.value.key == "assignment.untouched_days"
    assert refused.value.params["field"] == "untouched_days"


@pytest.mark.postgres
def test_two_distributions_at_once_never_overfill_or_assign_twice(pg_url: str) -> None:
    """Two team leads press Distribute together: the second waits for the first (the team
    row's lock), then sees its leads taken and the reps' room used."""
    db = open_database(pg_url)
    try:
        p = people(db, capacity=5)
        ids = make_leads(db, 40, team=p.team)
        barrier = threading.Barrier(2)
        results: list[int] = []
        errors: list[BaseException] = []

        def run(actor: int) -> None:
            try:
                barrier.wait()
                with db.write() as session:
                    done = distribute(session, actor, p.team, NOW)
                results.append(len(done.plan.placements))
            except BaseException as exc:  # reported by the assertion below
                errors.append(exc)

        threads = [threading.Thread(target=run, args=(a,)) for a in (p.lead, p.admin)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert not errors, errors
        assert sorted(results) == [0, 15]  # three reps, five each; the second finds no room
        placed = Counter(v for v in owners(db, ids).values() if v is not None)
        assert placed == {p.a: 5, p.b: 5, p.c: 5}
        with db.read() as session:
            assert session.scalar(select(func.count(AssignmentChange.id))) == 15
    finally:
        db.close()
