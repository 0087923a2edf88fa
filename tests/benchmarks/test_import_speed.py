"""Importing touches at scale, beside what other tools take for the same file.

- **a million touches** (``touches = 10 × leads``: 1,000,000 at the full 100,000 leads) of
  the demo's leads, by email, into a copy of the demo database on SQLite: Baton's import
  (read, checked, matched, deduplicated, landed in batches) beside the ``sqlite3`` command
  line's ``.import`` of the same file into a bare table, and pandas ``read_csv`` +
  ``to_sql`` (measured only when pandas is installed: ``pip install -e .[bench]``) into a
  bare table. Two figures: rows landed (what a throughput is), and the whole import with
  the rescoring of every lead it touched after the last batch.
- **1,000 new touches into the full database**, rescoring included, on SQLite and
  PostgreSQL (≤ 2 s); baseline: one raw insert of the same rows.
"""

from __future__ import annotations

import csv
import random
import shutil
import sqlite3
import subprocess
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models.core.entities import Lead, Touch, User
from models.db.database import Database, open_database
from models.imports.fields import ImportKind
from models.imports.run import ImportRequest, run_import
from tests.benchmarks.conftest import FULL_LEADS, GENERATED_AT, BenchData, BenchReport
from tests.benchmarks.test_definition_speed import bench_db, pg_bench

pytestmark = pytest.mark.benchmark

__all__ = ["bench_db", "pg_bench"]

SMALL_IMPORT = 1_000
SMALL_LIMIT_S = 2.0
IMPORT_SHARE = 0.25  # of the sqlite3 command line's throughput
KINDS = (
    "資料請求",
    "ホワイトペーパー",
    "セミナー申込",
    "メール開封",
    "メールクリック",
    "ページ閲覧",
    "料金ページ",
)


def _importer(db: Database) -> int:
    with db.read() as session:
        found = session.scalars(
            select(User.id).where(User.role.in_(("admin", "marketing"))).order_by(User.id)
        ).first()
    assert found is not None, "the demo has an administrator"
    return int(found)


def _emails(db: Database) -> list[str]:
    with db.read() as session:
        return [e for e in session.scalars(select(Lead.email).order_by(Lead.id)) if e]


def _touch_file(path: Path, emails: list[str], rows: int, seed: int) -> Path:
    rng = random.Random(seed)
    start = GENERATED_AT - timedelta(days=200)
    with path.open("w", encoding="utf-8", newline="") as stream:
        out = csv.writer(stream)
        out.writerow(["touch_id", "email", "kind", "occurred_at", "content", "campaign"])
        for n in range(rows):
            at = start + timedelta(minutes=rng.randrange(200 * 24 * 60))
            out.writerow(
                [
                    f"bench-{seed}-{n}",
                    rng.choice(emails),
                    rng.choice(KINDS),
                    at.strftime("%Y-%m-%d %H:%M:%S"),
                    f"ホワイトペーパー {rng.randrange(40)}",
                    f"2026 キャンペーン {rng.randrange(12)}",
                ]
            )
    return path


def _sqlite3_import(csv_path: Path, folder: Path) -> float:
    bare = folder / "bare.sqlite3"
    bare.unlink(missing_ok=True)
    started = time.perf_counter()
    subprocess.run(
        [
            "sqlite3",
            str(bare),
            "CREATE TABLE t(touch_id TEXT, email TEXT, kind TEXT, occurred_at TEXT,"
            " content TEXT, campaign TEXT);",
            ".mode csv",
            f".import --skip 1 {csv_path} t",
        ],
        check=True,
    )
    return time.perf_counter() - started


def _pandas_import(csv_path: Path, folder: Path) -> float | None:
    try:
        import pandas as pd
    except ImportError:
        return None
    bare = folder / "pandas.sqlite3"
    bare.unlink(missing_ok=True)
    started = time.perf_counter()
    frame = pd.read_csv(csv_path)
    with sqlite3.connect(bare) as connection:
        frame.to_sql("t", connection, index=False)
    return time.perf_counter() - started


