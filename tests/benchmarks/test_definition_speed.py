"""The handoff definition at scale: evaluated over every lead, and the what-if of a draft.

The issue's limits: evaluating the definition over 100,000 leads ≤ 1 s, the what-if ≤ 1 s,
on SQLite and on PostgreSQL. Each figure is measured beside a baseline in the same run,
one call of each per round, alternating (the machine is shared):

- **definition over every lead**: one statement counting, for every lead, the criteria of
  the version in effect it misses (0: meets the definition, 1: one criterion away — the
  queue's two filters), grouped; baseline: the same join of every lead with its company,
  grouped by a stored column, no criteria.
- **what-if**: :func:`models.definitions.whatif.what_if_criteria` of a draft against the
  version in effect (both statements over the working leads, and every past handoff
  replayed); baseline: reading what it reads without evaluating anything (the working
  leads' ids and priorities, the handoffs' ids, times and answers). Measured warm (the
  editor's case: the handoffs' snapshots already read) and cold (the first what-if of the
  process: every snapshot read and decoded).

PostgreSQL gets the demo data at the session's size in a database of its own, analysed
after the load (the test server runs without autovacuum; a production server's would).
"""

from __future__ import annotations

import statistics
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from psycopg import sql
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from models import demo
from models.core.entities import ACCOUNT, LEAD, Handoff
from models.core.enums import ACTIVE_STAGES
from models.db.database import Database, open_database
from models.definitions import replay, versions, whatif
from models.definitions.criteria import Criterion, parse
from models.definitions.sql import missing
from tests.benchmarks.conftest import GENERATED_AT, SEED, BenchData, BenchReport
from tests.conftest import _drop_database, _pg_admin

pytestmark = pytest.mark.benchmark

LIMIT_S = 1.0
ROUNDS = 7
#: A draft a team might try: a lower score, reached or a recent inquiry, a need heard.
DRAFT = {
    "kind": "all",
    "items": [
        {"kind": "score_at_least", "score": 40},
        {
            "kind": "any",
            "items": [
                {"kind": "reached"},
                {
                    "kind": "touches",
                    "kinds": ["inquiry", "demo_request"],
                    "within_days": 30,
                    "match": "any",
                },
            ],
        },
        {"kind": "bant", "field": "need", "values": ["explicit", "latent"]},
        {"kind": "fit", "attribute": "size_band", "values": ["300-999", "1000-4999", "5000+"]},
    ],
}
_JOINED = LEAD.join(ACCOUNT, ACCOUNT.c.id == LEAD.c.account_id)


