"""The KPI dashboard at scale: 100,000 leads and 1,000,000 calls (at full size), every
figure the dashboard shows at once for a 90-day period, on SQLite and on PostgreSQL.

The demo data set at the session's size (``BATON_BENCH_LEADS``; its calls fall in the
last six months), with calls added until there are ten per lead (the demo makes about
two): a history of two years, as a database holding a million calls has (a team of
reps making 500,000 calls in 90 days would be a hundred reps), spread over business
hours, by the demo's reps, on the leads that were called, about a third reaching the
person, written in the order they were made (calls are logged as they happen). The
90-day period then holds about a quarter of the calls (the figure's note says how
many). SQLite gets a copy of the session's demo file (the backup API); PostgreSQL a
database of its own, analysed after the load (a production server's autovacuum would).

Measured side by side, one call of each per round, alternating (the machine is shared):

- **dashboard**: :func:`models.reporting.dashboard` (funnel, conversion and time to
  promotion, activity per rep and day, speed to lead, reasons, industry response);
  baseline: the least a view of calls must do, one ``SELECT user_id, count(*) … GROUP
  BY user_id`` over the period's calls. Limit: 700 ms (the issue's 1 s to paint, less
  30 % for the Qt paint the dashboard's author measures).
- **each part** alone (the details of the figure), to see where the time goes: the
  period's leads (funnel, time to promotion and speed to lead in one statement),
  activity, reasons, industry response.
- **campaign report** (reported, no limit): not on the dashboard, exported for the
  monthly review.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, text

from models.core.entities import Call, Lead, Touch, User
from models.db.database import Database, open_database
from models.leads.call_figures import REACHED, UNANSWERED
from models.reporting import KpiFilter, Period, campaign_report, dashboard
from models.reporting.activity import activity
from models.reporting.cohort import cohort_counts
from models.reporting.filters import window
from models.reporting.industry import industry_response
from models.reporting.reasons import reason_trend
from tests.benchmarks.conftest import GENERATED_AT, SEED, BenchData, BenchReport
from tests.benchmarks.test_definition_speed import interleaved, pg_bench

pytestmark = [pytest.mark.benchmark, pytest.mark.timeout(3600)]

__all__ = ["pg_bench"]  # the fixture shared with the definition's benchmark

CALLS_PER_LEAD = 10
ROUNDS = 7
LIMIT_MS = 700.0
TOKYO = ZoneInfo("Asia/Tokyo")
LAST_DAY = GENERATED_AT.astimezone(TOKYO).date()
PERIOD = Period(LAST_DAY - timedelta(days=89), LAST_DAY)
#: The span of the call history the added calls are spread over.
HISTORY_DAYS = 730
#: How often each outcome comes up (about a third of the calls reach the person).
_MIX = {
    "connected": 20,
    "callback_requested": 4,
    "meeting_booked": 3,
    "not_interested": 6,
    "no_answer": 35,
    "voicemail": 15,
    "busy": 10,
    "gatekeeper": 7,
}
assert set(_MIX) == {o.value for o in REACHED | UNANSWERED}
_OUTCOMES, _WEIGHTS = list(_MIX), list(_MIX.values())


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _extra_calls(db: Database, total: int) -> list[tuple[Any, ...]]:
    """Calls to add until the database holds ``total``: (lead, rep, start, seconds, outcome)."""
    with db.read() as session:
        have = int(session.scalar(select(func.count(Call.id))) or 0)
        reps = list(session.scalars(select(User.id).where(User.role == "rep").order_by(User.id)))
        leads = session.execute(
            select(Lead.id, Lead.owner_id, Lead.first_call_at)
            .where(Lead.first_call_at.is_not(None))
            .order_by(Lead.id)
        ).all()
    rng = random.Random(SEED)
    rows = []
    for n in range(max(0, total - have)):
        lead_id, owner, _first = leads[n % len(leads)]
        at = GENERATED_AT - timedelta(days=HISTORY_DAYS * rng.random())
        local = at.astimezone(TOKYO).replace(hour=9 + rng.randrange(9), minute=rng.randrange(60))
        at = min(local.astimezone(UTC), GENERATED_AT - timedelta(minutes=1))
        outcome = rng.choices(_OUTCOMES, _WEIGHTS)[0]
        seconds = rng.randrange(60, 900) if outcome in {o.value for o in REACHED} else 20
        rows.append((lead_id, owner or rng.choice(reps), at, seconds, outcome))
    rows.sort(key=lambda row: row[2])  # logged as they are made
    return rows


def _load_sqlite(path: Path, rows: list[tuple[Any, ...]]) -> None:
    connection = sqlite3.connect(path)
    with connection:
        connection.executemany(
            "INSERT INTO call (lead_id, user_id, started_at, duration_seconds, outcome, "
            "superseded, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)",
            [(lead, user, _stamp(at), s, o, _stamp(at)) for lead, user, at, s, o in rows],
        )
    connection.close()


def _load_postgresql(db: Database, rows: list[tuple[Any, ...]]) -> None:
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        columns = "lead_id, user_id, started_at, duration_seconds, outcome, superseded, created_at"
        with cursor.copy(f"COPY call ({columns}) FROM STDIN") as copy:  # type: ignore[attr-defined]
            for lead, user, at, s, o in rows:
                naive = at.astimezone(UTC).replace(tzinfo=None)
                copy.write_row((lead, user, naive, s, o, False, naive))
        raw.commit()
    finally:
        raw.close()
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE"))


@pytest.fixture(scope="module")
def sqlite_world(bench_data: BenchData, bench_dir: Path) -> Iterator[Database]:
    path = bench_dir / "kpi.sqlite3"
    source, target = sqlite3.connect(bench_data.path), sqlite3.connect(path)
    source.backup(target)
    source.close()
    target.close()
    db = open_database(f"sqlite:///{path}")
    _load_sqlite(path, _extra_calls(db, CALLS_PER_LEAD * bench_data.leads))
    yield db
    db.close()
    path.unlink(missing_ok=True)


@pytest.fixture(scope="module")
def pg_world(pg_bench: Database, bench_report: BenchReport) -> Database:
    """This module's own copy of the demo data on PostgreSQL (analysed), with the calls."""
    _load_postgresql(pg_bench, _extra_calls(pg_bench, CALLS_PER_LEAD * bench_report.leads))
    return pg_bench


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def world(request: pytest.FixtureRequest) -> Database:
    name = "sqlite_world" if request.param == "sqlite" else "pg_world"
    database: Database = request.getfixturevalue(name)
    return database