def test_a_million_touches(
    bench_data: BenchData, bench_report: BenchReport, tmp_path: Path
) -> None:
    if shutil.which("sqlite3") is None:
        pytest.skip("the sqlite3 command line (the baseline) is not installed")
    copy = tmp_path / "import.sqlite3"
    with sqlite3.connect(bench_data.path) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    db = open_database(f"sqlite:///{copy}")
    try:
        rows = bench_report.leads * 10
        csv_path = _touch_file(tmp_path / "touches.csv", _emails(db), rows, seed=1)
        user = _importer(db)
        with db.read() as session:
            before = session.scalar(select(func.count()).select_from(Touch))
        # Side by side, in one run: the baselines, then Baton's import.
        command_line = _sqlite3_import(csv_path, tmp_path)
        pandas = _pandas_import(csv_path, tmp_path)
        landed_at: list[float] = []
        started = time.perf_counter()
        report = run_import(
            db,
            user,
            ImportRequest(csv_path, kind=ImportKind.TOUCHES),
            lambda: GENERATED_AT,
            progress=lambda done, total: landed_at.append(time.perf_counter()),
        )
        whole = time.perf_counter() - started
        with db.read() as session:
            after = session.scalar(select(func.count()).select_from(Touch))
            due = session.scalar(
                select(func.count()).select_from(Lead).where(Lead.rescore_due_at <= GENERATED_AT)
            )
    finally:
        db.close()
    assert report.rejected == 0 and report.landed == rows and after - before == rows
    assert due == 0, "every touched lead was rescored"
    landing = landed_at[-1] - started
    share = command_line / landing
    figure = bench_report.figure(
        "import_touches_sqlite",
        f"import {rows:,} touches (sqlite)",
        "s",
        landing,
        baseline=command_line,
        baseline_label="sqlite3 .import of the same file into a bare table",
        details={
            "rows": rows,
            "landing_s": landing,
            "with_rescoring_s": whole,
            "leads_rescored": len(report.lead_ids),
            "pandas_s": pandas,
            "sqlite3_import_s": command_line,
        },
        note=(
            f"{share:.0%} of .import's throughput; with rescoring {whole:.1f} s"
            + (f"; pandas {pandas:.1f} s" if pandas is not None else "; pandas not installed")
        ),
    )
    if bench_report.leads >= FULL_LEADS:
        # At least a quarter of .import's throughput: at most four times its time.
        figure.limit("landing / .import", landing / command_line, 1 / IMPORT_SHARE, "×")
        if pandas is not None:
            figure.limit("landing / pandas", landing / pandas, 1.0, "×")
    bench_report.add(figure)
    bench_report.enforce(figure)


def test_a_thousand_new_touches(
    bench_db: Database, bench_report: BenchReport, tmp_path: Path
) -> None:
    emails = _emails(bench_db)
    csv_path = _touch_file(tmp_path / "small.csv", emails, SMALL_IMPORT, seed=2)
    user = _importer(bench_db)
    started = time.perf_counter()
    report = run_import(
        bench_db, user, ImportRequest(csv_path, kind=ImportKind.TOUCHES), lambda: GENERATED_AT
    )
    seconds = time.perf_counter() - started
    assert report.landed == SMALL_IMPORT and report.rejected == 0
    again = run_import(
        bench_db, user, ImportRequest(csv_path, kind=ImportKind.TOUCHES), lambda: GENERATED_AT
    )
    assert again.landed == 0 and again.unchanged == SMALL_IMPORT
    figure = bench_report.figure(
        f"import_small_{bench_db.dialect}",
        f"import {SMALL_IMPORT:,} new touches ({bench_db.dialect})",
        "s",
        seconds,
        details={"leads_rescored": len(report.lead_ids)},
        note=f"{len(report.lead_ids)} leads rescored; the same file again: nothing changed",
    )
    if bench_report.leads >= FULL_LEADS:
        figure.limit("with rescoring", seconds, SMALL_LIMIT_S, "s")
    bench_report.add(figure)
    bench_report.enforce(figure)
