"""Contention on PostgreSQL: reps logging calls while full rescores and the tick run.

Five callers (the demo's five reps, each with its own :class:`Database` and sessions)
log calls on random active leads of their own with ``log_call``; two loops run
``rescore_all`` back to back; a ticker runs the app's minute tick
(``follow_ups.minute_tick``: boost expiry, the decay schedule, the SLA sweep, re-entry
from nurture) four times a second. All at once, on one
PostgreSQL database holding the demo data, for :data:`SMOKE_SECONDS` at the default size
(CI) and :data:`FULL_SECONDS` at full size (``BATON_BENCH_LEADS=100000``), or for as
long as ``BATON_CONTENTION_SECONDS`` says.

The clock runs :data:`SPEED` times faster than the wall (a real second is a simulated
minute), so boosts expire, callbacks fall due, rests end and speed-to-lead deadlines pass
while the run lasts: every writer has work that touches the callers' leads.

Counted and checked afterwards (asserted at every size: they are correctness, not speed):

* **deadlocks**: SQLSTATE 40P01 in any worker; and every other failure, by kind;
* **lost calls**: a call ``log_call`` returned (its transaction committed) that is not in
  the ``call`` table;
* **stale priorities**: a lead is *stale* when its stored derived columns (fit,
  engagement, score, grade, priority, why-now, priority_until, last_touch_at) differ from
  a fresh recomputation from its *stored* facts (stage, call figures, callback, touches,
  company, title) at its *stored* ``scored_at``. A rescore that read a lead before a call
  and wrote after it leaves exactly that: priority and why-now of the facts before the
  call (``new``, 94) beside the facts after it (``working``, one attempt).
"""

from __future__ import annotations

import os
import random
import statistics
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from models import demo
from models.core.entities import Call, Lead
from models.core.errors import BatonError
from models.db.database import Database, open_database
from models.leads.calls import CallDraft, log_call
from models.leads.follow_ups import minute_tick
from models.scoring.rescore import rescore_all
from models.teams.users import user_by_email
from tests.benchmarks.conftest import GENERATED_AT, SEED, BenchReport
from tests.concurrency import stale_leads
from tests.conftest import _drop_database, _pg_admin

pytestmark = [pytest.mark.benchmark, pytest.mark.postgres]

REPS = (
    "misaki.sato",
    "shota.suzuki",
    "yumi.takahashi",
    "emily.carter",
    "ken.ito",
)
RESCORE_LOOPS = 2
TICK_EVERY_S = 0.25
#: Simulated seconds per real second.
SPEED = 60.0
SMOKE_SECONDS = 8.0
FULL_SECONDS = 60.0
SECONDS_ENV = "BATON_CONTENTION_SECONDS"
DEADLOCK = "40P01"
#: Outcomes that keep a lead in the call queue (the callers never take one out).
OUTCOMES = ("no_answer", "busy", "voicemail", "gatekeeper", "connected", "callback_requested")


def run_seconds(report: BenchReport) -> float:
    raw = os.environ.get(SECONDS_ENV, "").strip()
    if raw:
        try:
            return float(raw)
        except ValueError:
            raise pytest.UsageError(f"{SECONDS_ENV}={raw!r} is not a number of seconds") from None
    return FULL_SECONDS if report.full else SMOKE_SECONDS


