"""Figures 3 and 4: the full rescore, and 1,000 new touches rescoring only their leads.

The full rescore runs twice in the session (before and after the incremental batches),
so the incremental cost is compared with full rescores measured around it. The
incremental batches come in two interleaved variants: touches with source ids (as an
import brings them: ``add_touches`` then looks for duplicates), which is the asserted
figure, and touches without (no duplicate lookup), reported beside it.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import time
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from models.core.entities import Lead, Touch
from models.core.enums import TouchKind
from models.db.database import Database
from models.leads.touches import NewTouch, add_touches
from models.scoring import rescore

BATCH = 1_000
FULL_BATCHES = 5
SMOKE_BATCHES = 1
INCREMENTAL_LIMIT_PCT = 2.0
#: Columns the rescore writes (the baseline writes the same ones).
DERIVED = (
    "fit_score",
    "engagement_score",
    "score",
    "grade",
    "priority",
    "why_now",
    "priority_until",
    "last_touch_at",
    "scored_at",
)

pytestmark = pytest.mark.benchmark


@dataclass
class FullRescore:
    samples: list[float] = field(default_factory=list)
    nows: list[Any] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return statistics.median(self.samples)


def _count(db: Database, *where: Any) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(Lead).where(*where)) or 0)


def _run_full(db: Database, now: Any, leads: int, state: FullRescore) -> None:
    progress: list[tuple[int, int]] = []
    started = time.perf_counter()
    result = rescore.rescore_all(db, now, progress=lambda d, t: progress.append((d, t)))
    seconds = time.perf_counter() - started
    assert result.leads == leads
    assert not result.cancelled
    assert progress
    assert progress[-1] == (leads, leads)
    assert _count(db, Lead.scored_at == now) == leads
    state.samples.append(seconds)
    state.nows.append(now)


@pytest.fixture(scope="module")
def full_rescore() -> FullRescore:
    """The full rescores of this module (the first runs in :func:`test_full_rescore`)."""
    return FullRescore()


def _raw_floor(path: Any, now_text: str) -> float:
    """Read what the rescore reads and write what it writes, without scoring (rolled back)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        present = {row[1] for row in conn.execute("PRAGMA table_info(lead)")}
        columns = [c for c in DERIVED if c in present]
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        # Column names come from DERIVED (a constant), never from input.
        derived = ", ".join(f"lead.{c}" for c in columns)
        leads = conn.execute(
            "SELECT lead.id, lead.stage, lead.call_attempts, lead.mql_at, lead.title, "  # noqa: S608
            f"account.industry, account.size_band, account.region, {derived} "
            "FROM lead JOIN account ON account.id = lead.account_id ORDER BY lead.id"
        ).fetchall()
        touches: dict[int, list[tuple[str, str]]] = {}
        for lead_id, kind, occurred_at in conn.execute(
            "SELECT lead_id, kind, occurred_at FROM touch"
        ):
            touches.setdefault(lead_id, []).append((kind, occurred_at))
        scored_at = columns.index("scored_at")
        rows = []
        for lead in leads:
            values = list(lead[8:])
            values[scored_at] = now_text
            rows.append((*values, lead[0]))
        assignments = ", ".join(f"{c} = ?" for c in columns)
        conn.executemany(f"UPDATE lead SET {assignments} WHERE id = ?", rows)  # noqa: S608
        seconds = time.perf_counter() - started
        conn.execute("ROLLBACK")
        assert len(leads) == len(rows)
        return seconds
    finally:
        conn.close()


def test_full_rescore(bench_data: Any, bench_report: Any, full_rescore: FullRescore) -> None:
    db: Database = bench_data.db
    now = _earliest_scored_at(db) + timedelta(hours=1)
    with db.read() as session:
        engagement_before = session.scalar(select(func.sum(Lead.engagement_score)))
    _run_full(db, now, bench_data.leads, full_rescore)
    with db.read() as session:
        engagement_after = session.scalar(select(func.sum(Lead.engagement_score)))
        unscored = session.scalar(select(func.count()).select_from(Lead).where(Lead.score < 0))
    # An hour later engagement has decayed a little: the rescore recomputed, not copied.
    assert engagement_after < engagement_before
    assert unscored == 0
    floor = _raw_floor(bench_data.path, now.replace(tzinfo=None).isoformat(sep=" "))
    figure = bench_report.figure(
        "full_rescore",
        "full rescore (rescore_all)",
        "s",
        full_rescore.seconds,
        baseline=floor,
        baseline_label="raw sqlite3: read every lead and touch, executemany the same UPDATE "
        "(no scoring, rolled back)",
        details={"samples_s": list(full_rescore.samples), "leads": bench_data.leads},
    )
    bench_report.add(figure)