def _calls_per_rep(db: Database) -> dict[int, int]:
    with db.read() as session:
        span = window(session, KpiFilter(PERIOD))
        rows = session.execute(
            select(Call.user_id, func.count())
            .where(
                Call.started_at >= span.start,
                Call.started_at < span.end,
                Call.superseded.is_(False),
            )
            .group_by(Call.user_id)
        )
        return {int(u): int(n) for u, n in rows}


def _parts(db: Database) -> dict[str, Callable[[], object]]:
    kpi = KpiFilter(PERIOD)

    def part(compute: Callable[..., object]) -> Callable[[], object]:
        def run() -> object:
            with db.read() as session:
                return compute(session, kpi, window(session, kpi))

        return run

    return {
        "funnel, conversion, speed": part(cohort_counts),
        "activity": part(activity),
        "reasons": part(reason_trend),
        "industry": part(industry_response),
    }


def test_the_dashboard_at_scale(world: Database, bench_report: BenchReport) -> None:
    kpi = KpiFilter(PERIOD)

    def board() -> object:
        with world.read() as session:
            return dashboard(session, None, kpi)

    samples = interleaved({"dashboard": board, "count": lambda: _calls_per_rep(world)}, ROUNDS)
    with world.read() as session:
        shown = dashboard(session, None, kpi)
        calls_total = int(session.scalar(select(func.count(Call.id))) or 0)
    counted = _calls_per_rep(world)
    assert shown.activity.total.calls == sum(counted.values())
    assert {r.user_id: r.figures.calls for r in shown.activity.reps if r.figures.calls} == counted
    assert shown.funnel.steps[0].leads > 0 and len(shown.activity.days) == PERIOD.days
    parts = interleaved(_parts(world), 3)
    part_ms = {name: round(statistics.median(s) * 1000, 1) for name, s in parts.items()}
    measured = statistics.median(samples["dashboard"]) * 1000
    baseline = statistics.median(samples["count"]) * 1000
    figure = bench_report.figure(
        f"kpi_dashboard_{world.dialect}",
        f"KPI dashboard, 90 days ({world.dialect})",
        "ms",
        measured,
        baseline=baseline,
        baseline_label="SELECT user_id, count(*) over the period's calls GROUP BY user_id",
        details={"samples_s": samples, "parts_ms": part_ms, "calls": calls_total},
        note=f"{calls_total} calls, {sum(counted.values())} in the period; parts ms {part_ms}",
    )
    figure.limit("median", measured, LIMIT_MS, "ms")
    bench_report.add(figure)
    bench_report.enforce(figure)