@pytest.fixture(scope="module")
def pg_bench(pg_server: str, bench_report: BenchReport) -> Iterator[Database]:
    name = f"baton_test_{uuid.uuid4().hex[:12]}"
    _pg_admin(pg_server, sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = make_url(pg_server).set(database=name).render_as_string(hide_password=False)
    db = open_database(url)
    try:
        demo.generate(db, leads=bench_report.leads, seed=SEED, now=GENERATED_AT)
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))
        yield db
    finally:
        db.close()
        _drop_database(pg_server, name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def bench_db(request: pytest.FixtureRequest, bench_data: BenchData) -> Database:
    if request.param == "sqlite":
        return bench_data.db
    database: Database = request.getfixturevalue("pg_bench")
    return database


def interleaved(candidates: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """Seconds per call of each candidate, one call of each per round, alternating order."""
    names = list(candidates)
    for name in names:  # warm SQLAlchemy's statement cache and the database's pages
        candidates[name]()
    samples: dict[str, list[float]] = {name: [] for name in names}
    for n in range(rounds):
        for name in names if n % 2 == 0 else names[::-1]:
            started = time.perf_counter()
            candidates[name]()
            samples[name].append(time.perf_counter() - started)
    return samples


def _histogram(db: Database, criterion: Criterion, now: datetime) -> dict[int, int]:
    """How many leads miss 0, 1, 2... criteria (one statement over every lead)."""
    with db.read() as session:
        whatif.without_jit(session)
        per_lead = (
            select(missing(criterion, now, db.dialect).label("missing"))
            .select_from(_JOINED)
            .subquery()
        )
        rows = session.execute(
            select(per_lead.c.missing, func.count()).group_by(per_lead.c.missing)
        ).all()
    return {int(m): int(n) for m, n in rows}


def _plain_scan(db: Database) -> dict[str, int]:
    with db.read() as session:
        rows = session.execute(
            select(LEAD.c.grade, func.count()).select_from(_JOINED).group_by(LEAD.c.grade)
        ).all()
    return {str(g): int(n) for g, n in rows}


def test_the_definition_over_every_lead(
    bench_db: Database, bench_data: BenchData, bench_report: BenchReport
) -> None:
    now = GENERATED_AT
    with bench_db.read() as session:
        criterion = versions.active(session).criteria
    samples = interleaved(
        {
            "definition": lambda: _histogram(bench_db, criterion, now),
            "scan": lambda: _plain_scan(bench_db),
        },
        ROUNDS,
    )
    histogram = _histogram(bench_db, criterion, now)
    assert sum(histogram.values()) == bench_data.leads
    measured = statistics.median(samples["definition"])
    figure = bench_report.figure(
        f"definition_all_{bench_db.dialect}",
        f"definition over every lead ({bench_db.dialect})",
        "s",
        measured,
        baseline=statistics.median(samples["scan"]),
        baseline_label="the same join of every lead with its company, grouped, no criteria",
        details={"samples_s": samples, "missing_histogram": histogram},
        note=f"{histogram.get(0, 0)} qualified, {histogram.get(1, 0)} one away",
    )
    figure.limit("median", measured, LIMIT_S, "s")
    bench_report.add(figure)
    bench_report.enforce(figure)


def _what_it_reads(db: Database) -> int:
    """The what-if's reads without any criteria: the working leads, the handoffs."""
    with db.read() as session:
        leads = session.execute(
            select(LEAD.c.id, LEAD.c.priority).where(
                LEAD.c.stage.in_([s.value for s in ACTIVE_STAGES])
            )
        ).all()
        handoffs = session.execute(select(Handoff.id, Handoff.created_at, Handoff.status)).all()
    return len(leads) + len(handoffs)


def test_the_what_if_of_a_draft(bench_db: Database, bench_report: BenchReport) -> None:
    draft = parse(DRAFT)
    now = GENERATED_AT

    def run() -> whatif.WhatIf:
        with bench_db.read() as session:
            return whatif.what_if_criteria(session, draft, now=now)

    replay.forget()  # the first what-if of the process reads every snapshot
    started = time.perf_counter()
    first = run()
    cold = time.perf_counter() - started
    samples = interleaved({"whatif": run, "reads": lambda: _what_it_reads(bench_db)}, ROUNDS)
    found = run()
    assert found == first
    assert found.qualify_draft - len(found.newly_qualify) == (
        found.qualify_effective - len(found.drop_out)
    )
    with bench_db.read() as session:
        kept = session.scalar(select(func.count(Handoff.id)).where(Handoff.facts.is_not(None)))
    assert found.past.total == kept
    warm = statistics.median(samples["whatif"])
    figure = bench_report.figure(
        f"whatif_{bench_db.dialect}",
        f"what-if of a draft ({bench_db.dialect})",
        "s",
        warm,
        baseline=statistics.median(samples["reads"]),
        baseline_label="reading the working leads and the handoffs, no criteria",
        details={
            "samples_s": samples,
            "cold_s": cold,
            "working_leads": found.working_leads,
            "qualify_draft": found.qualify_draft,
            "qualify_effective": found.qualify_effective,
            "past_handoffs": found.past.total,
        },
        note=(
            f"cold {cold:.2f} s; {found.qualify_draft} vs {found.qualify_effective} qualify, "
            f"{found.past.total} handoffs replayed"
        ),
    )
    figure.limit("median (warm)", warm, LIMIT_S, "s")
    figure.limit("first (cold)", cold, LIMIT_S, "s")
    bench_report.add(figure)
    bench_report.enforce(figure)
