"""The team's workload and a distribution plan at scale, on SQLite and PostgreSQL.

Each figure is measured beside a baseline in the same run, one call of each per round,
alternating (the machine is shared):

- **workload**: :func:`models.leads.workload.workload` of the demo team (every member's
  open leads, callbacks, speed-to-lead breaches, calls today and this week, away periods,
  the unassigned pool); baseline: the least any such view must do, one statement counting
  the open leads per owner.
- **distribution plan**: :func:`models.leads.distribution.plan_distribution` of the
  team's unassigned new leads, every one placed; baseline: the workload it starts from.
"""

from __future__ import annotations

import statistics

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from models.core.entities import LEAD, Team, User
from models.core.enums import ACTIVE_STAGES
from models.db.database import Database
from models.leads.distribution import plan_distribution
from models.leads.workload import workload
from tests.benchmarks.conftest import GENERATED_AT, BenchReport
from tests.benchmarks.test_definition_speed import bench_db, interleaved, pg_bench

pytestmark = pytest.mark.benchmark

__all__ = ["bench_db", "pg_bench"]  # fixtures shared with the definition's benchmark

ROUNDS = 15
WORKLOAD_LIMIT_MS = 400.0
RATIO_LIMIT = 3.0
PLAN_LIMIT_MS = 500.0
#: A capacity with room for every lead of the data set.
ROOMY = 1_000_000


def _team(db: Database) -> int:
    with db.read() as session:
        return int(session.scalars(select(Team.id).order_by(Team.id)).first() or 0)


def _open_per_owner(db: Database) -> dict[int | None, int]:
    with db.read() as session:
        rows = session.execute(
            select(LEAD.c.owner_id, func.count())
            .where(
                LEAD.c.stage.in_([s.value for s in ACTIVE_STAGES]),
                LEAD.c.do_not_call.is_(False),
            )
            .group_by(LEAD.c.owner_id)
        ).all()
    return {owner: int(n) for owner, n in rows}


def test_the_workload_of_a_team(bench_db: Database, bench_report: BenchReport) -> None:
    team = _team(bench_db)

    def run() -> object:
        with bench_db.read() as session:
            return workload(session, team, GENERATED_AT)

    samples = interleaved({"workload": run, "count": lambda: _open_per_owner(bench_db)}, ROUNDS)
    with bench_db.read() as session:
        load = workload(session, team, GENERATED_AT)
    counted = _open_per_owner(bench_db)
    assert {m.user_id: m.open_leads for m in load.members if m.open_leads} == {
        owner: n for owner, n in counted.items() if owner is not None
    }
    measured = statistics.median(samples["workload"]) * 1000
    baseline = statistics.median(samples["count"]) * 1000
    figure = bench_report.figure(
        f"workload_{bench_db.dialect}",
        f"team workload ({bench_db.dialect})",
        "ms",
        measured,
        baseline=baseline,
        baseline_label="one statement counting the open leads per owner",
        details={"samples_s": samples, "members": len(load.members)},
        note=f"{sum(counted.values())} open leads, {load.unassigned_new} unassigned new",
    )
    figure.limit("median", measured, WORKLOAD_LIMIT_MS, "ms")
    figure.limit("workload/count", measured / baseline, RATIO_LIMIT, "×")
    bench_report.add(figure)
    bench_report.enforce(figure)


def test_a_distribution_plan(bench_db: Database, bench_report: BenchReport) -> None:
    """With room for every lead (the demo's reps are over capacity): capacities raised in
    a transaction that is rolled back."""
    team = _team(bench_db)
    session = Session(bench_db.engine)
    try:
        session.execute(update(User).where(User.role == "rep").values(capacity=ROOMY))
        samples = interleaved(
            {
                "plan": lambda: plan_distribution(session, team, GENERATED_AT),
                "workload": lambda: workload(session, team, GENERATED_AT),
            },
            ROUNDS,
        )
        made = plan_distribution(session, team, GENERATED_AT)
    finally:
        session.rollback()
        session.close()
    assert not made.unplaced
    shares = [r.receives for r in made.receivers]
    assert max(shares) - min(shares) <= 1 + len(made.placements) // 10  # by free capacity
    measured = statistics.median(samples["plan"]) * 1000
    figure = bench_report.figure(
        f"distribution_plan_{bench_db.dialect}",
        f"distribution plan ({bench_db.dialect})",
        "ms",
        measured,
        baseline=statistics.median(samples["workload"]) * 1000,
        baseline_label="the team's workload the plan starts from",
        details={"samples_s": samples, "shares": shares},
        note=f"{len(made.placements)} leads placed",
    )
    figure.limit("median", measured, PLAN_LIMIT_MS, "ms")
    bench_report.add(figure)
    bench_report.enforce(figure)
