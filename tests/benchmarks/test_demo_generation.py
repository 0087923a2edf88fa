"""Figure 6: generating the demo data vs inserting as many touch rows with plain sqlite3.

The generation itself is the session's own (see ``bench_data`` in conftest.py); the
baseline inserts the same number of touch rows into a bare table with the touch
table's columns, in a fresh file, with ``executemany`` in one transaction.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from models.core.entities import Account, Lead, Touch, User

GENERATION_LIMIT_S = 120.0
KINDS = ("email_open", "email_click", "site_visit", "whitepaper_download", "pricing_page")
TITLES = ("料金ページ", "導入事例: 製造業", "Webinar: pipeline basics", "ホワイトペーパー")

pytestmark = pytest.mark.benchmark


def _touch_rows(count: int, leads: int, now: Any) -> Iterator[tuple[Any, ...]]:
    """``count`` touch rows spread over ``leads`` leads (~20 each), values like the demo's."""
    per_lead = max(1, count // leads)
    for n in range(count):
        lead_id = n // per_lead + 1
        at = (now - timedelta(seconds=(n * 7919) % 15_552_000)).replace(tzinfo=None)
        stamp = at.isoformat(sep=" ", timespec="microseconds")
        yield (
            lead_id,
            KINDS[n % len(KINDS)],
            stamp,
            TITLES[n % len(TITLES)],
            "demo-campaign",
            "marketing_automation",
            f"demo-{lead_id}-{n % per_lead}",
            stamp,
        )


def _plain_insert(path: Path, count: int, leads: int, now: Any) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute(
            "CREATE TABLE touch (id INTEGER PRIMARY KEY, lead_id INTEGER NOT NULL, "
            "kind VARCHAR(40) NOT NULL, occurred_at DATETIME NOT NULL, "
            "content_title VARCHAR(300), campaign VARCHAR(200), source_system VARCHAR(60), "
            "external_id VARCHAR(120), created_at DATETIME NOT NULL)"
        )
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO touch (lead_id, kind, occurred_at, content_title, campaign, "
            "source_system, external_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            _touch_rows(count, leads, now),
        )
        conn.execute("COMMIT")
        seconds = time.perf_counter() - started
        assert conn.execute("SELECT count(*) FROM touch").fetchone()[0] == count
        return seconds
    finally:
        conn.close()


def test_demo_generation(bench_data: Any, bench_report: Any, bench_dir: Path) -> None:
    generated = bench_data.generated
    leads = bench_data.leads
    # The data set is what was asked for.
    assert generated.leads == leads
    with bench_data.db.read() as session:
        assert session.scalar(select(func.count(Lead.id))) == leads
        assert session.scalar(select(func.count(Touch.id))) == generated.touches
        assert session.scalar(select(func.count(Account.id))) == generated.accounts
        assert session.scalar(select(func.count(User.id))) == generated.users
    assert 15 <= generated.touches / leads <= 25  # "about 20 touches per lead"
    # Every lead was scored at generation time.
    assert bench_data.scored_at_range == (bench_data.generated_at, bench_data.generated_at)
    now = bench_data.generated_at

    baseline = _plain_insert(bench_dir / "plain-touches.sqlite3", generated.touches, leads, now)
    figure = bench_report.figure(
        "demo_generation",
        f"demo generation ({leads} leads, {generated.touches} touches)",
        "s",
        bench_data.generate_seconds,
        baseline=baseline,
        baseline_label=f"plain sqlite3 executemany of {generated.touches} touch rows "
        "into a bare table, fresh file",
        details={
            "touches": generated.touches,
            "calls": generated.calls,
            "accounts": generated.accounts,
        },
    )
    figure.limit("generation", bench_data.generate_seconds, GENERATION_LIMIT_S, "s")
    bench_report.add(figure)
    bench_report.enforce(figure)