@pytest.fixture(scope="module")
def contention_url(pg_server: str, bench_report: BenchReport) -> Iterator[str]:
    """A PostgreSQL database holding the demo data at the session's size."""
    name = f"baton_test_{uuid.uuid4().hex[:12]}"
    from psycopg import sql

    _pg_admin(pg_server, sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = make_url(pg_server).set(database=name).render_as_string(hide_password=False)
    try:
        db = open_database(url)
        try:
            demo.generate(db, leads=bench_report.leads, seed=SEED, now=GENERATED_AT)
        finally:
            db.close()
        yield url
    finally:
        _drop_database(pg_server, name)


@dataclass
class Tally:
    """What one worker did: successes, and failures by kind."""

    done: int = 0
    #: Leads rescored (the rescore loops; a run cut short at the end counts its chunks).
    leads: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    samples_ms: list[float] = field(default_factory=list)
    saved: list[int] = field(default_factory=list)
    examples: dict[str, str] = field(default_factory=dict)

    def fail(self, exc: BaseException) -> None:
        kind = failure_kind(exc)
        self.failures[kind] += 1
        self.examples.setdefault(kind, str(exc).splitlines()[0][:200])


def failure_kind(exc: BaseException) -> str:
    state = getattr(getattr(exc, "orig", None), "sqlstate", None)
    if state == DEADLOCK:
        return "deadlock"
    if isinstance(exc, BatonError):
        return f"{type(exc).__name__}:{exc.key}"
    return f"{type(exc).__name__}" + (f"/{state}" if state else "")


class Clock:
    """The run's simulated time: GENERATED_AT, then SPEED times faster than the wall."""

    def __init__(self, start: datetime) -> None:
        self.start = start
        self.t0 = time.perf_counter()

    def __call__(self) -> datetime:
        return self.start + timedelta(seconds=(time.perf_counter() - self.t0) * SPEED)


def _worker(
    name: str,
    url: str,
    stop: threading.Event,
    tally: Tally,
    body: Callable[[Database], None],
) -> threading.Thread:
    def run() -> None:
        db = open_database(url)
        try:
            while not stop.is_set():
                try:
                    body(db)
                except (DBAPIError, BatonError) as exc:
                    tally.fail(exc)
                except Exception as exc:
                    tally.fail(exc)
        finally:
            db.close()

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    return thread


def _caller(user_id: int, leads: list[int], seed: int, clock: Clock, tally: Tally) -> Any:
    rng = random.Random(seed)

    def body(db: Database) -> None:
        now = clock()
        outcome = rng.choice(OUTCOMES)
        callback = outcome == "callback_requested"
        draft = CallDraft(
            lead_id=rng.choice(leads),
            outcome=outcome,
            started_at=now - timedelta(seconds=rng.randint(30, 300)),
            duration_seconds=rng.randint(5, 300),
            notes="負荷試験",
            next_step="callback" if callback else "none",
            callback_at=now + timedelta(hours=rng.randint(1, 48)) if callback else None,
        )
        started = time.perf_counter()
        with db.write() as session:
            logged = log_call(session, user_id, draft, now)
        tally.samples_ms.append((time.perf_counter() - started) * 1e3)
        tally.saved.append(logged.call_id)  # committed: the rep was told it is saved
        tally.done += 1

    return body


def _rescorer(clock: Clock, tally: Tally, stop: threading.Event) -> Any:
    def body(db: Database) -> None:
        started = time.perf_counter()
        report = rescore_all(db, clock(), cancelled=stop.is_set)
        tally.leads += report.leads
        if not report.cancelled:  # the run the end of the test cut short is not timed
            tally.samples_ms.append((time.perf_counter() - started) * 1e3)
            tally.done += 1

    return body


def _ticker(clock: Clock, tally: Tally, stop: threading.Event) -> Any:
    def body(db: Database) -> None:
        started = time.perf_counter()
        with db.write() as session:
            minute_tick(session, clock())
        tally.samples_ms.append((time.perf_counter() - started) * 1e3)
        tally.done += 1
        stop.wait(TICK_EVERY_S)

    return body


def test_callers_rescores_and_ticks_at_once(contention_url: str, bench_report: BenchReport) -> None:
    seconds = run_seconds(bench_report)
    url = contention_url
    db = open_database(url)
    try:
        with db.read() as session:
            reps = [user_by_email(session, f"{local}@baton.example").id for local in REPS]
            team_lead = user_by_email(session, "naoki.tanaka@baton.example").id
            active = session.execute(
                select(Lead.id, Lead.owner_id).where(
                    Lead.stage.in_(["new", "working"]), Lead.do_not_call.is_(False)
                )
            ).all()
            calls_before = int(session.scalar(select(func.count(Call.id))) or 0)
    finally:
        db.close()
    mine = {rep: [i for i, owner in active if owner == rep] for rep in reps}
    assert all(mine.values()), "every rep has active leads in the demo data"

    stop = threading.Event()
    clock = Clock(GENERATED_AT + timedelta(minutes=5))
    callers = [Tally() for _ in reps]
    rescorers = [Tally() for _ in range(RESCORE_LOOPS)]
    ticker = Tally()
    threads = [
        _worker(f"caller-{n}", url, stop, tally, _caller(rep, mine[rep], n, clock, tally))
        for n, (rep, tally) in enumerate(zip(reps, callers, strict=True))
    ]
    threads += [
        _worker(f"rescore-{n}", url, stop, tally, _rescorer(clock, tally, stop))
        for n, tally in enumerate(rescorers)
    ]
    threads.append(_worker("tick", url, stop, ticker, _ticker(clock, ticker, stop)))
    started = time.perf_counter()
    stop.wait(seconds)
    stop.set()
    for thread in threads:
        thread.join(timeout=120)
    elapsed = time.perf_counter() - started
    assert not [t.name for t in threads if t.is_alive()], "a worker did not stop"

    # The team lead's one quiet call afterwards: the database still takes writes.
    db = open_database(url)
    try:
        now = clock()
        with db.write() as session:
            log_call(session, team_lead, CallDraft(mine[reps[0]][0], "no_answer", now), now)
        saved = [call_id for t in callers for call_id in t.saved]
        with db.read() as session:
            stored = set(
                session.scalars(select(Call.id).where(Call.id.in_(saved))) if saved else ()
            )
            calls_after = int(session.scalar(select(func.count(Call.id))) or 0)
        lost = sorted(set(saved) - stored)
        stale = stale_leads(db)
    finally:
        db.close()

    tallies = {"callers": callers, "rescore_all": rescorers, "tick": [ticker]}
    failures: Counter[str] = Counter()
    by_worker: dict[str, dict[str, int]] = {}
    examples: dict[str, str] = {}
    for name, group in tallies.items():
        counted: Counter[str] = Counter()
        for t in group:
            counted.update(t.failures)
            examples.update(t.examples)
        failures.update(counted)
        by_worker[name] = dict(counted)
    deadlocks = failures.pop("deadlock", 0)
    calls = sum(t.done for t in callers)
    call_ms = [ms for t in callers for ms in t.samples_ms]
    details = {
        "seconds": round(elapsed, 1),
        "leads": bench_report.leads,
        "calls": calls,
        "calls_per_s": round(calls / elapsed, 1),
        "call_p95_ms": round(sorted(call_ms)[int(0.95 * (len(call_ms) - 1))], 1)
        if call_ms
        else None,
        "call_median_ms": round(statistics.median(call_ms), 1) if call_ms else None,
        "rescore_all_runs": sum(t.done for t in rescorers),
        "rescored_leads": sum(t.leads for t in rescorers),
        "rescore_all_median_ms": round(
            statistics.median([ms for t in rescorers for ms in t.samples_ms]), 1
        )
        if any(t.samples_ms for t in rescorers)
        else None,
        "ticks": ticker.done,
        "tick_median_ms": round(statistics.median(ticker.samples_ms), 1)
        if ticker.samples_ms
        else None,
        "failures_by_worker": by_worker,
        "failure_examples": examples,
        "lost_calls": lost[:20],
        "stale_leads": [
            (i, {k: [str(a), str(b)] for k, (a, b) in d.items()})
            for i, d in sorted(stale.items())[:5]
        ],
    }
    note = (
        f"{elapsed:.0f} s, {calls} calls ({calls / elapsed:.1f}/s), "
        f"{details['rescore_all_runs']} full rescores, {ticker.done} ticks; "
        f"stale {len(stale)}, lost {len(lost)}, other failures {sum(failures.values())}"
    )
    figure = bench_report.figure(
        "contention_deadlocks",
        "PostgreSQL: 5 callers + 2 rescore loops + ticks, deadlocks",
        "deadlocks",
        float(deadlocks),
        details=details,
        note=note,
    )
    figure.limit("deadlocks", deadlocks, 0, "")
    figure.limit("stale priorities", len(stale), 0, "leads")
    figure.limit("lost calls", len(lost), 0, "calls")
    figure.limit("other failures", sum(failures.values()), 0, "")
    bench_report.add(figure)
    print(f"\n[contention] {details}")

    # Correctness is asserted at every size (only timings wait for the full size).
    assert calls > 0
    assert all(t.leads for t in rescorers), "every rescore loop rescored leads"
    assert ticker.done > 0
    assert calls_after == calls_before + calls + 1
    assert deadlocks == 0, by_worker
    assert not lost, lost[:20]
    assert not stale, sorted(stale.items())[:5]
    assert not failures, (by_worker, examples)