def _earliest_scored_at(db: Database) -> Any:
    with db.read() as session:
        value = session.scalar(select(func.min(Lead.scored_at)))
    assert value is not None
    return value


def _batch(db: Database, leads: list[int], now: Any, rng: random.Random, tag: str | None) -> float:
    """One write transaction adding a touch to each lead; ``tag`` set: with source ids."""
    new = [
        NewTouch(
            lead_id=lead_id,
            kind=TouchKind.PRICING_PAGE.value if i % 7 == 0 else TouchKind.EMAIL_CLICK.value,
            occurred_at=now - timedelta(minutes=rng.randint(1, 50)),
            content_title="料金ページ / Pricing",
            campaign="bench",
            source_system="bench" if tag else None,
            external_id=f"{tag}-{lead_id}" if tag else None,
        )
        for i, lead_id in enumerate(leads)
    ]
    started = time.perf_counter()
    with db.write() as session:
        changes = add_touches(session, new, now)
    seconds = time.perf_counter() - started
    # Only this batch's leads were rescored, each one now, with its new touch.
    assert changes.lead_ids == frozenset(leads)
    assert changes.queue
    assert _count(db, Lead.scored_at == now) == len(leads)
    recent = now - timedelta(hours=1)
    assert _count(db, Lead.id.in_(leads), Lead.last_touch_at >= recent) == len(leads)
    return seconds


def test_incremental_1000_touches(
    bench_data: Any, bench_report: Any, full_rescore: FullRescore
) -> None:
    db: Database = bench_data.db
    if not full_rescore.samples:  # run on its own (-k): measure a full rescore first
        _run_full(db, _earliest_scored_at(db) + timedelta(hours=1), bench_data.leads, full_rescore)
    base = max(full_rescore.nows) + timedelta(minutes=10)
    batches = FULL_BATCHES if bench_report.full else SMOKE_BATCHES
    with db.read() as session:
        all_ids = list(session.scalars(select(Lead.id).order_by(Lead.id)))
        touches_before = session.scalar(select(func.count(Touch.id)))
    # Two variants (touches with source ids, as an import brings them, and without),
    # interleaved; every batch goes to its own distinct leads.
    per_batch = min(BATCH, len(all_ids) // (2 * batches))
    rng = random.Random(4)
    chosen = iter(rng.sample(all_ids, 2 * per_batch * batches))
    samples: dict[str, list[float]] = {"ids": [], "plain": []}
    step = 0
    for n in range(batches):
        for variant in ("ids", "plain") if n % 2 == 0 else ("plain", "ids"):
            leads = [next(chosen) for _ in range(per_batch)]
            now = base + timedelta(minutes=step)
            step += 1
            tag = f"bench-{n}" if variant == "ids" else None
            samples[variant].append(_batch(db, leads, now, rng, tag))
    with db.read() as session:
        touches_after = session.scalar(select(func.count(Touch.id)))
    assert touches_after == (touches_before or 0) + 2 * per_batch * batches
    assert _count(db, Lead.scored_at >= base) == 2 * per_batch * batches

    # A second full rescore, after the batches: the comparison uses both.
    _run_full(db, base + timedelta(hours=1), bench_data.leads, full_rescore)
    bench_report.add(
        bench_report.figure(
            "full_rescore",
            "full rescore (rescore_all)",
            "s",
            full_rescore.seconds,
            baseline=next(
                (f.baseline for f in bench_report.figures if f.key == "full_rescore"), None
            ),
            baseline_label="raw sqlite3: read every lead and touch, executemany the same "
            "UPDATE (no scoring, rolled back)",
            details={"samples_s": list(full_rescore.samples), "leads": bench_data.leads},
        )
    )
    figures = []
    for variant, key, title in (
        ("ids", "incremental_1000_touches", f"{per_batch} new touches with source ids"),
        ("plain", "incremental_1000_touches_no_ids", f"{per_batch} new touches, no source ids"),
    ):
        incremental = statistics.median(samples[variant])
        pct = 100.0 * incremental / full_rescore.seconds
        figure = bench_report.figure(
            key,
            f"{title} (one write txn)",
            "s",
            incremental,
            baseline=full_rescore.seconds,
            baseline_label="full rescore, median of the runs in this session",
            details={
                "samples_s": samples[variant],
                "percent_of_full": pct,
                "leads_per_batch": per_batch,
                "batches": batches,
            },
            note=f"= {pct:.2f} % of the full rescore",
        )
        if variant == "ids":  # the import path: the figure
            figure.limit("share of full rescore", pct, INCREMENTAL_LIMIT_PCT, "%")
        figures.append(bench_report.add(figure))
    bench_report.enforce(*figures)