def _busiest_campaign(db: Database) -> tuple[str, int]:
    """The campaign of the most leads (but not the pseudo-campaign of organic visits)."""
    with db.read() as session:
        leads = func.count(Touch.lead_id.distinct())
        row = session.execute(
            select(Touch.campaign, leads)
            .where(Touch.campaign.is_not(None), Touch.campaign != "organic")
            .group_by(Touch.campaign)
            .order_by(leads.desc(), Touch.campaign)
            .limit(1)
        ).one()
    return str(row[0]), int(row[1])


def test_the_dashboard_for_one_campaign(world: Database, bench_report: BenchReport) -> None:
    """Marketing's usual question: one campaign's figures. Its leads are a scan of the
    touches, read once per dashboard; baseline: the same dashboard without the filter."""
    campaign, leads = _busiest_campaign(world)
    chosen, everything = KpiFilter(PERIOD, campaign=campaign), KpiFilter(PERIOD)

    def board(kpi: KpiFilter) -> Callable[[], object]:
        def run() -> object:
            with world.read() as session:
                return dashboard(session, None, kpi)

        return run

    samples = interleaved({"campaign": board(chosen), "all": board(everything)}, ROUNDS)
    with world.read() as session:
        shown, whole = dashboard(session, None, chosen), dashboard(session, None, everything)
    assert 0 < shown.funnel.steps[0].leads < whole.funnel.steps[0].leads
    assert 0 < shown.activity.total.calls < whole.activity.total.calls
    measured = statistics.median(samples["campaign"]) * 1000
    figure = bench_report.figure(
        f"kpi_dashboard_campaign_{world.dialect}",
        f"KPI dashboard, one campaign, 90 days ({world.dialect})",
        "ms",
        measured,
        baseline=statistics.median(samples["all"]) * 1000,
        baseline_label="the same dashboard without the campaign filter",
        details={"samples_s": samples, "campaign": campaign, "leads": leads},
        note=f"{campaign}: {leads} leads",
    )
    figure.limit("median", measured, 1000.0, "ms")
    bench_report.add(figure)


def test_the_campaign_report_at_scale(world: Database, bench_report: BenchReport) -> None:
    kpi = KpiFilter(PERIOD)

    def report() -> object:
        with world.read() as session:
            return campaign_report(session, None, kpi)

    samples = interleaved({"report": report, "count": lambda: _calls_per_rep(world)}, 3)
    with world.read() as session:
        made = campaign_report(session, None, kpi)
    assert made.campaigns and made.assets
    measured = statistics.median(samples["report"]) * 1000
    bench_report.add(
        bench_report.figure(
            f"campaign_report_{world.dialect}",
            f"campaign report, 90 days ({world.dialect})",
            "ms",
            measured,
            baseline=statistics.median(samples["count"]) * 1000,
            baseline_label="SELECT user_id, count(*) over the period's calls GROUP BY user_id",
            details={"samples_s": samples},
            note=f"{len(made.campaigns)} campaigns, {len(made.assets)} assets",
        )
    )
